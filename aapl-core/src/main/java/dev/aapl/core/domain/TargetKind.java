package dev.aapl.core.domain;

import java.util.Locale;

/** What the model learns; the product always forecasts the next close in price. */
public enum TargetKind {

    /**
     * The log return of the next bar, {@code ln(next close / close)}; the forecast is
     * {@code close * exp(r)}. Trees cannot extrapolate beyond the targets they saw, and returns
     * stay in range when the price sets new highs, so this is the default.
     */
    RETURN,

    /** The next close itself, kept for comparison: a forest on prices cannot follow a new high. */
    PRICE;

    /** @return the lower-case name used on the command line and in params */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param code {@code return} or {@code price}, in any case
     * @return the target kind
     * @throws IllegalArgumentException for any other value
     */
    public static TargetKind fromCode(String code) {
        for (TargetKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("target '" + code + "' is unknown; use return or price");
    }
}
