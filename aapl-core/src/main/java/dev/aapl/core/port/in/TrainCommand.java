package dev.aapl.core.port.in;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.PromotionPolicy;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;
import java.util.Objects;

/**
 * Train a challenger, score it and the champion on the latest holdout, promote the better.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param settings the hyperparameters
 * @param holdoutDays how many of the latest trading days are the holdout, 1 to 250
 * @param policy the promotion rule
 * @param now the time of the run; bars not complete by then are not used
 */
public record TrainCommand(Ticker ticker, Interval interval, ModelSettings settings,
        int holdoutDays, PromotionPolicy policy, Instant now) {

    /** Default number of holdout days. */
    public static final int DEFAULT_HOLDOUT_DAYS = 20;

    /** @throws IllegalArgumentException when the holdout is out of range */
    public TrainCommand {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        if (holdoutDays < 1 || holdoutDays > 250) {
            throw new IllegalArgumentException(
                    "holdout days must be in 1..250, was " + holdoutDays);
        }
    }
}
