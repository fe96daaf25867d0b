package dev.aapl.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's forecasts scored beside the naive persistence forecast (the next close equals the
 * last close) on the same bars.
 *
 * @param model the model's metrics
 * @param naive the naive forecast's metrics
 */
public record Evaluation(ForecastMetrics model, ForecastMetrics naive) {

    /**
     * @param lastCloses the close each forecast was made from, which is also the naive forecast
     * @param actuals the close that followed
     * @param forecasts the model's forecast of that close
     * @return both sets of metrics
     */
    public static Evaluation of(double[] lastCloses, double[] actuals, double[] forecasts) {
        return new Evaluation(ForecastMetrics.of(lastCloses, actuals, forecasts),
                ForecastMetrics.of(lastCloses, actuals, lastCloses));
    }

    /**
     * The share of the naive forecast's squared error that the model removes:
     * {@code 1 - MSE(model) / MSE(naive)}. Positive is better than naive, 0 is as good,
     * negative is worse; {@code -0.05} means 5% more squared error than the naive forecast.
     *
     * @return the skill
     */
    public double skill() {
        double naiveMse = naive.mse();
        if (naiveMse == 0) {
            return model.mse() == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return 1 - model.mse() / naiveMse;
    }

    /** @return the model's metrics, the naive ones with prefix {@code naive_}, and the skill */
    public Map<String, Double> asMap() {
        return asMap("");
    }

    /**
     * @param prefix put before every name, for example {@code fold_}
     * @return the model's metrics, the naive ones with {@code naive_} after the prefix, and the
     *     skill
     */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> map = new LinkedHashMap<>(model.asMap(prefix));
        map.putAll(naive.asMap(prefix + "naive_"));
        map.put(prefix + "skill", skill());
        return map;
    }
}
