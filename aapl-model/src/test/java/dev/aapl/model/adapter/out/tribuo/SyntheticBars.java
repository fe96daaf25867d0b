package dev.aapl.model.adapter.out.tribuo;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic hourly bars for tests: a seeded random walk with a little momentum, seven bars a
 * weekday from 09:30 New York time, holidays ignored.
 */
final class SyntheticBars {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private SyntheticBars() {
    }

    static Instant start(int index) {
        LocalDate day = LocalDate.of(2024, 1, 2);
        for (int skipped = 0; skipped < index / 7; skipped++) {
            day = day.plusDays(1);
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY
                    || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(LocalTime.of(9, 30).plusHours(index % 7)).atZone(NEW_YORK).toInstant();
    }

    /**
     * @param n number of bars
     * @param seed the seed
     * @return the series, marked synthetic
     */
    static BarSeries walk(int n, long seed) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 180;
        double previousReturn = 0;
        for (int i = 0; i < n; i++) {
            double r = 0.3 * previousReturn + 0.004 * random.nextGaussian();
            close *= Math.exp(r);
            previousReturn = r;
            bars.add(bar(i, close, 400_000 + random.nextInt(800_000)));
        }
        return of(bars);
    }

    static Bar bar(int index, double close, long volume) {
        return new Bar(start(index), close, close * 1.002, close * 0.998, close, volume);
    }

    static BarSeries of(List<Bar> bars) {
        return BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, bars, "synthetic:test", true);
    }
}
