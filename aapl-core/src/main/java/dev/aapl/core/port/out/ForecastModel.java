package dev.aapl.core.port.out;

import dev.aapl.core.domain.BarSeries;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A trained model that forecasts the close of the bar after a given one, from that bar and the
 * bars before it only.
 */
public interface ForecastModel {

    /**
     * @return the smallest position a forecast can be made from: the bars before it are the
     *     history the features need
     */
    int warmupBars();

    /**
     * Forecasts, for every origin {@code t} in {@code [fromOrigin, toOrigin)}, the close of bar
     * {@code t + 1}, using only bars {@code 0..t}. Bar {@code t + 1} need not exist.
     *
     * @param bars the history, with at least {@code toOrigin} bars
     * @param fromOrigin the first origin, at least {@link #warmupBars()}
     * @param toOrigin the position after the last origin
     * @return the forecast closes, one per origin
     */
    double[] forecastCloses(BarSeries bars, int fromOrigin, int toOrigin);

    /**
     * @return the names and values that describe the model: algorithm, hyperparameters and
     *     the feature spec's parameters, in a stable order, for params and metadata
     */
    Map<String, String> params();

    /**
     * @return the names of the features in the order the model sees them
     */
    List<String> featureNames();

    /** @return each feature's importance, larger is more important; empty when unknown */
    Map<String, Double> featureImportances();

    /** @return the out-of-bag mean squared error of the target, when the trainer measures it */
    OptionalDouble outOfBagError();

    /** @return the feature spec as JSON, saved with the model and logged as an artifact */
    String featureSpecJson();
}
