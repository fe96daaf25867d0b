package dev.aapl.core.port.in;

import dev.aapl.core.domain.Evaluation;
import java.time.Instant;

/**
 * One refit of a walk-forward backtest and the forecasts it made until the next refit.
 *
 * @param number the fold, from 1
 * @param firstTarget start of the first bar forecast in the fold
 * @param lastTarget start of the last bar forecast in the fold
 * @param trainRows rows the fold's model learned from
 * @param evaluation its forecasts beside the naive ones
 */
public record BacktestFold(int number, Instant firstTarget, Instant lastTarget, int trainRows,
        Evaluation evaluation) {
}
