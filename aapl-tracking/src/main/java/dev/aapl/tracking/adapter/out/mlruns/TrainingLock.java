package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.port.out.ModelRegistryPort.RegistryLock;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operating-system lock on {@code models/<name>/.train.lock}, so one training at a time
 * changes a registered model. The operating system drops the lock when the holding process
 * ends, however it ends, so a crashed training never blocks the next one. The holder's pid and
 * start time are written into the file for the message a waiting process shows.
 */
final class TrainingLock implements RegistryLock {

    static final String FILE_NAME = ".train.lock";

    // The lock covers one byte far beyond the text, because Windows forbids reading a locked
    // region and the waiting process must read who holds the lock.
    private static final long LOCK_POSITION = 1L << 40;
    private static final long POLL_MILLIS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLock.class);

    private final String modelName;
    private final FileChannel channel;
    private final FileLock lock;

    private TrainingLock(String modelName, FileChannel channel, FileLock lock) {
        this.modelName = modelName;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param modelName the registered model, for messages
     * @param file the lock file, created when missing
     * @param wait how long to wait for another holder to finish
     * @param clock the source of the start time written into the file
     * @return the held lock
     * @throws AaplException when another process still holds the lock after the wait
     */
    static TrainingLock acquire(String modelName, Path file, Duration wait, Clock clock) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean announced = false;
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        writeHolder(channel, clock);
                        LOG.debug("Took the training lock of '{}'", modelName);
                        return new TrainingLock(modelName, channel, lock);
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw busy(modelName, file, wait);
                    }
                    if (!announced) {
                        LOG.info("Waiting up to {} s for {} to finish", wait.toSeconds(),
                                holderText(modelName, file));
                        announced = true;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new AaplException("interrupted while waiting for the training lock of '"
                        + modelName + "'", "", e);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            LOG.debug("Released the training lock of '{}'", modelName);
        } catch (IOException e) {
            // Closing failed, but the operating system drops the lock when the process ends.
            LOG.warn("Could not release the training lock of '{}': {}", modelName, e.toString());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            // Another thread of this same process holds it.
            return null;
        }
    }

    private static void writeHolder(FileChannel channel, Clock clock) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\n"
                + "started=" + Instant.ofEpochMilli(clock.millis()) + "\n";
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    private static AaplException busy(String modelName, Path file, Duration wait) {
        Map<String, String> holder = readHolder(file);
        String pid = holder.getOrDefault("pid", "unknown");
        return new AaplException("another training of " + modelName + " is running (pid "
                + pid + " since " + holder.getOrDefault("started", "an unknown time") + ")",
                "wait for it to finish or stop process " + pid + " (its lock goes with it),"
                + " then try again (waited " + wait.toSeconds() + " s)");
    }

    private static String holderText(String modelName, Path file) {
        Map<String, String> holder = readHolder(file);
        return "the training of " + modelName + " by pid " + holder.getOrDefault("pid", "?");
    }

    private static Map<String, String> readHolder(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Map.of();
        }
        return Map.of("pid", properties.getProperty("pid", "unknown"),
                "started", properties.getProperty("started", "an unknown time"));
    }
}
