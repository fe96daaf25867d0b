package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.AaplException;

/**
 * Yahoo Finance could not deliver bars: it was unreachable or slow, refused the request, does not
 * know the symbol, or answered something unreadable. The cached source falls back to stored bars
 * on this exception and on no other.
 */
final class YahooException extends AaplException {

    private static final long serialVersionUID = 1L;

    YahooException(String message, String hint) {
        super(message, hint);
    }

    YahooException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
