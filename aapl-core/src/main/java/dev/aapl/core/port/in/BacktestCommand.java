package dev.aapl.core.port.in;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;
import java.util.Objects;

/**
 * Walk forward over the latest trading days, refitting on an expanding window.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param settings the hyperparameters
 * @param days how many of the latest trading days get out-of-sample forecasts, 1 to 500
 * @param refitEvery after how many trading days the model is refitted, 1 to {@code days}
 * @param now the time of the run
 */
public record BacktestCommand(Ticker ticker, Interval interval, ModelSettings settings,
        int days, int refitEvery, Instant now) {

    /** Default span of the backtest in trading days. */
    public static final int DEFAULT_DAYS = 60;
    /** Default refit period in trading days. */
    public static final int DEFAULT_REFIT_EVERY = 5;

    /** @throws IllegalArgumentException when a span is out of range */
    public BacktestCommand {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
        if (days < 1 || days > 500) {
            throw new IllegalArgumentException("backtest days must be in 1..500, was " + days);
        }
        if (refitEvery < 1 || refitEvery > days) {
            throw new IllegalArgumentException(
                    "refit-every must be in 1.." + days + " (the backtest days), was "
                            + refitEvery);
        }
    }
}
