package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.port.out.ProgressListener;
import java.io.PrintStream;

/**
 * Shows the progress of steps that take more than a second on standard error: one line
 * rewritten in place on a terminal, a line every quarter elsewhere (cron, CI logs).
 */
final class ConsoleProgress implements ProgressListener {

    private static final long QUIET_MILLIS = 1_000;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean enabled;
    private String task = "";
    private long startedAt;
    private long lastQuarter = -1;
    private boolean shown;

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.terminal = System.console() != null;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(String name, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.currentTimeMillis();
        if (!name.equals(task) || done == 0) {
            task = name;
            startedAt = now;
            lastQuarter = -1;
            shown = false;
        }
        if (now - startedAt < QUIET_MILLIS && !shown) {
            return;
        }
        shown = true;
        String line = total > 0 ? name + " " + done + "/" + total : name + " " + done;
        if (terminal) {
            err.print("\r" + line + (done >= total ? System.lineSeparator() : ""));
        } else if (total > 0) {
            long quarter = done * 4 / total;
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.println(line);
            }
        }
        err.flush();
    }
}
