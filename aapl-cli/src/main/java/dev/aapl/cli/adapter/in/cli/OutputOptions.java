package dev.aapl.cli.adapter.in.cli;

import picocli.CommandLine.Option;

/** How results and diagnostics are shown. */
final class OutputOptions {

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = {"-v", "--verbose"},
            description = "Log details, including library logs and stack traces of errors.")
    boolean verbose;
}
