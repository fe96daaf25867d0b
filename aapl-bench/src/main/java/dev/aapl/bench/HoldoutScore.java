package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.port.out.ForecastModel;

/**
 * How a model scored on the holdout, each holdout bar forecast from the bar before it: the
 * root mean squared error of the forecast close, and of the forecast log return, which is what
 * the model learns and what scikit-learn is scored on.
 *
 * @param count the number of forecasts
 * @param rmseClose RMSE of the forecast close, in price units
 * @param rmseReturn RMSE of the forecast log return {@code ln(forecast / last close)}
 */
record HoldoutScore(int count, double rmseClose, double rmseReturn) {

    /**
     * @param model the model
     * @param bars the series
     * @param holdoutStart position of the first holdout bar
     * @return its score on the bars from there to the end
     */
    static HoldoutScore of(ForecastModel model, BarSeries bars, int holdoutStart) {
        double[] forecasts = model.forecastCloses(bars, holdoutStart - 1, bars.size() - 1);
        return of(bars, holdoutStart, forecasts);
    }

    /**
     * @param bars the series
     * @param holdoutStart position of the first holdout bar
     * @return the score of the naive forecast, next close = last close
     */
    static HoldoutScore naive(BarSeries bars, int holdoutStart) {
        double[] forecasts = new double[bars.size() - holdoutStart];
        for (int i = 0; i < forecasts.length; i++) {
            forecasts[i] = bars.get(holdoutStart - 1 + i).close();
        }
        return of(bars, holdoutStart, forecasts);
    }

    /**
     * @param predicted forecast log returns
     * @param actual what happened
     * @return the root mean squared difference
     */
    static double rmse(double[] predicted, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            sum += error * error;
        }
        return Math.sqrt(sum / actual.length);
    }

    private static HoldoutScore of(BarSeries bars, int holdoutStart, double[] forecasts) {
        double closeSum = 0;
        double returnSum = 0;
        for (int i = 0; i < forecasts.length; i++) {
            double last = bars.get(holdoutStart - 1 + i).close();
            double actual = bars.get(holdoutStart + i).close();
            closeSum += (forecasts[i] - actual) * (forecasts[i] - actual);
            double returnError = Math.log(forecasts[i] / last) - Math.log(actual / last);
            returnSum += returnError * returnError;
        }
        return new HoldoutScore(forecasts.length, Math.sqrt(closeSum / forecasts.length),
                Math.sqrt(returnSum / forecasts.length));
    }
}
