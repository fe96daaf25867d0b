package dev.aapl.core.port.in;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to bring a ticker's stored bars up to date.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param days how much history a full load asks for, counted back from {@code now}
 * @param now the time of the request; bars that have not ended by then are not stored
 */
public record RefreshBarsCommand(Ticker ticker, Interval interval, int days, Instant now) {

    /** The most history Yahoo serves for hourly bars, and what a full load asks for. */
    public static final int MAX_DAYS = 730;

    /** What a full load asks for when nothing else is said. */
    public static final int DEFAULT_DAYS = MAX_DAYS;

    /** @throws AaplException when {@code days} is not between 1 and {@link #MAX_DAYS} */
    public RefreshBarsCommand {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
        if (days < 1 || days > MAX_DAYS) {
            throw new AaplException("a history of " + days + " days is out of range 1.."
                    + MAX_DAYS, "hourly bars are served for the last " + MAX_DAYS
                    + " days at most; ask for that many or fewer");
        }
    }

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @param now the time of the request
     * @return a request for the default history
     */
    public static RefreshBarsCommand of(Ticker ticker, Interval interval, Instant now) {
        return new RefreshBarsCommand(ticker, interval, DEFAULT_DAYS, now);
    }
}
