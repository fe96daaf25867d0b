package dev.aapl.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One price bar: the instant it starts (UTC), its open, high, low and close prices and the volume
 * traded. A bar validates itself: prices are finite and positive, the low is the lowest price and
 * the high the highest, and the volume is not negative.
 *
 * @param start the instant the bar starts
 * @param open the first traded price
 * @param high the highest traded price
 * @param low the lowest traded price
 * @param close the last traded price
 * @param volume the number of shares traded
 */
public record Bar(Instant start, double open, double high, double low, double close, long volume) {

    /** @throws InvalidBarException when a price or the volume breaks the rules above */
    public Bar {
        Objects.requireNonNull(start, "start");
        requirePrice("open", open, start);
        requirePrice("high", high, start);
        requirePrice("low", low, start);
        requirePrice("close", close, start);
        if (high < low) {
            throw new InvalidBarException(
                    "bar " + start + ": high " + high + " is below low " + low);
        }
        if (open < low || open > high || close < low || close > high) {
            throw new InvalidBarException("bar " + start + ": open " + open + " or close " + close
                    + " lies outside low " + low + " .. high " + high);
        }
        if (volume < 0) {
            throw new InvalidBarException("bar " + start + ": volume " + volume + " is negative");
        }
    }

    private static void requirePrice(String name, double value, Instant start) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidBarException(
                    "bar " + start + ": " + name + " " + value + " is not a positive finite price");
        }
    }
}
