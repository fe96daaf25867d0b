package dev.aapl.core.port.in;

import dev.aapl.core.domain.DataSummary;
import dev.aapl.core.domain.Evaluation;
import dev.aapl.core.domain.ForecastTable;
import java.util.List;

/**
 * What a walk-forward backtest found.
 *
 * @param runId the tracked run
 * @param runName its readable name
 * @param data the bars used
 * @param folds each refit and its forecasts' metrics
 * @param overall all out-of-sample forecasts of the span beside the naive ones
 * @param forecasts every out-of-sample forecast of the span
 */
public record BacktestResult(String runId, String runName, DataSummary data,
        List<BacktestFold> folds, Evaluation overall, ForecastTable forecasts) {

    /** Copies the folds. */
    public BacktestResult {
        folds = List.copyOf(folds);
    }
}
