package dev.aapl.data.adapter.out.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a finished temporary file in place of the real one; tests make it fail on purpose. */
@FunctionalInterface
interface FileMover {

    /**
     * Renames atomically, replacing the target. A file system that cannot rename atomically (a
     * few network shares) gets a plain replacing move, which can leave a partial file if the
     * machine stops at that very moment.
     */
    FileMover ATOMIC = (from, to) -> {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    /**
     * @param from the finished temporary file
     * @param to the file it replaces
     * @throws IOException when the move fails; the target is then left as it was
     */
    void move(Path from, Path to) throws IOException;
}
