package dev.aapl.core.service;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.port.out.ForecastModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Forecasts of a range of target bars, each made from the bar before it. */
final class OutOfSample {

    private OutOfSample() {
    }

    /**
     * @param model the model
     * @param bars the series
     * @param firstTarget position of the first bar to forecast, after the model's warm-up
     * @param endTarget position after the last bar to forecast
     * @return the forecasts beside what happened
     */
    static ForecastTable forecast(ForecastModel model, BarSeries bars, int firstTarget,
            int endTarget) {
        int fromOrigin = firstTarget - 1;
        int toOrigin = endTarget - 1;
        double[] forecasts = model.forecastCloses(bars, fromOrigin, toOrigin);
        int n = toOrigin - fromOrigin;
        List<Instant> origins = new ArrayList<>(n);
        List<Instant> targets = new ArrayList<>(n);
        double[] lastCloses = new double[n];
        double[] actuals = new double[n];
        for (int i = 0; i < n; i++) {
            int origin = fromOrigin + i;
            origins.add(bars.get(origin).start());
            targets.add(bars.get(origin + 1).start());
            lastCloses[i] = bars.get(origin).close();
            actuals[i] = bars.get(origin + 1).close();
        }
        return new ForecastTable(origins, targets, lastCloses, actuals, forecasts);
    }

    /**
     * @param tables tables in time order
     * @return one table with all their rows
     */
    static ForecastTable concat(List<ForecastTable> tables) {
        List<Instant> origins = new ArrayList<>();
        List<Instant> targets = new ArrayList<>();
        int n = tables.stream().mapToInt(ForecastTable::size).sum();
        double[] lastCloses = new double[n];
        double[] actuals = new double[n];
        double[] forecasts = new double[n];
        int at = 0;
        for (ForecastTable table : tables) {
            origins.addAll(table.originStarts());
            targets.addAll(table.targetStarts());
            System.arraycopy(table.lastCloses(), 0, lastCloses, at, table.size());
            System.arraycopy(table.actuals(), 0, actuals, at, table.size());
            System.arraycopy(table.forecasts(), 0, forecasts, at, table.size());
            at += table.size();
        }
        return new ForecastTable(origins, targets, lastCloses, actuals, forecasts);
    }
}
