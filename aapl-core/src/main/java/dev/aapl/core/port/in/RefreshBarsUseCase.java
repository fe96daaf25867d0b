package dev.aapl.core.port.in;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;

/** Keeps a ticker's stored bars up to date from the remote provider. */
public interface RefreshBarsUseCase {

    /**
     * Loads the whole history asked for when the store is empty or starts later than asked;
     * otherwise re-reads the last few stored sessions and what followed them, so bars the
     * provider revised are replaced. Nothing is fetched when the store already holds the last
     * complete bar. The store is written only after a successful fetch.
     *
     * @param command the ticker, interval, history and time of the request
     * @return what was fetched and stored, and the range held afterwards
     * @throws dev.aapl.core.domain.AaplException when the provider or the store fails; the
     *     store then holds what it held before
     */
    RefreshReport refresh(RefreshBarsCommand command);

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @param now the time of the question
     * @return whether the store is empty or its newest bar is older than the last bar that is
     *     complete at {@code now} by the trading calendar
     * @throws dev.aapl.core.domain.AaplException when the store cannot be read
     */
    boolean isStale(Ticker ticker, Interval interval, Instant now);
}
