package dev.aapl.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * When an exchange trades and where its hourly bars start. Hourly bars start on the half hour
 * from the open (09:30 New York time on the NYSE) and the last bar of a session ends at the
 * close, so it may be shorter than an hour.
 */
public interface TradingCalendar {

    /** @return the time zone of the exchange */
    ZoneId zone();

    /**
     * @param date a date in the exchange's zone
     * @return whether the exchange holds a regular session that day
     */
    boolean isTradingDay(LocalDate date);

    /**
     * @param date a date in the exchange's zone
     * @return whether the session of that day ends early (13:00 on the NYSE)
     */
    boolean isEarlyClose(LocalDate date);

    /**
     * @param date a date in the exchange's zone
     * @return the start instants of that day's hourly bars, oldest first; empty on a closed day
     */
    List<Instant> barStarts(LocalDate date);

    /**
     * @param instant any instant
     * @return whether an hourly bar of a regular session starts exactly then
     */
    boolean isBarStart(Instant instant);

    /**
     * @param barStart the start of an hourly bar
     * @return the instant that bar ends: an hour later, or at the close when that comes first
     * @throws IllegalArgumentException when no bar starts at that instant
     */
    Instant barEnd(Instant barStart);

    /**
     * @param instant any instant
     * @return the earliest bar start strictly after it; after the last bar of a session, the
     *     first bar of the next trading day
     */
    Instant nextBarStart(Instant instant);

    /**
     * @param barStart the start of an hourly bar
     * @param now the instant of the question
     * @return whether the bar has ended at {@code now}; a bar still forming is incomplete
     */
    boolean isComplete(Instant barStart, Instant now);

    /**
     * @param date a date in the exchange's zone
     * @return the first trading day strictly after it
     */
    LocalDate nextTradingDay(LocalDate date);

    /**
     * @param date a date in the exchange's zone
     * @return the last trading day strictly before it
     */
    LocalDate previousTradingDay(LocalDate date);

    /**
     * @param instant any instant
     * @return the date of that instant in the exchange's zone
     */
    LocalDate dateOf(Instant instant);
}
