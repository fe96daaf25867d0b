package dev.aapl.core.domain;

/** A bar or a series of bars breaks a rule: a non-positive price, high below low, a duplicate. */
public final class InvalidBarException extends AaplException {

    private static final long serialVersionUID = 1L;

    /** @param message the rule that was broken and the offending values */
    public InvalidBarException(String message) {
        super(message, "");
    }
}
