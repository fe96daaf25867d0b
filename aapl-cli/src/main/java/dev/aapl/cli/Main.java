package dev.aapl.cli;

import dev.aapl.cli.adapter.in.cli.AaplCli;
import java.util.Arrays;
import java.util.List;

/** Starts the command line and exits with the command's code. */
public final class Main {

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs one command without exiting, as the tests do.
     *
     * @param args the command line
     * @return the exit code: 0 success, 1 failure, 2 usage error
     */
    public static int run(String... args) {
        List<String> words = Arrays.asList(args);
        Logging.configure(words.contains("--verbose") || words.contains("-v"));
        return AaplCli.commandLine().execute(args);
    }
}
