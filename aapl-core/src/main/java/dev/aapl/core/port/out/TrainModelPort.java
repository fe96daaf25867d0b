package dev.aapl.core.port.out;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;

/** Builds features and trains a forecasting model on them. */
public interface TrainModelPort {

    /**
     * Trains on every origin {@code t} whose target bar {@code t + 1} lies before
     * {@code targetEnd} and whose history is long enough for the features; nothing at or after
     * {@code targetEnd} is seen.
     *
     * @param bars the bars
     * @param targetEnd position of the first bar that must not be a target
     * @param settings hyperparameters and target kind
     * @param progress told as trees are trained
     * @return the trained model
     * @throws dev.aapl.core.domain.NotEnoughBarsException when fewer rows than needed remain
     */
    ForecastModel train(BarSeries bars, int targetEnd, ModelSettings settings,
            ProgressListener progress);
}
