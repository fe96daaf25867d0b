package dev.aapl.core.port.out;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;

/** Where the services get bars from: a sample generator, a CSV file, Yahoo, a store. */
public interface LoadBarsPort {

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @param now the time of the request; bars that have not ended by then are left out
     * @return the complete bars, oldest first
     * @throws dev.aapl.core.domain.AaplException when the bars cannot be had, with a hint
     */
    BarSeries loadBars(Ticker ticker, Interval interval, Instant now);
}
