package dev.aapl.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {

    private static final Offset<Double> EXACT = within(1e-12);

    /** Lags 1 and 2, a 3-bar average, a 3-bar volatility and a 3-bar volume average. */
    private static final FeatureSpec SMALL =
            new FeatureSpec(List.of(1, 2), List.of(3), List.of(3), 3, true);

    /** Six synthetic bars of Monday 2024-03-04, 09:30 to 14:30 New York time. */
    private static final BarSeries MONDAY = SyntheticBars.series(
            new double[] {100, 102, 101, 104, 103, 105}, new long[] {10, 20, 30, 0, 40, 50});

    private static double sampleDeviation(double... values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    @Nested
    class HandComputedValues {

        @Test
        void computesEveryFeatureOfTheFirstCompleteOrigin() {
            FeatureMatrix matrix = FeatureBuilder.build(MONDAY, SMALL, 0, MONDAY.size());

            double[] row = matrix.row(0);

            assertThat(matrix.origin(0)).isEqualTo(3);
            assertThat(matrix.names()).containsExactly("ret_lag_1", "ret_lag_2", "close_vs_ma_3",
                    "vol_3", "volume_vs_ma_3", "hour_of_session", "weekday", "bars_since_open");
            assertThat(row[0]).isCloseTo(Math.log(104.0 / 101), EXACT);
            assertThat(row[1]).isCloseTo(Math.log(101.0 / 102), EXACT);
            assertThat(row[2]).isCloseTo(104 / ((102 + 101 + 104) / 3.0) - 1, EXACT);
            assertThat(row[3]).isCloseTo(sampleDeviation(Math.log(102.0 / 100),
                    Math.log(101.0 / 102), Math.log(104.0 / 101)), EXACT);
            assertThat(row[4]).isCloseTo(0 / ((20 + 30 + 0) / 3.0) - 1, EXACT);
            assertThat(row[5]).isEqualTo(3);
            assertThat(row[6]).isEqualTo(1);
            assertThat(row[7]).isEqualTo(3);
        }

        @Test
        void computesEveryFeatureOfTheLastOrigin() {
            FeatureMatrix matrix = FeatureBuilder.build(MONDAY, SMALL, 0, MONDAY.size());

            double[] row = matrix.row(matrix.size() - 1);

            assertThat(matrix.origin(matrix.size() - 1)).isEqualTo(5);
            assertThat(row[0]).isCloseTo(Math.log(105.0 / 103), EXACT);
            assertThat(row[1]).isCloseTo(Math.log(103.0 / 104), EXACT);
            assertThat(row[2]).isCloseTo(105 / ((104 + 103 + 105) / 3.0) - 1, EXACT);
            assertThat(row[3]).isCloseTo(sampleDeviation(Math.log(104.0 / 101),
                    Math.log(103.0 / 104), Math.log(105.0 / 103)), EXACT);
            assertThat(row[4]).isCloseTo(50 / ((0 + 40 + 50) / 3.0) - 1, EXACT);
            assertThat(row[5]).isEqualTo(5);
            assertThat(row[6]).isEqualTo(1);
            assertThat(row[7]).isEqualTo(5);
        }

        @Test
        void aConstantPriceIsAtItsAverageWithNoVolatility() {
            BarSeries flat = SyntheticBars.series(new double[] {50, 50, 50, 50, 50},
                    new long[] {7, 7, 7, 7, 7});

            double[] row = FeatureBuilder.row(flat, SMALL, 4);

            assertThat(row[0]).isZero();
            assertThat(row[2]).isCloseTo(0, EXACT);
            assertThat(row[3]).isCloseTo(0, EXACT);
            assertThat(row[4]).isCloseTo(0, EXACT);
        }
    }

    @Nested
    class TimeFeatures {

        @Test
        void readTheSessionHourInNewYorkAcrossTheDaylightSavingChange() {
            // 2024-03-08 is before the switch (09:30 is 14:30 UTC), 2024-03-11 after (13:30 UTC).
            Bar fridayOpen = SyntheticBars.bar(Instant.parse("2024-03-08T14:30:00Z"), 10, 1);
            Bar fridayLast = SyntheticBars.bar(Instant.parse("2024-03-08T20:30:00Z"), 10, 1);
            Bar mondayOpen = SyntheticBars.bar(Instant.parse("2024-03-11T13:30:00Z"), 10, 1);
            Bar mondayNext = SyntheticBars.bar(Instant.parse("2024-03-11T14:30:00Z"), 10, 1);
            BarSeries bars = SyntheticBars.of(List.of(fridayOpen, fridayLast, mondayOpen,
                    mondayNext));
            FeatureSpec timeOnly = new FeatureSpec(List.of(), List.of(), List.of(), 2, true);

            FeatureMatrix matrix = FeatureBuilder.build(bars, timeOnly, 0, bars.size());

            assertThat(matrix.origins()).containsExactly(1, 2, 3);
            assertThat(matrix.row(0)).containsExactly(0, 6, 5, 1);
            assertThat(matrix.row(1)).containsExactly(0, 0, 1, 0);
            assertThat(matrix.row(2)).containsExactly(0, 1, 1, 1);
        }

        @Test
        void countOnlyTheEarlierBarsOfTheSameDateThatTheSeriesHolds() {
            // Starts at 11:30 on Monday: the two bars before it are not in the series.
            BarSeries midday = SyntheticBars.series(new double[] {1, 1, 1, 1, 1, 1, 1},
                    new long[] {1, 1, 1, 1, 1, 1, 1}, 2);
            FeatureSpec timeOnly = new FeatureSpec(List.of(), List.of(), List.of(), 2, true);

            FeatureMatrix matrix = FeatureBuilder.build(midday, timeOnly, 0, midday.size());

            // Origins 1..6 are Monday 12:30..15:30 and Tuesday 09:30, 10:30.
            double[] sinceOpen = new double[matrix.size()];
            for (int i = 0; i < matrix.size(); i++) {
                sinceOpen[i] = matrix.value(i, 3);
            }
            assertThat(sinceOpen).containsExactly(1, 2, 3, 4, 0, 1);
        }

        @Test
        void countEarlierBarsOfTheDateWhenTheBuildStartsMidDay() {
            BarSeries walk = SyntheticBars.randomWalk(60, 3);

            FeatureMatrix late = FeatureBuilder.build(walk, FeatureSpec.defaults(), 40, 45);

            // Bar 40 is the sixth bar (14:30) of its day, bar 42 the second of the next day.
            int sinceOpen = FeatureSpec.defaults().featureCount() - 1;
            assertThat(late.value(0, sinceOpen)).isEqualTo(5);
            assertThat(late.value(1, sinceOpen)).isEqualTo(6);
            assertThat(late.value(2, sinceOpen)).isEqualTo(0);
            assertThat(late.value(3, sinceOpen)).isEqualTo(1);
        }
    }

    @Nested
    class WarmUpAndRanges {

        @Test
        void dropsTheRowsThatLackHistory() {
            FeatureMatrix matrix = FeatureBuilder.build(MONDAY, SMALL, 0, MONDAY.size());

            assertThat(matrix.origins()).containsExactly(3, 4, 5);
            assertThat(matrix.size()).isEqualTo(3);
        }

        @Test
        void givesNoRowsWhenTheRangeEndsBeforeTheWarmUp() {
            FeatureMatrix matrix = FeatureBuilder.build(MONDAY, SMALL, 1, 3);

            assertThat(matrix.isEmpty()).isTrue();
            assertThat(matrix.width()).isEqualTo(8);
        }

        @Test
        void buildsOnlyTheRequestedOrigins() {
            BarSeries walk = SyntheticBars.randomWalk(80, 5);

            FeatureMatrix matrix = FeatureBuilder.build(walk, FeatureSpec.defaults(), 50, 53);

            assertThat(matrix.origins()).containsExactly(50, 51, 52);
        }

        @Test
        void rejectsOriginsOutsideTheSeries() {
            assertThatThrownBy(() -> FeatureBuilder.build(MONDAY, SMALL, 0, 7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<= 6");
            assertThatThrownBy(() -> FeatureBuilder.build(MONDAY, SMALL, 4, 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FeatureBuilder.row(MONDAY, SMALL, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3..5");
        }
    }

    @Test
    void zeroVolumeGivesZeroRatherThanNaN() {
        BarSeries quiet = SyntheticBars.series(new double[] {10, 11, 12, 11, 10},
                new long[] {0, 0, 0, 0, 0});

        FeatureMatrix matrix = FeatureBuilder.build(quiet, SMALL, 0, quiet.size());

        for (int i = 0; i < matrix.size(); i++) {
            assertThat(matrix.value(i, 4)).isZero();
            for (double value : matrix.row(i)) {
                assertThat(value).isFinite();
            }
        }
    }

    @Test
    void aSingleRowIsBitIdenticalToTheSameRowOfAFullBuild() {
        // Long enough to cross a restart of the sliding sums.
        BarSeries walk = SyntheticBars.randomWalk(2_300, 11);
        FeatureMatrix all = FeatureBuilder.build(walk, FeatureSpec.defaults(), 0, walk.size());

        for (int origin : new int[] {35, 1023, 1024, 1025, 1100, 2047, 2048, 2299}) {
            double[] alone = FeatureBuilder.row(walk, FeatureSpec.defaults(), origin);

            assertThat(alone).isEqualTo(all.row(origin - all.origin(0)));
        }
    }

    @Test
    void slidingWindowsMatchWindowsSummedDirectly() {
        BarSeries walk = SyntheticBars.randomWalk(1_500, 17);
        FeatureSpec spec = new FeatureSpec(List.of(1), List.of(35), List.of(35), 35, false);
        double[] closes = walk.closes();

        FeatureMatrix matrix = FeatureBuilder.build(walk, spec, 0, walk.size());

        for (int origin : new int[] {35, 700, 1030, 1499}) {
            double sum = 0;
            double[] returns = new double[35];
            for (int k = 0; k < 35; k++) {
                sum += closes[origin - k];
                returns[k] = Math.log(closes[origin - k] / closes[origin - k - 1]);
            }
            double[] row = matrix.row(origin - 35);
            assertThat(row[1]).isCloseTo(closes[origin] / (sum / 35) - 1, within(1e-10));
            assertThat(row[2]).isCloseTo(sampleDeviation(returns), within(1e-10));
        }
    }
}
