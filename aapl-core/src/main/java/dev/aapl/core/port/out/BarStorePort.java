package dev.aapl.core.port.out;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import java.time.Instant;
import java.util.List;

/**
 * Where fetched bars are kept between runs: files in a folder or a database. A store holds one
 * series per ticker and interval, keyed by bar start; storing is an upsert, so storing the same
 * bars twice changes nothing and a revised bar replaces the one stored before.
 */
public interface BarStorePort {

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @return every stored bar of that ticker and interval, oldest first; an empty series when
     *     nothing is stored
     * @throws dev.aapl.core.domain.AaplException when the store cannot be read or is corrupt
     */
    BarSeries read(Ticker ticker, Interval interval);

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @param from the earliest bar start wanted, inclusive
     * @param to the bar start to stop before, exclusive
     * @return the stored bars that start in {@code [from, to)}, oldest first
     * @throws dev.aapl.core.domain.AaplException when the store cannot be read or is corrupt
     */
    default BarSeries read(Ticker ticker, Interval interval, Instant from, Instant to) {
        BarSeries all = read(ticker, interval);
        return all.slice(all.countStartingBefore(from), all.countStartingBefore(to));
    }

    /**
     * Adds the bars the store does not hold and replaces those it holds with other values.
     * Either the whole batch is stored or, on failure, the store keeps what it held before (a
     * database store may have applied part of the batch; storing it again completes it).
     *
     * @param ticker the symbol
     * @param interval the bar length
     * @param bars the bars to store, each start time once, in any order
     * @return how many bars were added, replaced and already held
     * @throws dev.aapl.core.domain.AaplException when the store cannot be written
     */
    UpsertCounts upsert(Ticker ticker, Interval interval, List<Bar> bars);

    /** @return where the bars are kept, for messages: a folder, or a masked connection string */
    String describe();
}
