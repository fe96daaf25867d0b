package dev.aapl.core.domain;

import java.util.Objects;

/**
 * The version of the product that runs, recorded with every run and model.
 *
 * @param version the project version, for example {@code 0.1.0-SNAPSHOT}
 * @param gitCommit the commit it was built from, or an empty string when unknown
 */
public record BuildInfo(String version, String gitCommit) {

    /** Checks that nothing is missing. */
    public BuildInfo {
        Objects.requireNonNull(version, "version");
        gitCommit = gitCommit == null ? "" : gitCommit;
    }
}
