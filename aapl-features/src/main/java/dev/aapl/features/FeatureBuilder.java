package dev.aapl.features;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns bars into rows of the features a {@link FeatureSpec} names. The row of origin {@code t}
 * reads bars {@code 0..t} only, so a row never sees the bar it helps to forecast. Origins before
 * {@link FeatureSpec#warmupBars()} lack history and get no row.
 *
 * <p>Building {@code n} rows costs {@code O(n x features)}: window sums slide along the series.
 * A sliding sum is computed afresh at every position that is a multiple of {@value #RESTART}, so
 * rounding cannot build up, and a value depends only on the bars and its position, never on
 * where a build started: {@link #row} and {@link #build} give bit-identical values.
 */
public final class FeatureBuilder {

    /** The exchange zone the time features are read in. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Positions at which every sliding window sum starts afresh. */
    static final int RESTART = 1024;

    private static final int OPEN_MINUTE = 9 * 60 + 30;

    private FeatureBuilder() {
    }

    /**
     * Builds the rows of the origins in {@code [fromOrigin, toOrigin)}; origins before the
     * spec's warm-up are dropped.
     *
     * @param bars the bars
     * @param spec the features
     * @param fromOrigin the first origin wanted; raised to {@link FeatureSpec#warmupBars()}
     * @param toOrigin the position after the last origin wanted, at most {@code bars.size()}
     * @return the rows, possibly none
     * @throws IllegalArgumentException when {@code fromOrigin} is negative or after
     *     {@code toOrigin}, or {@code toOrigin} is past the last bar
     */
    public static FeatureMatrix build(BarSeries bars, FeatureSpec spec, int fromOrigin,
            int toOrigin) {
        if (fromOrigin < 0 || fromOrigin > toOrigin || toOrigin > bars.size()) {
            throw new IllegalArgumentException("origins " + fromOrigin + ".." + toOrigin
                    + " must satisfy 0 <= from <= to <= " + bars.size() + " (the bar count)");
        }
        int from = Math.max(fromOrigin, spec.warmupBars());
        List<String> names = spec.featureNames();
        if (from >= toOrigin) {
            return new FeatureMatrix(names, new double[0][], new int[0]);
        }
        Columns columns = new Columns(bars, spec, from, toOrigin);

        double[][] rows = new double[toOrigin - from][names.size()];
        int column = 0;
        for (int lag : spec.returnLags()) {
            columns.returnLag(lag, rows, column++);
        }
        for (int window : spec.movingAverageWindows()) {
            columns.closeVersusAverage(window, rows, column++);
        }
        for (int window : spec.volatilityWindows()) {
            columns.volatility(window, rows, column++);
        }
        columns.volumeVersusAverage(spec.volumeWindow(), rows, column++);
        if (spec.timeFeatures()) {
            columns.timeFeatures(bars, rows, column);
        }

        int[] origins = new int[rows.length];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = from + i;
        }
        return new FeatureMatrix(names, rows, origins);
    }

    /**
     * The row of one origin, equal to the matching row of {@link #build}.
     *
     * @param bars the bars
     * @param spec the features
     * @param origin the origin, from {@link FeatureSpec#warmupBars()} to the last bar
     * @return the row, in the order of {@link FeatureSpec#featureNames()}
     * @throws IllegalArgumentException when the origin lacks history or is past the last bar
     */
    public static double[] row(BarSeries bars, FeatureSpec spec, int origin) {
        if (origin < spec.warmupBars() || origin >= bars.size()) {
            throw new IllegalArgumentException("origin " + origin + " must be in "
                    + spec.warmupBars() + ".." + (bars.size() - 1)
                    + ": the features need " + spec.warmupBars() + " earlier bars");
        }
        return build(bars, spec, origin, origin + 1).row(0);
    }

    /**
     * @param start the start of a bar
     * @return 0 for the bar starting 09:30 New York time, 1 for 10:30, up to 6 for 15:30
     */
    public static int hourOfSession(ZonedDateTime start) {
        return Math.floorDiv(start.getHour() * 60 + start.getMinute() - OPEN_MINUTE, 60);
    }

    /**
     * The closes, volumes and returns of the bars from a little before the first origin up to
     * the last one, indexed by bar position minus {@code base}.
     */
    private static final class Columns {

        private final int base;
        private final int from;
        private final int to;
        private final double[] closes;
        private final double[] volumes;
        private final double[] returns;
        private final double[] squaredReturns;

        Columns(BarSeries bars, FeatureSpec spec, int from, int to) {
            this.base = Math.max(0, from - RESTART - spec.warmupBars() - 1);
            this.from = from;
            this.to = to;
            int length = to - base;
            closes = new double[length];
            volumes = new double[length];
            returns = new double[length];
            squaredReturns = new double[length];
            for (int i = 0; i < length; i++) {
                Bar bar = bars.get(base + i);
                closes[i] = bar.close();
                volumes[i] = bar.volume();
            }
            // The bar at base has no return within these columns; no window reaches it.
            returns[0] = Double.NaN;
            squaredReturns[0] = Double.NaN;
            for (int i = 1; i < length; i++) {
                returns[i] = Math.log(closes[i] / closes[i - 1]);
                squaredReturns[i] = returns[i] * returns[i];
            }
        }

        void returnLag(int lag, double[][] rows, int column) {
            for (int t = from; t < to; t++) {
                rows[t - from][column] = returns[t - lag + 1 - base];
            }
        }

        void closeVersusAverage(int window, double[][] rows, int column) {
            double[] sums = windowSums(closes, window, window - 1);
            for (int t = from; t < to; t++) {
                rows[t - from][column] = closes[t - base] / (sums[t - from] / window) - 1;
            }
        }

        void volatility(int window, double[][] rows, int column) {
            double[] sums = windowSums(returns, window, window);
            double[] squares = windowSums(squaredReturns, window, window);
            for (int t = from; t < to; t++) {
                double sum = sums[t - from];
                double variance = (squares[t - from] - sum * sum / window) / (window - 1);
                rows[t - from][column] = Math.sqrt(Math.max(0, variance));
            }
        }

        void volumeVersusAverage(int window, double[][] rows, int column) {
            double[] sums = windowSums(volumes, window, window - 1);
            for (int t = from; t < to; t++) {
                double sum = sums[t - from];
                rows[t - from][column] = sum == 0 ? 0 : volumes[t - base] / (sum / window) - 1;
            }
        }

        void timeFeatures(BarSeries bars, double[][] rows, int column) {
            LocalDate previousDate = null;
            int sinceOpen = 0;
            for (int t = from; t < to; t++) {
                ZonedDateTime start = bars.get(t).start().atZone(NEW_YORK);
                LocalDate date = start.toLocalDate();
                if (previousDate == null) {
                    sinceOpen = earlierBarsOfDate(bars, t, date);
                } else {
                    sinceOpen = date.equals(previousDate) ? sinceOpen + 1 : 0;
                }
                previousDate = date;
                double[] row = rows[t - from];
                row[column] = hourOfSession(start);
                row[column + 1] = start.getDayOfWeek().getValue();
                row[column + 2] = sinceOpen;
            }
        }

        private static int earlierBarsOfDate(BarSeries bars, int t, LocalDate date) {
            int count = 0;
            for (int i = t - 1; i >= 0; i--) {
                if (!bars.get(i).start().atZone(NEW_YORK).toLocalDate().equals(date)) {
                    break;
                }
                count++;
            }
            return count;
        }

        /**
         * Sums of {@code values} over {@code [t - window + 1, t]} for every origin {@code t} in
         * {@code [from, to)}. The sum of {@code t} starts afresh at the later of {@code first}
         * (the first full window) and the last multiple of {@link #RESTART} not after {@code t},
         * and slides from there, so it depends on {@code t} alone.
         */
        private double[] windowSums(double[] values, int window, int first) {
            double[] sums = new double[to - from];
            int t = Math.max(first, from - Math.floorMod(from, RESTART));
            double sum = freshSum(values, t - window + 1, t);
            while (true) {
                if (t >= from) {
                    sums[t - from] = sum;
                }
                t++;
                if (t >= to) {
                    return sums;
                }
                if (t % RESTART == 0) {
                    sum = freshSum(values, t - window + 1, t);
                } else {
                    sum += values[t - base] - values[t - window - base];
                }
            }
        }

        private double freshSum(double[] values, int fromPosition, int toPosition) {
            double sum = 0;
            for (int i = fromPosition; i <= toPosition; i++) {
                sum += values[i - base];
            }
            return sum;
        }
    }
}
