package dev.aapl.core.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a series by trading days, newest last: the bars of the latest days are the targets a
 * model is scored on, everything before them is what it may learn from. Nothing is shuffled.
 */
public final class HoldoutSplit {

    private HoldoutSplit() {
    }

    /**
     * @param bars the series
     * @param calendar the calendar that says which date a bar belongs to
     * @return the positions where each trading day present in the series starts, oldest first
     */
    public static List<Integer> dayStarts(BarSeries bars, TradingCalendar calendar) {
        List<Integer> starts = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < bars.size(); i++) {
            LocalDate date = calendar.dateOf(bars.get(i).start());
            if (!date.equals(previous)) {
                starts.add(i);
                previous = date;
            }
        }
        return starts;
    }

    /**
     * @param bars the series
     * @param days how many of the latest trading days are the holdout, at least 1
     * @param calendar the calendar that says which date a bar belongs to
     * @return the position of the first holdout bar; every bar from there on is a target
     * @throws NotEnoughBarsException when the series does not have more days than the holdout
     */
    public static int lastTradingDays(BarSeries bars, int days, TradingCalendar calendar) {
        if (days < 1) {
            throw new IllegalArgumentException("holdout days must be at least 1, was " + days);
        }
        List<Integer> starts = dayStarts(bars, calendar);
        if (starts.size() <= days) {
            throw new NotEnoughBarsException("the data covers " + starts.size()
                    + " trading days, not enough for a holdout of " + days + " days and a"
                    + " training set before it", "load a longer history or lower --holdout-days");
        }
        return starts.get(starts.size() - days);
    }
}
