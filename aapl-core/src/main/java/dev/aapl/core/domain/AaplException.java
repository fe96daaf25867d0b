package dev.aapl.core.domain;

/**
 * Base of every exception the product throws on purpose. Its message says what is wrong in one
 * line; {@link #hint()} says what the user can do about it. The command line prints both and
 * exits non-zero; the web adapter maps them to an HTTP status with a JSON body.
 */
public class AaplException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * @param message what is wrong, one line, without a trailing period
     * @param hint what the user can do, or an empty string
     */
    public AaplException(String message, String hint) {
        this(message, hint, null);
    }

    /**
     * @param message what is wrong, one line, without a trailing period
     * @param hint what the user can do, or an empty string
     * @param cause the underlying failure, kept for verbose output
     */
    public AaplException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    /** @return what the user can do about the failure; empty when there is nothing to add */
    public String hint() {
        return hint;
    }
}
