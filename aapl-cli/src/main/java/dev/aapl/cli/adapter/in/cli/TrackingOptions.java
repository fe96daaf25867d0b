package dev.aapl.cli.adapter.in.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where runs and registered models are kept. */
final class TrackingOptions {

    @Option(names = "--tracking-dir", paramLabel = "DIR",
            defaultValue = "${env:AAPL_TRACKING_DIR:-mlruns}",
            description = "Local MLflow tracking folder (default: ${DEFAULT-VALUE}; "
                    + "environment variable AAPL_TRACKING_DIR).")
    Path trackingDir;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for another training of the same model to finish "
                    + "before giving up; 0 gives up at once (default: ${DEFAULT-VALUE}).")
    long lockWaitSeconds;

    Duration lockWait() {
        if (lockWaitSeconds < 0) {
            throw new IllegalArgumentException(
                    "--lock-wait must be 0 or more seconds, was " + lockWaitSeconds);
        }
        return Duration.ofSeconds(lockWaitSeconds);
    }
}
