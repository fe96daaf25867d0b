package dev.aapl.tracking.adapter.out.mlruns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.port.out.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the files against the layout of MLflow's file store and file registry, as read in
 * MLflow 3.17's {@code store/tracking/file_store.py} and
 * {@code store/model_registry/file_store.py}.
 */
class MlrunsLayoutTest {

    private static final Instant NOW = Instant.parse("2024-03-04T15:30:00Z");
    private static final long NOW_MS = NOW.toEpochMilli();

    @TempDir
    Path temp;

    private Path root;
    private MlrunsTracking tracking;

    @BeforeEach
    void openStore() {
        root = temp.resolve("mlruns");
        tracking = new MlrunsTracking(root, Duration.ofMillis(200),
                Clock.fixed(NOW, ZoneOffset.UTC), new AtomicFiles());
    }

    @Test
    void createsTheDefaultExperimentAndTheNamedOneWithTheNextId() throws IOException {
        tracking.startRun("aapl-1h", "first", Map.of());

        assertThat(lines(root.resolve("0/meta.yaml"))).contains("experiment_id: \"0\"",
                "name: \"Default\"", "lifecycle_stage: \"active\"");
        assertThat(root.resolve(".trash")).isDirectory();
        assertThat(lines(root.resolve("1/meta.yaml"))).containsExactly(
                "artifact_location: \"" + root.resolve("1").toUri().toString()
                        .replaceAll("/$", "") + "\"",
                "creation_time: " + NOW_MS,
                "effective_trace_archival_retention: null",
                "experiment_id: \"1\"",
                "last_update_time: " + NOW_MS,
                "lifecycle_stage: \"active\"",
                "name: \"aapl-1h\"",
                "trace_location: null",
                "workspace: \"default\"");
    }

    @Test
    void reusesAnExperimentByNameAndNumbersTheNextOne() {
        TrackedRun first = tracking.startRun("aapl-1h", "a", Map.of());
        TrackedRun again = tracking.startRun("aapl-1h", "b", Map.of());
        TrackedRun other = tracking.startRun("aapl-1d", "c", Map.of());

        assertThat(root.resolve("1").resolve(first.runId())).isDirectory();
        assertThat(root.resolve("1").resolve(again.runId())).isDirectory();
        assertThat(root.resolve("2").resolve(other.runId())).isDirectory();
    }

