package dev.aapl.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a newly trained model, the challenger, takes the champion's place. Both are
 * scored on the same latest holdout. The challenger wins only when its RMSE is lower than the
 * champion's, and no model becomes champion when its RMSE exceeds the naive forecast's by more
 * than the allowed gap: that gate stops broken models, such as a forest on price levels that
 * cannot follow a new high.
 *
 * @param maxNaiveGapPercent how much higher than the naive RMSE a champion's RMSE may be, in
 *     percent; 0 demands a model at least as good as the naive forecast
 */
public record PromotionPolicy(double maxNaiveGapPercent) {

    /**
     * Default gap. On real hourly AAPL bars an honest forest is 0% to about 2.5% worse than the
     * naive forecast in RMSE (a skill of about -5% to 0%), while a broken model is 5% or more
     * worse, so 5% lets honest models through and stops broken ones.
     */
    public static final double DEFAULT_MAX_NAIVE_GAP_PERCENT = 5.0;

    /** @throws IllegalArgumentException when the gap is negative or not finite */
    public PromotionPolicy {
        if (!(maxNaiveGapPercent >= 0) || !Double.isFinite(maxNaiveGapPercent)) {
            throw new IllegalArgumentException(
                    "max naive gap must be a percentage >= 0, was " + maxNaiveGapPercent);
        }
    }

    /**
     * @param challenger the challenger's evaluation on the holdout
     * @param champion the champion's evaluation on the same holdout, empty when there is no
     *     champion or it could not be scored
     * @return the decision with its reasons
     */
    public PromotionDecision decide(Evaluation challenger, Optional<Evaluation> champion) {
        List<String> reasons = new ArrayList<>();
        double gap = naiveGapPercent(challenger);
        boolean passesNaiveGate = gap <= maxNaiveGapPercent;
        if (passesNaiveGate) {
            reasons.add(String.format(Locale.ROOT,
                    "RMSE %.4f is within %.1f%% of the naive forecast's %.4f (gap %+.2f%%)",
                    challenger.model().rmse(), maxNaiveGapPercent, challenger.naive().rmse(), gap));
        } else {
            reasons.add(String.format(Locale.ROOT,
                    "RMSE %.4f is %.2f%% worse than the naive forecast's %.4f, more than the"
                            + " allowed %.1f%%",
                    challenger.model().rmse(), gap, challenger.naive().rmse(), maxNaiveGapPercent));
        }
        boolean beatsChampion = true;
        if (champion.isPresent()) {
            double championRmse = champion.get().model().rmse();
            beatsChampion = challenger.model().rmse() < championRmse;
            reasons.add(String.format(Locale.ROOT, "RMSE %.4f is %s the champion's %.4f",
                    challenger.model().rmse(), beatsChampion ? "lower than" : "not lower than",
                    championRmse));
        } else {
            reasons.add("there is no champion to beat");
        }
        return new PromotionDecision(passesNaiveGate && beatsChampion, reasons);
    }

    /**
     * @param evaluation a model's evaluation
     * @return how much higher its RMSE is than the naive forecast's, in percent (negative when
     *     lower)
     */
    public static double naiveGapPercent(Evaluation evaluation) {
        double naive = evaluation.naive().rmse();
        if (naive == 0) {
            return evaluation.model().rmse() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100 * (evaluation.model().rmse() / naive - 1);
    }
}
