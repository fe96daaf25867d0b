package dev.aapl.data.adapter.out.csv;

import java.util.Iterator;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a file with blank lines passed over and one record of look-ahead, which the
 * header needs to tell a ticker row from the first bar.
 */
final class CsvRows {

    private final Iterator<CSVRecord> records;
    private CSVRecord peeked;

    CsvRows(Iterator<CSVRecord> records) {
        this.records = records;
    }

    /** @return whether another non-blank record follows */
    boolean hasNext() {
        return peek() != null;
    }

    /** @return the next non-blank record, or null at the end, without consuming it */
    CSVRecord peek() {
        while (peeked == null && records.hasNext()) {
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                peeked = record;
            }
        }
        return peeked;
    }

    /** @return the next non-blank record, or null at the end */
    CSVRecord next() {
        CSVRecord record = peek();
        peeked = null;
        return record;
    }

    /**
     * Blank lines are records of one empty cell because the parser keeps them, so that record
     * numbers stay line numbers.
     */
    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }
}
