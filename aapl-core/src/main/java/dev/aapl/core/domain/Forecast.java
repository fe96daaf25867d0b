package dev.aapl.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * The forecast close of the next bar.
 *
 * @param ticker the symbol
 * @param lastBarStart start of the last complete bar, the one the forecast is made from
 * @param lastClose its close
 * @param nextBarStart start of the bar whose close is forecast
 * @param forecastClose the forecast close of that bar
 * @param modelName the registered model that made it
 * @param modelVersion the version of that model
 * @param synthetic whether the bars are synthetic
 * @param warnings what the reader should know, for example that the model has no edge over the
 *     naive forecast or that the data is old; empty when nothing
 */
public record Forecast(Ticker ticker, Instant lastBarStart, double lastClose,
        Instant nextBarStart, double forecastClose, String modelName, int modelVersion,
        boolean synthetic, List<String> warnings) {

    /** Copies the warnings. */
    public Forecast {
        warnings = List.copyOf(warnings);
    }

    /** @return the forecast change from the last close, in percent */
    public double changePercent() {
        return 100 * (forecastClose / lastClose - 1);
    }
}
