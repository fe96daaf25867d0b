package dev.aapl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the exact rows a bench trained and scored on, for another library to train on the
 * same numbers: {@value #TRAIN_FILE} and {@value #HOLDOUT_FILE} (one column per feature, then
 * {@value #TARGET_COLUMN}; values as Java prints doubles, which read back bit for bit), and
 * {@value #RESULTS_FILE} with the Java side's figures.
 */
final class RowExport {

    static final String TRAIN_FILE = "train.csv";
    static final String HOLDOUT_FILE = "holdout.csv";
    static final String RESULTS_FILE = "java-results.properties";
    static final String TARGET_COLUMN = "target";

    private RowExport() {
    }

    /**
     * @param folder where to write; created when missing, files in it replaced
     * @param training the training rows
     * @param holdout the holdout rows
     * @param results the Java side's figures, by name
     * @throws UncheckedIOException when a file cannot be written
     */
    static void write(Path folder, BenchData.Rows training, BenchData.Rows holdout,
            Map<String, String> results) {
        try {
            Files.createDirectories(folder);
            writeRows(folder.resolve(TRAIN_FILE), training);
            writeRows(folder.resolve(HOLDOUT_FILE), holdout);
            StringBuilder text = new StringBuilder();
            results.forEach((key, value) -> text.append(key).append('=').append(value)
                    .append('\n'));
            writeAtomically(folder.resolve(RESULTS_FILE), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export rows to " + folder, e);
        }
    }

    private static void writeRows(Path file, BenchData.Rows rows) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", rows.features().names())).append(',')
                .append(TARGET_COLUMN).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            for (double value : rows.features().row(i)) {
                text.append(value).append(',');
            }
            text.append(rows.targets()[i]).append('\n');
        }
        writeAtomically(file, text.toString());
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
