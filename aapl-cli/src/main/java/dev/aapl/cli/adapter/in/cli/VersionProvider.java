package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the project version and, when known, the commit. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfos.current();
        return new String[] {"aapl " + build.version()
                + (build.gitCommit().isEmpty() ? "" : " (" + build.gitCommit() + ")")};
    }
}
