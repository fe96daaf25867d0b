package dev.aapl.model.adapter.out.tribuo;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.port.out.ForecastModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A stand-in model from outside this adapter: it forecasts every close as 100. */
final class FixedForecastModel implements ForecastModel {

    @Override
    public int warmupBars() {
        return 0;
    }

    @Override
    public double[] forecastCloses(BarSeries bars, int fromOrigin, int toOrigin) {
        double[] closes = new double[toOrigin - fromOrigin];
        Arrays.fill(closes, 100);
        return closes;
    }

    @Override
    public Map<String, String> params() {
        return Map.of();
    }

    @Override
    public List<String> featureNames() {
        return List.of();
    }

    @Override
    public Map<String, Double> featureImportances() {
        return Map.of();
    }

    @Override
    public OptionalDouble outOfBagError() {
        return OptionalDouble.empty();
    }

    @Override
    public String featureSpecJson() {
        return "{}";
    }
}
