package dev.aapl.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * Out-of-sample forecasts beside what happened: for each origin bar, its close, the close of the
 * bar after it, and the model's forecast of that close. The naive forecast is the origin's close.
 *
 * @param originStarts start of each bar a forecast was made from
 * @param targetStarts start of each bar whose close was forecast
 * @param lastCloses close of each origin bar
 * @param actuals close of each target bar
 * @param forecasts the model's forecast of each target close
 */
public record ForecastTable(List<Instant> originStarts, List<Instant> targetStarts,
        double[] lastCloses, double[] actuals, double[] forecasts) {

    /** @throws IllegalArgumentException when the columns differ in length */
    public ForecastTable {
        originStarts = List.copyOf(originStarts);
        targetStarts = List.copyOf(targetStarts);
        int n = originStarts.size();
        if (targetStarts.size() != n || lastCloses.length != n || actuals.length != n
                || forecasts.length != n) {
            throw new IllegalArgumentException("forecast table columns differ in length");
        }
        lastCloses = lastCloses.clone();
        actuals = actuals.clone();
        forecasts = forecasts.clone();
    }

    /** @return the number of rows */
    public int size() {
        return originStarts.size();
    }

    /** @return the model's and the naive forecast's metrics on these rows */
    public Evaluation evaluate() {
        return Evaluation.of(lastCloses, actuals, forecasts);
    }

    @Override
    public double[] lastCloses() {
        return lastCloses.clone();
    }

    @Override
    public double[] actuals() {
        return actuals.clone();
    }

    @Override
    public double[] forecasts() {
        return forecasts.clone();
    }
}