    @Test
    void writesARunsMetaYamlAndMlflowsOwnTags() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "train 2024-03-04",
                Map.of("aapl.ticker", "AAPL"));

        Path folder = root.resolve("1").resolve(run.runId());
        assertThat(run.runId()).matches("[0-9a-f]{32}");
        assertThat(folder.resolve("metrics")).isDirectory();
        assertThat(folder.resolve("params")).isDirectory();
        assertThat(folder.resolve("artifacts")).isDirectory();
        assertThat(lines(folder.resolve("meta.yaml"))).contains(
                "artifact_uri: \"" + folder.resolve("artifacts").toUri().toString()
                        .replaceAll("/$", "") + "\"",
                "end_time: null",
                "experiment_id: \"1\"",
                "lifecycle_stage: \"active\"",
                "run_id: \"" + run.runId() + "\"",
                "run_uuid: \"" + run.runId() + "\"",
                "run_name: \"train 2024-03-04\"",
                "source_type: 4",
                "start_time: " + NOW_MS,
                "status: 1",
                "tags: []",
                "user_id: \"" + System.getProperty("user.name") + "\"");
        assertThat(read(folder.resolve("tags/mlflow.runName"))).isEqualTo("train 2024-03-04");
        assertThat(read(folder.resolve("tags/mlflow.user")))
                .isEqualTo(System.getProperty("user.name"));
        assertThat(read(folder.resolve("tags/mlflow.source.type"))).isEqualTo("LOCAL");
        assertThat(folder.resolve("tags/mlflow.source.name")).isRegularFile();
        assertThat(read(folder.resolve("tags/aapl.ticker"))).isEqualTo("AAPL");
    }

    @Test
    void writesParamsAsFilesAndMetricsAsHistoryLines() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.logParams(Map.of("trees", "100", "features/lags", "1,2,3"));
        run.logMetrics(Map.of("rmse", 1.5, "fold/mae", 0.25), 0);
        run.logMetrics(Map.of("rmse", 1.25), 1);

        Path folder = root.resolve("1").resolve(run.runId());
        assertThat(read(folder.resolve("params/trees"))).isEqualTo("100");
        assertThat(read(folder.resolve("params/features/lags"))).isEqualTo("1,2,3");
        assertThat(read(folder.resolve("metrics/rmse")))
                .isEqualTo(NOW_MS + " 1.5 0\n" + NOW_MS + " 1.25 1\n");
        assertThat(read(folder.resolve("metrics/fold/mae"))).isEqualTo(NOW_MS + " 0.25 0\n");
    }

    @Test
    void writesNonFiniteMetricsAsPythonReadsThem() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.logMetrics(Map.of("skill", Double.NaN, "ratio", Double.NEGATIVE_INFINITY), 3);

        Path metrics = root.resolve("1").resolve(run.runId()).resolve("metrics");
        assertThat(read(metrics.resolve("skill"))).isEqualTo(NOW_MS + " nan 3\n");
        assertThat(read(metrics.resolve("ratio"))).isEqualTo(NOW_MS + " -inf 3\n");
    }

    @Test
    void copiesArtifactFoldersRecursively() throws IOException {
        Path model = temp.resolve("model");
        Files.createDirectories(model.resolve("spec"));
        Files.writeString(model.resolve("forest.bin"), "synthetic model bytes");
        Files.writeString(model.resolve("spec/features.json"), "{}");
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.logArtifacts(model, "model");
        run.logArtifacts(model.resolve("spec"), "");

        Path artifacts = root.resolve("1").resolve(run.runId()).resolve("artifacts");
        assertThat(relativeFiles(artifacts)).containsExactlyInAnyOrder("model/forest.bin",
                "model/spec/features.json", "features.json");
        assertThat(read(artifacts.resolve("model/forest.bin"))).isEqualTo("synthetic model bytes");
    }

    @Test
    void finishingARunRecordsItsStatusAndEndTime() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.finish();

        assertThat(lines(root.resolve("1").resolve(run.runId()).resolve("meta.yaml")))
                .contains("status: 3", "end_time: " + NOW_MS);
    }

    @Test
    void registersVersionsInTheFileRegistryLayout() throws IOException {
        TrackedRun run = runWithModel();

        ModelVersion first = tracking.registerVersion("aapl-1h-rf", run, "model",
                Map.of("rmse", "1.25"));
        ModelVersion second = tracking.registerVersion("aapl-1h-rf", run, "model", Map.of());

        Path model = root.resolve("models/aapl-1h-rf");
        String source = root.resolve("1").resolve(run.runId()).resolve("artifacts/model").toUri()
                .toString().replaceAll("/$", "");
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(first.source()).isEqualTo(source);
        assertThat(lines(model.resolve("meta.yaml"))).contains("name: \"aapl-1h-rf\"",
                "creation_timestamp: " + NOW_MS, "last_updated_timestamp: " + NOW_MS);
        assertThat(lines(model.resolve("version-1/meta.yaml"))).contains(
                "creation_timestamp: " + NOW_MS,
                "current_stage: \"None\"",
                "name: \"aapl-1h-rf\"",
                "run_id: \"" + run.runId() + "\"",
                "source: \"" + source + "\"",
                "status: \"READY\"",
                "version: 1");
        assertThat(read(model.resolve("version-1/tags/rmse"))).isEqualTo("1.25");
        assertThat(model.resolve("version-2/meta.yaml")).isRegularFile();
    }

    @Test
    void storesTheChampionAliasAsAFileHoldingTheVersion() throws IOException {
        TrackedRun run = runWithModel();
        tracking.registerVersion("aapl-1h-rf", run, "model", Map.of());
        tracking.registerVersion("aapl-1h-rf", run, "model", Map.of());

        tracking.setChampion("aapl-1h-rf", 2);

        assertThat(read(root.resolve("models/aapl-1h-rf/aliases/champion"))).isEqualTo("2");
        assertThat(tracking.champion("aapl-1h-rf")).get()
                .extracting(ModelVersion::version).isEqualTo(2);
        assertThat(tracking.versions("aapl-1h-rf")).extracting(ModelVersion::champion)
                .containsExactly(false, true);
    }

    @Test
    void readsVersionsBackWithTheirTagsOldestFirst() {
        TrackedRun run = runWithModel();
        tracking.registerVersion("aapl-1h-rf", run, "model", Map.of("rmse", "1.5"));
        tracking.registerVersion("aapl-1h-rf", run, "model", Map.of());

        tracking.setVersionTags("aapl-1h-rf", 2, Map.of("aapl.decision", "promoted"));
        List<ModelVersion> versions = tracking.versions("aapl-1h-rf");

        assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(versions.get(0).tags()).containsExactly(Map.entry("rmse", "1.5"));
        assertThat(versions.get(1).tags()).containsExactly(Map.entry("aapl.decision", "promoted"));
        assertThat(versions.get(1).runId()).isEqualTo(run.runId());
        assertThat(versions.get(1).createdAt()).isEqualTo(NOW);
    }

    @Test
    void findsTheModelFolderOfAVersion() {
        TrackedRun run = runWithModel();
        ModelVersion version = tracking.registerVersion("aapl-1h-rf", run, "model", Map.of());

        Path folder = tracking.modelFolder(version);

        assertThat(folder.resolve("forest.bin")).isRegularFile();
    }

    @Test
    void listsNoVersionsOfAnUnknownModel() {
        assertThat(tracking.versions("nothing-here")).isEmpty();
        assertThat(tracking.champion("nothing-here")).isEmpty();
    }

    @Test
    void reportsItsFolderAsLocation() {
        assertThat(tracking.location()).isEqualTo(root.toAbsolutePath().toString());
    }

    private TrackedRun runWithModel() {
        try {
            Path model = temp.resolve("model-files");
            Files.createDirectories(model);
            Files.writeString(model.resolve("forest.bin"), "synthetic model bytes");
            TrackedRun run = tracking.startRun("aapl-1h", "train", Map.of());
            run.logArtifacts(model, "model");
            return run;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }
}
