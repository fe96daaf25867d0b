/**
 * The command line: one picocli command per class, each returning its exit code, results on
 * standard output (one JSON object with {@code --json}), logs and progress on standard error.
 */
package dev.aapl.cli.adapter.in.cli;
