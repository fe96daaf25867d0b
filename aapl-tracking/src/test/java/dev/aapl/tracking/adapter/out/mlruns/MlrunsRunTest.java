package dev.aapl.tracking.adapter.out.mlruns;

import static dev.aapl.tracking.adapter.out.mlruns.MlrunsLayoutTest.lines;
import static dev.aapl.tracking.adapter.out.mlruns.MlrunsLayoutTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.port.out.TrackedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlrunsRunTest {

    private static final Instant NOW = Instant.parse("2024-03-04T15:30:00Z");

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
    void marksAFailedRunFailedWithItsError() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.fail("not enough bars:\nneed 200, have 12");

        Path folder = runFolder(run);
        assertThat(lines(folder.resolve("meta.yaml")))
                .contains("status: 4", "end_time: " + NOW.toEpochMilli());
        assertThat(read(folder.resolve("tags/aapl.error")))
                .isEqualTo("not enough bars: need 200, have 12");
    }

    @Test
    void keepsAFailedRunFailedWhenFinishIsCalledLater() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.fail("boom");
        run.finish();

        assertThat(lines(runFolder(run).resolve("meta.yaml"))).contains("status: 4")
                .doesNotContain("status: 3");
    }

    @Test
    void truncatesAnErrorLongerThanMlflowAcceptsForATag() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        run.fail("x".repeat(MlflowNames.MAX_TAG_VALUE_LENGTH + 10));

        assertThat(read(runFolder(run).resolve("tags/aapl.error")))
                .hasSize(MlflowNames.MAX_TAG_VALUE_LENGTH);
    }

    @Test
    void refusesToChangeALoggedParam() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());
        run.logParams(Map.of("trees", "100"));

        run.logParams(Map.of("trees", "100"));

        assertThatThrownBy(() -> run.logParams(Map.of("trees", "200")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trees");
        assertThat(read(runFolder(run).resolve("params/trees"))).isEqualTo("100");
    }

    @Test
    void overwritesATag() throws IOException {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of("aapl.stage", "training"));

        run.setTags(Map.of("aapl.stage", "scored"));

        assertThat(read(runFolder(run).resolve("tags/aapl.stage"))).isEqualTo("scored");
    }

    @Test
    void refusesAnInvalidKeyBeforeWritingAnything() {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        assertThatThrownBy(() -> run.logMetrics(Map.of("rmse", 1.0, "bad*name", 2.0), 0))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("bad*name");
        assertThat(runFolder(run).resolve("metrics/rmse")).doesNotExist();
    }

    @Test
    void refusesAnArtifactPathThatClimbsOutOfTheRun() throws IOException {
        Path source = Files.createDirectories(temp.resolve("files"));
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        assertThatThrownBy(() -> run.logArtifacts(source, "../outside"))
                .isInstanceOf(AaplException.class);
        assertThatThrownBy(() -> run.logArtifacts(source, "/abs"))
                .isInstanceOf(AaplException.class);
    }

    @Test
    void refusesToRegisterAModelFolderTheRunDidNotLog() {
        TrackedRun run = tracking.startRun("aapl-1h", "run", Map.of());

        assertThatThrownBy(() -> tracking.registerVersion("aapl-1h-rf", run, "model", Map.of()))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("no model folder 'model'");
    }

    @Test
    void refusesToPromoteAVersionThatDoesNotExist() {
        assertThatThrownBy(() -> tracking.setChampion("aapl-1h-rf", 3))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no version 3");
    }

    private Path runFolder(TrackedRun run) {
        return root.resolve("1").resolve(run.runId());
    }
}
