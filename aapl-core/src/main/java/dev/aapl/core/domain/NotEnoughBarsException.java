package dev.aapl.core.domain;

/** There are too few bars for the features, the training set or the holdout that were asked for. */
public final class NotEnoughBarsException extends AaplException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message how many bars there are and how many are needed
     * @param hint what to change: a longer history, a shorter holdout, smaller windows
     */
    public NotEnoughBarsException(String message, String hint) {
        super(message, hint);
    }
}
