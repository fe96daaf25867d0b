package dev.aapl.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What refreshing a ticker's stored bars did: how the bars were fetched, what storing them
 * changed, what the provider sent that was not kept, and the range the store holds afterwards.
 *
 * @param ticker the symbol refreshed
 * @param interval the bar length
 * @param mode whether everything was fetched, only the recent sessions, or nothing
 * @param fetchedFrom the first instant asked for; {@code null} when nothing was fetched
 * @param fetchedTo the instant the request ended before; {@code null} when nothing was fetched
 * @param added bars new to the store
 * @param replaced stored bars the provider had revised, now overwritten
 * @param unchanged fetched bars the store already held exactly
 * @param droppedIncomplete fetched bars left out because they had not ended yet
 * @param droppedNull fetched bars left out because a price or the volume was missing
 * @param droppedInvalid fetched bars left out because their prices broke the rules of a bar
 * @param held how many bars the store holds afterwards
 * @param firstHeld the start of the oldest stored bar; {@code null} when the store is empty
 * @param lastHeld the start of the newest stored bar; {@code null} when the store is empty
 * @param store where the bars are kept, for messages (a folder, or a masked connection string)
 */
public record RefreshReport(Ticker ticker, Interval interval, Mode mode, Instant fetchedFrom,
        Instant fetchedTo, int added, int replaced, int unchanged, int droppedIncomplete,
        int droppedNull, int droppedInvalid, int held, Instant firstHeld, Instant lastHeld,
        String store) {

    /** How a refresh went about it. */
    public enum Mode {
        /** The whole history asked for was fetched: the store was empty or started too late. */
        FULL,
        /** Only the last few sessions and what followed them were fetched. */
        INCREMENTAL,
        /** The store already held the last complete bar, so nothing was fetched. */
        UP_TO_DATE
    }

    /**
     * @throws IllegalArgumentException when a count is negative, or a range bound is missing
     *     where the mode or the number of held bars requires it
     */
    public RefreshReport {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(store, "store");
        if (added < 0 || replaced < 0 || unchanged < 0 || droppedIncomplete < 0
                || droppedNull < 0 || droppedInvalid < 0 || held < 0) {
            throw new IllegalArgumentException("counts in a refresh report must not be negative");
        }
        if ((mode == Mode.UP_TO_DATE) != (fetchedFrom == null || fetchedTo == null)) {
            throw new IllegalArgumentException(
                    "a fetched range is given exactly when something was fetched");
        }
        if ((held == 0) != (firstHeld == null || lastHeld == null)) {
            throw new IllegalArgumentException(
                    "the held range is given exactly when bars are held");
        }
    }

    /** @return whether anything was asked of the provider */
    public boolean fetched() {
        return mode != Mode.UP_TO_DATE;
    }

    /** @return one line for people, for example the output of a fetch command */
    public String summary() {
        StringBuilder line = new StringBuilder(160);
        line.append(ticker).append(' ').append(interval).append(": ");
        if (fetched()) {
            line.append(mode == Mode.FULL ? "full load" : "incremental refresh")
                    .append(" from ").append(fetchedFrom)
                    .append(": ").append(added).append(" added, ").append(replaced)
                    .append(" replaced, ").append(unchanged).append(" unchanged");
            if (droppedIncomplete + droppedNull + droppedInvalid > 0) {
                line.append("; dropped ").append(droppedIncomplete).append(" incomplete, ")
                        .append(droppedNull).append(" with missing values, ")
                        .append(droppedInvalid).append(" invalid");
            }
        } else {
            line.append("already up to date, nothing fetched");
        }
        line.append("; ").append(store).append(" holds ").append(held).append(" bars");
        if (held > 0) {
            line.append(' ').append(firstHeld).append(" .. ").append(lastHeld);
        }
        return line.toString();
    }
}
