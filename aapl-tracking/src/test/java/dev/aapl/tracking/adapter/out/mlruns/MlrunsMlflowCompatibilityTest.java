package dev.aapl.tracking.adapter.out.mlruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.port.out.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a tracking folder with {@link MlrunsTracking} and reads it back with MLflow's own
 * Python client ({@code src/test/python/verify_mlruns.py}), then imports it with
 * {@code mlflow migrate-filestore}: MLflow itself decides whether the layout is right. Needs
 * the interpreter that {@code scripts/python-env.sh} installs, named by the environment
 * variable {@code AAPL_MLFLOW_PYTHON}; skipped without it.
 */
class MlrunsMlflowCompatibilityTest {

    private static final String PYTHON_VARIABLE = "AAPL_MLFLOW_PYTHON";
    private static final String EXPERIMENT = "aapl-1h";
    private static final String MODEL = "aapl-1h-rf";
    // Quotes, a colon, a hash and a line break test the quoting of meta.yaml and tag files.
    private static final String RUN_NAME = "train: 'AAPL' \"1h\" #1";
    private static final String NOTE = "synthetic bars: it's \"quoted\"\nsecond line ü €";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    static Path temp;

    private static JsonNode summary;
    private static String finishedRunId;
    private static String failedRunId;

    @BeforeAll
    static void writeWithJavaAndReadWithMlflow() throws Exception {
        String python = System.getenv(PYTHON_VARIABLE);
        if (python == null || python.isBlank()) {
            return;
        }
        Path root = temp.resolve("mlruns");
        writeStore(root);
        summary = verify(python, root);
    }

    @BeforeEach
    void needsMlflow() {
        assumeTrue(summary != null, PYTHON_VARIABLE + " is not set: run scripts/python-env.sh"
                + " and set " + PYTHON_VARIABLE + " to the python path it prints to check the"
                + " mlruns layout with MLflow itself");
    }

    @Test
    void mlflowReadsTheExperimentBesideItsDefault() {
        assertThat(summary.get("experiments")).extracting(node -> node.get("name").asText())
                .containsExactly("Default", EXPERIMENT);
        assertThat(summary.get("runs")).hasSize(2);
    }

