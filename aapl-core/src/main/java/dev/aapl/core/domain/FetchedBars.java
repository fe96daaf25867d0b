package dev.aapl.core.domain;

import java.util.List;

/**
 * The bars a remote provider answered for one request, after the bars that must not be kept
 * were set aside: bars still forming at the time of the request, bars whose prices or volume
 * are missing, and bars that break the rules of {@link Bar}. Only the counts of those are kept,
 * so a report can say what was dropped and why.
 *
 * @param bars the kept bars, oldest first, each start time once
 * @param droppedIncomplete bars left out because they had not ended at the time of the request
 * @param droppedNull bars left out because a price or the volume was missing
 * @param droppedInvalid bars left out because their prices broke the rules of {@link Bar}
 */
public record FetchedBars(List<Bar> bars, int droppedIncomplete, int droppedNull,
        int droppedInvalid) {

    /**
     * @throws IllegalArgumentException when a count is negative or the bars are out of order
     */
    public FetchedBars {
        bars = List.copyOf(bars);
        if (droppedIncomplete < 0 || droppedNull < 0 || droppedInvalid < 0) {
            throw new IllegalArgumentException("dropped counts must not be negative: "
                    + droppedIncomplete + ", " + droppedNull + ", " + droppedInvalid);
        }
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i - 1).start().isBefore(bars.get(i).start())) {
                throw new IllegalArgumentException("fetched bars are not in time order at "
                        + bars.get(i).start());
            }
        }
    }

    /**
     * @param bars the bars, oldest first
     * @return a result that dropped nothing
     */
    public static FetchedBars of(List<Bar> bars) {
        return new FetchedBars(bars, 0, 0, 0);
    }
}
