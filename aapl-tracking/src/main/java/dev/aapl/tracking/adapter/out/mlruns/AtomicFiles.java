package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files to a temporary name and renames them into place, so a reader (this adapter or
 * MLflow) sees the old content or the new one, never a half-written file. Temporary files go to
 * a folder that MLflow does not list, given by the caller and on the same file system as the
 * target, so the rename is atomic.
 */
final class AtomicFiles {

    /** Prefix of every temporary file or folder, so leftovers of a crash are recognisable. */
    static final String TEMP_PREFIX = ".aapl-tmp-";

    /** Called after the temporary file is complete and before it is renamed into place. */
    @FunctionalInterface
    interface RenameHook {
        /**
         * @param temporary the complete temporary file
         * @param target where it is about to be renamed to
         * @throws IOException to abandon the rename, as a crash would
         */
        void beforeRename(Path temporary, Path target) throws IOException;
    }

    private final RenameHook hook;

    AtomicFiles() {
        this((temporary, target) -> { });
    }

    /** @param hook a seam for tests that simulate a crash between writing and renaming */
    AtomicFiles(RenameHook hook) {
        this.hook = hook;
    }

    /**
     * @param target the file to write, its folders created when missing
     * @param text its new content, written in UTF-8
     * @param tempFolder where the temporary file goes: on the same file system, not listed by
     *     MLflow
     */
    void write(Path target, String text, Path tempFolder) {
        write(target, text.getBytes(StandardCharsets.UTF_8), tempFolder);
    }

    /**
     * @param target the file to write, its folders created when missing
     * @param content its new content
     * @param tempFolder where the temporary file goes
     */
    void write(Path target, byte[] content, Path tempFolder) {
        Path temporary = temporaryIn(tempFolder);
        try {
            Files.createDirectories(tempFolder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            renameIntoPlace(temporary, target);
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * @param source a file to copy
     * @param target where the copy goes, its folders created when missing
     * @param tempFolder where the temporary copy goes
     */
    void copy(Path source, Path target, Path tempFolder) {
        Path temporary = temporaryIn(tempFolder);
        try (InputStream in = Files.newInputStream(source)) {
            Files.createDirectories(tempFolder);
            Files.copy(in, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            renameIntoPlace(temporary, target);
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Renames a complete folder into place. Unlike a file, an existing non-empty folder is never
     * replaced: the rename fails, so two writers cannot both claim the same name.
     *
     * @param folder the complete folder
     * @param target its final name, which must not exist yet
     * @throws IOException when the target exists or the rename fails
     */
    void moveFolder(Path folder, Path target) throws IOException {
        hook.beforeRename(folder, target);
        Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param parent a folder
     * @return a fresh name for a temporary file or folder in it
     */
    static Path temporaryIn(Path parent) {
        return parent.resolve(TEMP_PREFIX + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * @param path the file that could not be written
     * @param e why
     * @return the error to throw
     */
    static AaplException failure(Path path, IOException e) {
        return new AaplException("could not write " + path + ": " + e,
                "check that the tracking folder is writable and the disk is not full", e);
    }

    private void renameIntoPlace(Path temporary, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        hook.beforeRename(temporary, target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A leftover temporary file is invisible to MLflow and harmless.
        }
    }
}
