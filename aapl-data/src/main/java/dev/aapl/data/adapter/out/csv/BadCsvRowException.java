package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.AaplException;
import java.nio.file.Path;

/** A row of a CSV file of bars cannot be used; the message names the file, line and reason. */
public final class BadCsvRowException extends AaplException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    /**
     * @param file the CSV file
     * @param line the line number in the file, 1-based, header lines counted
     * @param reason what is wrong with the row, one line
     */
    public BadCsvRowException(Path file, long line, String reason) {
        super(file + " line " + line + ": " + reason,
                "correct or delete that line, or skip bad rows to read the file without it");
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** @return the CSV file */
    public Path file() {
        return file;
    }

    /** @return the line number in the file, 1-based, header lines counted */
    public long line() {
        return line;
    }

    /** @return what is wrong with the row */
    public String reason() {
        return reason;
    }
}
