package dev.aapl.data.adapter.out.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a read of a CSV file found besides its bars: the rows it skipped and why, and the rows it
 * dropped as exact duplicates or as bars still forming.
 *
 * @param file the CSV file
 * @param dataRows the rows below the header, blank lines not counted
 * @param bars the bars kept
 * @param skippedRows the bad rows left out, in file order; empty unless bad rows are skipped
 * @param duplicatesDropped rows repeating an earlier row's start time and values
 * @param incompleteDropped rows of bars that had not ended at the time of the read
 */
public record CsvReadReport(Path file, int dataRows, int bars, List<SkippedRow> skippedRows,
        int duplicatesDropped, int incompleteDropped) {

    /** How many skipped rows a summary spells out. */
    static final int REASONS_SHOWN = 3;

    /** Copies the list of skipped rows. */
    public CsvReadReport {
        Objects.requireNonNull(file, "file");
        skippedRows = List.copyOf(skippedRows);
    }

    /**
     * @return one line for a person: the bars kept and what was left out, with the first few
     *     reasons for skipped rows
     */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(file).append(": ").append(bars).append(" bars from ").append(dataRows)
                .append(" rows");
        if (!skippedRows.isEmpty()) {
            text.append("; skipped ").append(count(skippedRows.size(), "bad row", "bad rows"))
                    .append(" (").append(firstReasons()).append(')');
        }
        if (duplicatesDropped > 0) {
            text.append("; dropped ")
                    .append(count(duplicatesDropped, "duplicate row", "duplicate rows"));
        }
        if (incompleteDropped > 0) {
            text.append("; left out ")
                    .append(count(incompleteDropped, "bar still forming", "bars still forming"));
        }
        return text.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** @return the first few skipped rows as {@code line N: reason}, and how many more */
    String firstReasons() {
        String shown = skippedRows.stream().limit(REASONS_SHOWN).map(SkippedRow::toString)
                .collect(Collectors.joining("; "));
        int more = skippedRows.size() - REASONS_SHOWN;
        return more > 0 ? shown + "; and " + more + " more" : shown;
    }

    /**
     * A row left out because it could not be used.
     *
     * @param line the line number in the file, 1-based, header lines counted
     * @param reason what is wrong with the row
     */
    public record SkippedRow(long line, String reason) {

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }
}
