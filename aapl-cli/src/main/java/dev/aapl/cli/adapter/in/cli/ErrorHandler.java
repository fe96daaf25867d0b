package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.AaplException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and an exit code: 1 for a failure, 2
 * for a usage error. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int FAILURE = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine,
            ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.originalArgs().stream()
                .anyMatch(a -> a.equals("--verbose") || a.equals("-v"));
        err.println("error: " + oneLine(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    static int usageError(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("error: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof IllegalArgumentException && !(ex instanceof AaplException)) {
            return USAGE;
        }
        return FAILURE;
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof AaplException aapl) {
            return aapl.getMessage() + (aapl.hint().isEmpty() ? "" : " (" + aapl.hint() + ")");
        }
        if (ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            if (root.getCause() instanceof AaplException) {
                return oneLine(root.getCause());
            }
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return "unexpected " + root.getClass().getSimpleName() + message
                + " (run again with --verbose for details)";
    }
}
