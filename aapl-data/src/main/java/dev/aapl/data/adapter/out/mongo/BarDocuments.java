package dev.aapl.data.adapter.out.mongo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.bson.types.Decimal128;

/** Reads the values of bar documents that other systems may have written with other types. */
final class BarDocuments {

    /** Epoch numbers above this are milliseconds; below, seconds (it is 5138 AD in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private BarDocuments() {
    }

    /**
     * @param value a BSON date, a number of epoch seconds or milliseconds, or an ISO-8601 text
     *     with an offset
     * @param field the field name, for the message
     * @return the instant
     * @throws IllegalArgumentException when the value is none of those
     */
    static Instant instantOf(Object value, String field) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number number) {
            long epoch = number.longValue();
            return Math.abs(epoch) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch)
                    : Instant.ofEpochSecond(epoch);
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " '" + text
                        + "' is not an ISO-8601 time with an offset", e);
            }
        }
        throw unreadable(field, value, "a date, an epoch number or an ISO-8601 text");
    }

    /**
     * @param value a number of any BSON type
     * @param field the field name, for the message
     * @return its value as a double
     * @throws IllegalArgumentException when the value is missing or not a number
     */
    static double doubleOf(Object value, String field) {
        if (value instanceof Decimal128 decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw unreadable(field, value, "a number");
    }

    /**
     * @param value a number of any BSON type
     * @param field the field name, for the message
     * @return its value rounded to a whole number
     * @throws IllegalArgumentException when the value is missing or not a number
     */
    static long longOf(Object value, String field) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        return Math.round(doubleOf(value, field));
    }

    private static IllegalArgumentException unreadable(String field, Object value, String what) {
        if (value == null) {
            return new IllegalArgumentException("field '" + field + "' is missing");
        }
        return new IllegalArgumentException("field '" + field + "' holds '" + value
                + "', not " + what);
    }
}
