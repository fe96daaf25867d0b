package dev.aapl.model.forest;

import dev.aapl.core.domain.AaplException;

/** A stream given to {@link FastForestModel#readFrom} does not hold a readable forest model. */
public final class FastForestFormatException extends AaplException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the stream, one line
     * @param cause the underlying failure, or null
     */
    FastForestFormatException(String message, Throwable cause) {
        super(message, "check that the file is a forest model written by this version of aapl,"
                + " or train the model again", cause);
    }
}
