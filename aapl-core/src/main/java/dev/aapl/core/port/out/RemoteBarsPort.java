package dev.aapl.core.port.out;

import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.Duration;
import java.time.Instant;

/**
 * A provider of bars over the network, such as Yahoo Finance. It answers complete bars only:
 * a bar still forming at the time of the request is left out and counted.
 */
public interface RemoteBarsPort {

    /**
     * Fetches the bars that start in {@code [from, to)} and have ended by {@code now}. Nothing is
     * written anywhere; a failure leaves every store as it was.
     *
     * @param ticker the symbol
     * @param interval the bar length
     * @param from the earliest bar start wanted, inclusive; not older than
     *     {@code now - maxHistory(interval)}
     * @param to the bar start to stop before, exclusive; after {@code from}
     * @param now the time of the request
     * @return the complete bars, oldest first, and the counts of bars left out
     * @throws dev.aapl.core.domain.AaplException when the provider cannot be reached, does not
     *     know the symbol, refuses the request or answers something unreadable
     * @throws IllegalArgumentException when the range is empty or older than the provider serves
     */
    FetchedBars fetch(Ticker ticker, Interval interval, Instant from, Instant to, Instant now);

    /**
     * @param interval the bar length
     * @return how far back from now the provider serves bars of that length (730 days for
     *     Yahoo's hourly bars)
     */
    Duration maxHistory(Interval interval);

    /** @return the provider and where it is reached, for messages */
    String describe();
}
