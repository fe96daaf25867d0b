package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.BarSeries;
import java.util.Objects;

/**
 * The bars read from a CSV file and the report of what was left out.
 *
 * @param series the complete bars, oldest first
 * @param report the rows skipped or dropped on the way
 */
public record CsvReadResult(BarSeries series, CsvReadReport report) {

    /** Checks both parts are present. */
    public CsvReadResult {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(report, "report");
    }
}
