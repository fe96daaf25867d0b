package dev.aapl.cli.adapter.in.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where runs and registered models are kept. */
final class TrackingOptions {

    @Option(names = "--tracking-dir", paramLabel = "DIR",
            defaultValue = "${env:AAPL_TRACKING_DIR:-mlruns}",
            description = "Local MLflow tracking folder (default: ${DEFAULT-VALUE}; "
                    + "environment variable AAPL_TRACKING_DIR).")
    Path trackingDir;
}
