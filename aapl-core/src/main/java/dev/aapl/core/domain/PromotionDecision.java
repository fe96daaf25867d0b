package dev.aapl.core.domain;

import java.util.List;

/**
 * Whether a challenger became champion, and why.
 *
 * @param promoted whether it took the champion alias
 * @param reasons the checks made and their outcome, in the order they were made
 */
public record PromotionDecision(boolean promoted, List<String> reasons) {

    /** Copies the reasons. */
    public PromotionDecision {
        reasons = List.copyOf(reasons);
    }

    /** @return the reasons in one line, separated by semicolons */
    public String summary() {
        return String.join("; ", reasons);
    }
}
