package dev.aapl.core.port.in;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;
import java.util.Objects;

/**
 * Forecast the close of the next bar with the champion.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param now the time of the question; the last bar complete by then is the origin
 */
public record PredictQuery(Ticker ticker, Interval interval, Instant now) {

    /** Checks that nothing is missing. */
    public PredictQuery {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
    }
}
