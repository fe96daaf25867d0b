package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.AaplException;

/**
 * A CSV file of bars cannot be read as a whole: it is missing, a folder, empty, has no usable
 * header or no bars, or holds another ticker.
 */
public final class BadCsvFileException extends AaplException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the file, naming it
     * @param hint what the user can do
     */
    public BadCsvFileException(String message, String hint) {
        super(message, hint);
    }

    /**
     * @param message what is wrong with the file, naming it
     * @param hint what the user can do
     * @param cause the input failure behind it
     */
    public BadCsvFileException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
