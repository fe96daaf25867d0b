package dev.aapl.data.adapter.out.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the time cell of a row: an ISO date and time with a space or {@code T} between them,
 * seconds and a fraction optional, and an optional offset ({@code +00:00}, {@code -0500},
 * {@code -05} or {@code Z}), or a count of Unix seconds. A time without an offset is read in the
 * calendar's zone, the exchange's local time.
 *
 * <p>The text is taken apart by hand: {@code DateTimeFormatter} with optional sections costs
 * tens of microseconds a cell, which dominated the reading of a long file.
 */
final class CsvTimestamps {

    /** Counts at or above this are milliseconds: as seconds they would fall after the year 5000. */
    private static final long MILLISECONDS_FROM = 100_000_000_000L;

    private static final String EXAMPLES = "such as 2024-03-04 15:30:00+00:00,"
            + " 2024-03-04T10:30:00-05:00, 2024-03-04 10:30 or a count of Unix seconds";

    private CsvTimestamps() {
    }

    /**
     * @param text the cell, trimmed
     * @param zone the zone of times written without an offset
     * @return the instant
     * @throws IllegalArgumentException with the reason when the cell is not a time
     */
    static Instant parse(String text, ZoneId zone) {
        if (isWholeNumber(text)) {
            long count = Long.parseLong(text);
            return Math.abs(count) >= MILLISECONDS_FROM ? Instant.ofEpochMilli(count)
                    : Instant.ofEpochSecond(count);
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            throw new IllegalArgumentException("time '" + text + "' is a date without a time of"
                    + " day: the file seems to hold daily bars, and hourly bars are needed");
        }
        try {
            return new Cursor(text).dateTime(zone);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("time '" + text + "' is not a date and time "
                    + EXAMPLES);
        }
    }

    private static boolean isWholeNumber(String text) {
        int from = text.startsWith("-") ? 1 : 0;
        if (text.length() == from || text.length() - from > 18) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads {@code yyyy-MM-dd[ T]HH:mm[:ss[.fraction]][offset]} left to right. */
    private static final class Cursor {

        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        Instant dateTime(ZoneId zone) {
            int year = digits(4);
            expect('-');
            int month = digits(2);
            expect('-');
            int day = digits(2);
            if (text.charAt(at) != ' ' && text.charAt(at) != 'T') {
                throw new DateTimeException("no time");
            }
            at++;
            int hour = digits(2);
            expect(':');
            int minute = digits(2);
            int second = 0;
            int nanos = 0;
            if (at < text.length() && text.charAt(at) == ':') {
                at++;
                second = digits(2);
                if (at < text.length() && text.charAt(at) == '.') {
                    at++;
                    nanos = fraction();
                }
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (at == text.length()) {
                return local.atZone(zone).toInstant();
            }
            return local.toInstant(offset());
        }

        private ZoneOffset offset() {
            char sign = text.charAt(at++);
            if (sign == 'Z' && at == text.length()) {
                return ZoneOffset.UTC;
            }
            if (sign != '+' && sign != '-') {
                throw new DateTimeException("no offset");
            }
            int hours = digits(2);
            int minutes = 0;
            if (at < text.length()) {
                if (text.charAt(at) == ':') {
                    at++;
                }
                minutes = digits(2);
            }
            if (at != text.length()) {
                throw new DateTimeException("text after the offset");
            }
            int sig = sign == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sig * hours, sig * minutes);
        }

        private int fraction() {
            int nanos = 0;
            int places = 0;
            while (at < text.length() && isDigit(text.charAt(at))) {
                if (places < 9) {
                    nanos = nanos * 10 + text.charAt(at) - '0';
                    places++;
                }
                at++;
            }
            if (places == 0) {
                throw new DateTimeException("empty fraction");
            }
            for (; places < 9; places++) {
                nanos *= 10;
            }
            return nanos;
        }

        private int digits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                char c = text.charAt(at++);
                if (!isDigit(c)) {
                    throw new DateTimeException("not a digit");
                }
                value = value * 10 + c - '0';
            }
            return value;
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new DateTimeException("expected " + c);
            }
        }
    }
}
