package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and commit this jar was built from, read from a file the build writes. */
final class BuildInfos {

    private static final BuildInfo CURRENT = load();

    private BuildInfos() {
    }

    static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfos.class.getResourceAsStream("/aapl-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Without the file the version is unknown; nothing else depends on it.
        }
        String commit = properties.getProperty("git.commit", "");
        return new BuildInfo(properties.getProperty("version", "unknown"),
                commit.startsWith("${") ? "" : commit);
    }
}
