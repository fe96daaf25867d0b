package dev.aapl.core.domain;

import java.time.Duration;

/** The length of the bars the product works with. Only hourly bars are supported today. */
public enum Interval {

    /** Hourly bars, as Yahoo's chart API serves them with {@code interval=1h}. */
    ONE_HOUR("1h", Duration.ofHours(1));

    private final String code;
    private final Duration length;

    Interval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** @return the short code used by Yahoo and in names, for example {@code 1h} */
    public String code() {
        return code;
    }

    /** @return the nominal length of a bar; the last bar of a session may be shorter */
    public Duration length() {
        return length;
    }

    /**
     * @param code a short code such as {@code 1h}
     * @return the interval with that code
     * @throws IllegalArgumentException when no interval has that code
     */
    public static Interval fromCode(String code) {
        for (Interval interval : values()) {
            if (interval.code.equalsIgnoreCase(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("interval '" + code + "' is not supported; use 1h");
    }

    @Override
    public String toString() {
        return code;
    }
}
