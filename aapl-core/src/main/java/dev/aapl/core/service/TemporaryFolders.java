package dev.aapl.core.service;

import dev.aapl.core.domain.AaplException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders for files that are written, handed to the tracker, then thrown away. */
final class TemporaryFolders {

    private TemporaryFolders() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new AaplException("cannot create a temporary folder: " + e.getMessage(),
                    "check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                            + ") exists and is writable", e);
        }
    }

    static Path subfolder(Path parent, String name) {
        try {
            return Files.createDirectory(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover scratch files in the temporary folder are harmless; the run is recorded.
        }
    }
}
