package dev.aapl.core.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run used as data, recorded with every run and model.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param source where the bars came from
 * @param synthetic whether they were generated
 * @param fingerprint SHA-256 of the bars
 * @param firstBar start of the first bar
 * @param lastBar start of the last bar
 * @param rows number of bars
 */
public record DataSummary(Ticker ticker, Interval interval, String source, boolean synthetic,
        String fingerprint, Instant firstBar, Instant lastBar, int rows) {

    /**
     * @param bars a non-empty series
     * @return its summary
     */
    public static DataSummary of(BarSeries bars) {
        return new DataSummary(bars.ticker(), bars.interval(), bars.source(), bars.synthetic(),
                bars.fingerprint(), bars.first().start(), bars.last().start(), bars.size());
    }

    /** @return the summary as run tags, names prefixed {@code aapl.data.} */
    public Map<String, String> asTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aapl.data.ticker", ticker.symbol());
        tags.put("aapl.data.interval", interval.code());
        tags.put("aapl.data.source", source);
        tags.put("aapl.data.synthetic", Boolean.toString(synthetic));
        tags.put("aapl.data.fingerprint", fingerprint);
        tags.put("aapl.data.first_bar", firstBar.toString());
        tags.put("aapl.data.last_bar", lastBar.toString());
        tags.put("aapl.data.rows", Integer.toString(rows));
        return tags;
    }
}