    @Test
    void mlflowSeesTheFinishedRunWithItsParamsAndTags() {
        JsonNode run = run(finishedRunId);

        assertThat(run.get("status").asText()).isEqualTo("FINISHED");
        assertThat(run.get("run_name").asText()).isEqualTo(RUN_NAME);
        assertThat(run.get("end_time").isNumber()).isTrue();
        assertThat(run.at("/params/trees").asText()).isEqualTo("100");
        assertThat(run.at("/params/features~1lags").asText()).isEqualTo("1,2,3,5,8");
        assertThat(run.at("/params/note").asText()).isEqualTo(NOTE);
        assertThat(run.at("/tags/mlflow.runName").asText()).isEqualTo(RUN_NAME);
        assertThat(run.at("/tags/mlflow.user").asText())
                .isEqualTo(System.getProperty("user.name"));
        assertThat(run.at("/tags/mlflow.source.type").asText()).isEqualTo("LOCAL");
        assertThat(run.at("/tags/aapl.ticker").asText()).isEqualTo("AAPL");
        assertThat(run.get("user_id").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void mlflowSeesTheFullMetricHistories() {
        JsonNode metrics = run(finishedRunId).get("metrics");

        assertThat(history(metrics.get("fold/rmse"))).containsExactly(
                List.of(0.0, 1.5), List.of(1.0, 1.25), List.of(2.0, 1.125));
        assertThat(history(metrics.get("skill"))).containsExactly(List.of(0.0, -0.03125));
        assertThat(metrics.get("nan_metric").get(0).get("value").asDouble()).isNaN();
        assertThat(run(finishedRunId).at("/latest_metrics/fold~1rmse").asDouble())
                .isEqualTo(1.125);
    }

    @Test
    void mlflowListsTheArtifactsIncludingNestedFolders() {
        assertThat(run(finishedRunId).get("artifacts")).extracting(JsonNode::asText)
                .containsExactly("model/forest.bin", "model/spec/features.json",
                        "report/summary.txt");
    }

    @Test
    void mlflowSeesTheFailedRunAsFailedWithItsError() {
        JsonNode run = run(failedRunId);

        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("end_time").isNumber()).isTrue();
        assertThat(run.at("/tags/aapl.error").asText())
                .isEqualTo("not enough bars: need 200, have 12");
    }

    @Test
    void mlflowSeesBothVersionsWithTheirSourcesAndTags() {
        JsonNode model = summary.get("models").get(0);
        JsonNode versions = model.get("versions");

        assertThat(model.get("name").asText()).isEqualTo(MODEL);
        assertThat(versions).extracting(node -> node.get("version").asInt())
                .containsExactly(1, 2);
        assertThat(versions).allSatisfy(version -> {
            assertThat(version.get("run_id").asText()).isEqualTo(finishedRunId);
            assertThat(version.get("status").asText()).isEqualTo("READY");
            assertThat(version.get("source").asText()).startsWith("file:///")
                    .endsWith("/" + finishedRunId + "/artifacts/model");
        });
        assertThat(versions.get(0).at("/tags/rmse").asText()).isEqualTo("1.125");
        assertThat(versions.get(1).at("/tags/aapl.decision").asText()).isEqualTo("promoted");
    }

    @Test
    void mlflowResolvesTheChampionAliasToTheSecondVersionAndItsFiles() {
        JsonNode model = summary.get("models").get(0);

        assertThat(model.at("/aliases/champion/version").asInt()).isEqualTo(2);
        assertThat(model.at("/aliases/champion/files")).extracting(JsonNode::asText)
                .containsExactly("forest.bin", "spec/features.json");
        assertThat(model.get("versions").get(0).get("aliases")).isEmpty();
        assertThat(model.get("versions").get(1).get("aliases")).extracting(JsonNode::asText)
                .containsExactly("champion");
    }

    @Test
    void mlflowImportsTheFolderIntoADatabaseWithItsMigrationTool() {
        JsonNode migrated = summary.get("migrated");

        assertThat(migrated.get("runs")).extracting(run -> run.get("status").asText())
                .containsExactlyInAnyOrder("FINISHED", "FAILED");
        assertThat(migrated.at("/models/" + MODEL + "/versions"))
                .extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(migrated.at("/models/" + MODEL + "/aliases/champion").asInt()).isEqualTo(2);
        for (JsonNode run : migrated.get("runs")) {
            if (run.get("run_id").asText().equals(finishedRunId)) {
                assertThat(run.at("/metric_points/fold~1rmse").asInt()).isEqualTo(3);
                assertThat(run.at("/params/note").asText()).isEqualTo(NOTE);
            }
        }
    }

    private static void writeStore(Path root) throws IOException {
        Path model = Files.createDirectories(temp.resolve("model/spec"));
        Files.writeString(temp.resolve("model/forest.bin"), "synthetic model bytes");
        Files.writeString(model.resolve("features.json"), "{\"lags\":[1,2,3,5,8]}");
        Path report = Files.createDirectories(temp.resolve("report"));
        Files.writeString(report.resolve("summary.txt"), "synthetic report");
        MlrunsTracking tracking = MlrunsTracking.open(root);

        TrackedRun run = tracking.startRun(EXPERIMENT, RUN_NAME, Map.of("aapl.ticker", "AAPL"));
        run.logParams(Map.of("trees", "100", "features/lags", "1,2,3,5,8", "note", NOTE));
        run.logMetrics(Map.of("fold/rmse", 1.5, "skill", -0.03125, "nan_metric", Double.NaN),
                0);
        run.logMetrics(Map.of("fold/rmse", 1.25), 1);
        run.logMetrics(Map.of("fold/rmse", 1.125), 2);
        run.logArtifacts(temp.resolve("model"), "model");
        run.logArtifacts(report, "report");
        run.finish();
        finishedRunId = run.runId();

        TrackedRun failed = tracking.startRun(EXPERIMENT, "broken", Map.of());
        failed.fail("not enough bars:\nneed 200, have 12");
        failedRunId = failed.runId();

        tracking.registerVersion(MODEL, run, "model", Map.of("rmse", "1.125"));
        ModelVersion second = tracking.registerVersion(MODEL, run, "model", Map.of());
        tracking.setVersionTags(MODEL, second.version(), Map.of("aapl.decision", "promoted"));
        tracking.setChampion(MODEL, 1);
        tracking.setChampion(MODEL, second.version());
    }

    private static JsonNode verify(String python, Path root)
            throws IOException, InterruptedException {
        Path script = verifierScript();
        Path out = temp.resolve("verify.json");
        Path err = temp.resolve("verify.err");
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), root.toString(),
                "--experiment", EXPERIMENT, "--model", MODEL, "--migrate")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("MLFLOW_ALLOW_FILE_STORE", "true");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("verify_mlruns.py did not finish in 180 s");
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("MLflow could not read the folder:%n%s", errors)
                .isZero();
        return JSON.readTree(out.toFile());
    }

    private static Path verifierScript() {
        Path inModule = Path.of("src/test/python/verify_mlruns.py");
        return Files.isRegularFile(inModule) ? inModule
                : Path.of("aapl-tracking").resolve(inModule);
    }

    private static JsonNode run(String runId) {
        for (JsonNode run : summary.get("runs")) {
            if (run.get("run_id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("MLflow does not list run " + runId);
    }

    private static List<List<Double>> history(JsonNode entries) {
        List<List<Double>> steps = new ArrayList<>();
        for (JsonNode entry : entries) {
            steps.add(List.of(entry.get("step").asDouble(), entry.get("value").asDouble()));
        }
        return steps;
    }
}
