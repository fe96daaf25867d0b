package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.port.out.ModelRegistryPort.RegistryLock;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link TrainingLockTest}: takes the training lock of a model, says so
 * on standard output and holds the lock until it is killed (or a minute passes, so a forgotten
 * child never lingers).
 */
final class LockHolder {

    static final String READY = "locked";

    private LockHolder() {
    }

    /**
     * @param args the tracking folder and the model name
     * @throws InterruptedException never in practice: the process is killed while it sleeps
     */
    public static void main(String[] args) throws InterruptedException {
        RegistryLock lock = MlrunsTracking.open(Path.of(args[0])).lock(args[1]);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(60_000);
        lock.close();
    }
}
