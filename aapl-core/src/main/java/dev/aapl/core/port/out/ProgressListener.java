package dev.aapl.core.port.out;

/** Told how far a long step has come, so an adapter can show it; the core never prints. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that shows nothing. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * @param task what is being done, for example {@code trees trained}
     * @param done how many units are done
     * @param total how many there are in all, or -1 when unknown
     */
    void progress(String task, long done, long total);
}
