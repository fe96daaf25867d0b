package dev.aapl.features;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic hourly bars for tests: seven bars a weekday starting 09:30 New York time, from
 * Monday 2024-03-04 (the week before the switch to daylight saving time). Holidays are ignored.
 */
final class SyntheticBars {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 4);
    static final int BARS_PER_DAY = 7;

    private SyntheticBars() {
    }

    /**
     * @param index position on the grid, from 0
     * @return the start of that bar
     */
    static Instant start(int index) {
        LocalDate day = FIRST_DAY;
        for (int skipped = 0; skipped < index / BARS_PER_DAY; skipped++) {
            day = day.plusDays(1);
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY
                    || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
        }
        LocalTime time = LocalTime.of(9, 30).plusHours(index % BARS_PER_DAY);
        return day.atTime(time).atZone(FeatureBuilder.NEW_YORK).toInstant();
    }

    static Bar bar(Instant start, double close, long volume) {
        return new Bar(start, close, close * 1.01, close * 0.99, close, volume);
    }

    /**
     * @param closes the closes
     * @param volumes the volumes, as many as closes
     * @param firstSlot grid position of the first bar
     * @return the series, marked synthetic
     */
    static BarSeries series(double[] closes, long[] volumes, int firstSlot) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(bar(start(firstSlot + i), closes[i], volumes[i]));
        }
        return of(bars);
    }

    static BarSeries series(double[] closes, long[] volumes) {
        return series(closes, volumes, 0);
    }

    static BarSeries of(List<Bar> bars) {
        return BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, bars, "synthetic:test", true);
    }

    /**
     * A seeded random walk of {@code n} bars around 100 with volumes around a million.
     *
     * @param n number of bars
     * @param seed the seed
     * @return the series
     */
    static BarSeries randomWalk(int n, long seed) {
        Random random = new Random(seed);
        double[] closes = new double[n];
        long[] volumes = new long[n];
        double close = 100;
        for (int i = 0; i < n; i++) {
            close *= Math.exp(0.004 * random.nextGaussian());
            closes[i] = close;
            volumes[i] = 500_000 + random.nextInt(1_000_000);
        }
        return series(closes, volumes);
    }
}
