package dev.aapl.tracking.adapter.out.mlruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.port.out.ModelRegistryPort.RegistryLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Locks are held by try-with-resources blocks that never use them otherwise.
@SuppressWarnings("try")
class TrainingLockTest {

    private static final String MODEL = "aapl-1h-rf";
    private static final Duration SHORT_WAIT = Duration.ofMillis(300);

    @TempDir
    Path temp;

    @Test
    void letsTheSecondCallerWaitThenFailWithTheHoldersPid() {
        MlrunsTracking tracking = MlrunsTracking.open(temp, SHORT_WAIT);

        try (RegistryLock held = tracking.lock(MODEL)) {
            assertThatThrownBy(() -> tracking.lock(MODEL))
                    .isInstanceOf(AaplException.class)
                    .hasMessageStartingWith("another training of " + MODEL + " is running (pid "
                            + ProcessHandle.current().pid() + " since ")
                    .satisfies(e -> assertThat(((AaplException) e).hint())
                            .contains("wait for it to finish"));
        }
    }

    @Test
    void letsTheNextCallerInOnceTheLockIsClosed() {
        MlrunsTracking tracking = MlrunsTracking.open(temp, SHORT_WAIT);
        tracking.lock(MODEL).close();

        try (RegistryLock again = tracking.lock(MODEL)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void locksEachModelSeparately() {
        MlrunsTracking tracking = MlrunsTracking.open(temp, SHORT_WAIT);

        try (RegistryLock first = tracking.lock(MODEL);
                RegistryLock other = tracking.lock("aapl-1d-rf")) {
            assertThat(other).isNotNull();
        }
    }

    @Test
    void writesTheHoldersPidIntoTheLockFileAndRegistersTheModel() throws IOException {
        MlrunsTracking tracking = MlrunsTracking.open(temp, SHORT_WAIT);

        try (RegistryLock held = tracking.lock(MODEL)) {
            Path file = temp.resolve("models").resolve(MODEL).resolve(".train.lock");
            assertThat(Files.readString(file))
                    .startsWith("pid=" + ProcessHandle.current().pid() + "\nstarted=");
            assertThat(temp.resolve("models").resolve(MODEL).resolve("meta.yaml"))
                    .isRegularFile();
        }
    }

    @Test
    void takesOverTheLockOfAProcessThatWasKilled() throws Exception {
        Process holder = startHolder();
        try {
            assertThatThrownBy(() -> MlrunsTracking.open(temp, SHORT_WAIT).lock(MODEL))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("(pid " + holder.pid() + " since ");

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (RegistryLock taken = MlrunsTracking.open(temp, Duration.ofSeconds(5))
                    .lock(MODEL)) {
                assertThat(Files.readString(temp.resolve("models").resolve(MODEL)
                        .resolve(".train.lock")))
                        .startsWith("pid=" + ProcessHandle.current().pid());
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    private Process startHolder() throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(List.of(java, "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(),
                temp.toString(), MODEL))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!LockHolder.READY.equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("the lock holder did not start: " + line);
        }
        return process;
    }
}
