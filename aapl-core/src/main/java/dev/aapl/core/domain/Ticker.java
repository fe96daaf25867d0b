package dev.aapl.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Yahoo Finance symbol such as {@code AAPL}, {@code BRK-B}, {@code ^GSPC} or {@code EURUSD=X},
 * normalised to upper case.
 *
 * @param symbol the symbol, upper case
 */
public record Ticker(String symbol) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9^][A-Z0-9.=^-]{0,19}");

    /** The default ticker of the product. */
    public static final Ticker AAPL = new Ticker("AAPL");

    /** @throws IllegalArgumentException when the symbol is empty or has characters Yahoo never uses
     */
    public Ticker {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("ticker must not be empty");
        }
        symbol = symbol.strip().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("ticker '" + symbol
                    + "' is not a symbol: use letters, digits and . = ^ - (at most 20)");
        }
    }

    /**
     * @param symbol the symbol in any case
     * @return the ticker
     */
    public static Ticker of(String symbol) {
        return new Ticker(symbol);
    }

    /** @return the symbol in lower case, for names of folders, experiments and models */
    public String slug() {
        return symbol.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
