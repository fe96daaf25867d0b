package dev.aapl.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How close a set of next-close forecasts came to what happened.
 *
 * @param count number of forecasts scored
 * @param rmse root mean squared error, in price
 * @param mae mean absolute error, in price
 * @param mape mean absolute percentage error, in percent of the actual close
 * @param directionalAccuracy share of forecasts whose move from the last close has the sign of
 *     the actual move; a forecast of no move counts as wrong unless the price did not move
 * @param r2Returns coefficient of determination of the forecast log returns against the actual
 *     ones; 0 means no better than the mean return of the period, below 0 worse
 * @param r2Price coefficient of determination on price levels; near 1 for any forecast that
 *     follows the price, so it means something only beside the naive forecast's
 */
public record ForecastMetrics(int count, double rmse, double mae, double mape,
        double directionalAccuracy, double r2Returns, double r2Price) {

    /**
     * @param lastCloses the close each forecast was made from
     * @param actuals the close that followed
     * @param forecasts the forecast of that close
     * @return the metrics
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static ForecastMetrics of(double[] lastCloses, double[] actuals, double[] forecasts) {
        int n = actuals.length;
        if (n == 0 || lastCloses.length != n || forecasts.length != n) {
            throw new IllegalArgumentException("metrics need equally long, non-empty arrays; got "
                    + lastCloses.length + ", " + n + " and " + forecasts.length);
        }
        double squared = 0;
        double absolute = 0;
        double percent = 0;
        int rightDirection = 0;
        double meanReturn = 0;
        double meanPrice = 0;
        for (int i = 0; i < n; i++) {
            meanReturn += Math.log(actuals[i] / lastCloses[i]);
            meanPrice += actuals[i];
        }
        meanReturn /= n;
        meanPrice /= n;
        double returnResidual = 0;
        double returnTotal = 0;
        double priceTotal = 0;
        for (int i = 0; i < n; i++) {
            double error = forecasts[i] - actuals[i];
            squared += error * error;
            absolute += Math.abs(error);
            percent += Math.abs(error) / actuals[i];
            if (Math.signum(forecasts[i] - lastCloses[i])
                    == Math.signum(actuals[i] - lastCloses[i])) {
                rightDirection++;
            }
            double actualReturn = Math.log(actuals[i] / lastCloses[i]);
            double forecastReturn = Math.log(forecasts[i] / lastCloses[i]);
            returnResidual += square(actualReturn - forecastReturn);
            returnTotal += square(actualReturn - meanReturn);
            priceTotal += square(actuals[i] - meanPrice);
        }
        return new ForecastMetrics(n, Math.sqrt(squared / n), absolute / n, 100 * percent / n,
                (double) rightDirection / n, rSquared(returnResidual, returnTotal),
                rSquared(squared, priceTotal));
    }

    private static double square(double x) {
        return x * x;
    }

    private static double rSquared(double residual, double total) {
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }

    /** @return the mean squared error, the square of {@link #rmse()} */
    public double mse() {
        return rmse * rmse;
    }

    /**
     * @param prefix put before every name, for example {@code naive_}
     * @return the metrics by name, in a stable order
     */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(prefix + "rmse", rmse);
        map.put(prefix + "mae", mae);
        map.put(prefix + "mape", mape);
        map.put(prefix + "directional_accuracy", directionalAccuracy);
        map.put(prefix + "r2_returns", r2Returns);
        map.put(prefix + "r2_price", r2Price);
        return map;
    }
}
