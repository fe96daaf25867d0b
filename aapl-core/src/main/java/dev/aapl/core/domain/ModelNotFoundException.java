package dev.aapl.core.domain;

/** No model could be found where one was expected: no champion yet, an unknown version. */
public final class ModelNotFoundException extends AaplException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for
     * @param hint how to get a model, for example by running {@code aapl train}
     */
    public ModelNotFoundException(String message, String hint) {
        super(message, hint);
    }
}
