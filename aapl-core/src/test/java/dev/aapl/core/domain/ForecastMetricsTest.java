package dev.aapl.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    private static final double EPS = 1e-12;

    // Three forecasts made from closes 100, 100, 200; computed by hand below.
    private final double[] last = {100, 100, 200};
    private final double[] actual = {101, 99, 200};
    private final double[] forecast = {102, 100, 198};

    @Test
    void computesPriceErrorsByHand() {
        ForecastMetrics metrics = ForecastMetrics.of(last, actual, forecast);

        // errors: +1, +1, -2 -> squares 1, 1, 4 -> MSE 2
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(2), within(EPS));
        assertThat(metrics.mae()).isCloseTo(4.0 / 3, within(EPS));
        assertThat(metrics.mape()).isCloseTo(100 * (1 / 101.0 + 1 / 99.0 + 2 / 200.0) / 3,
                within(EPS));
        assertThat(metrics.count()).isEqualTo(3);
    }

    @Test
    void countsDirectionsWithNoMoveRightOnlyWhenThePriceStayed() {
        ForecastMetrics metrics = ForecastMetrics.of(last, actual, forecast);

        // up/up right; down vs no move wrong; down vs no move wrong
        assertThat(metrics.directionalAccuracy()).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void computesRSquaredOnReturnsByHand() {
        ForecastMetrics metrics = ForecastMetrics.of(last, actual, forecast);

        double[] r = {Math.log(1.01), Math.log(0.99), 0};
        double[] f = {Math.log(1.02), 0, Math.log(0.99)};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < 3; i++) {
            residual += (r[i] - f[i]) * (r[i] - f[i]);
            total += (r[i] - mean) * (r[i] - mean);
        }
        assertThat(metrics.r2Returns()).isCloseTo(1 - residual / total, within(EPS));
    }

    @Test
    void perfectForecastScoresPerfectly() {
        ForecastMetrics metrics = ForecastMetrics.of(last, actual, actual);

        assertThat(metrics.rmse()).isZero();
        assertThat(metrics.directionalAccuracy()).isEqualTo(1.0);
        assertThat(metrics.r2Returns()).isCloseTo(1.0, within(EPS));
        assertThat(metrics.r2Price()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void skillComparesSquaredErrorsWithTheNaiveForecast() {
        Evaluation evaluation = Evaluation.of(last, actual, forecast);

        // naive errors: -1, +1, 0 -> MSE 2/3; model MSE 2 -> skill 1 - 3 = -2
        assertThat(evaluation.naive().mse()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(evaluation.skill()).isCloseTo(-2.0, within(EPS));
        assertThat(evaluation.asMap()).containsKeys("rmse", "naive_rmse", "skill");
        assertThat(evaluation.asMap("fold_")).containsKeys("fold_rmse", "fold_naive_rmse",
                "fold_skill");
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        assertThatThrownBy(() -> ForecastMetrics.of(new double[2], new double[3], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
