package dev.aapl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built runnable jar in a separate JVM, as a user or cron would. */
final class JarRunner {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private final Path jar;
    private final Path workDir;

    JarRunner(Path workDir) {
        String property = System.getProperty("aapl.jar", "target/aapl.jar");
        this.jar = Path.of(property).toAbsolutePath();
        this.workDir = workDir;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar
                    + "; run the integration tests with './mvnw verify'");
        }
    }

    /**
     * Starts the jar without waiting for it.
     *
     * @param stderr where its standard error goes
     * @param args the command line
     * @return the running process
     */
    Process start(Path stderr, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        builder.environment().remove("AAPL_TRACKING_DIR");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    Result run(Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("AAPL_TRACKING_DIR");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("aapl " + String.join(" ", args) + " did not end");
        }
        Result result = new Result(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
