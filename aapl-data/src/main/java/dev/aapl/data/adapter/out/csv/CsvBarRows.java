package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.InvalidBarException;
import dev.aapl.core.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the data rows of one file into bars, one row at a time, for one read: it checks each
 * row, drops exact duplicates and bars still forming at the time of the read, and either fails on
 * the first bad row or collects it as skipped.
 */
final class CsvBarRows {

    private final Path file;
    private final CsvHeader header;
    private final TradingCalendar calendar;
    private final Instant now;
    private final boolean skipBadRows;

    private final Map<Instant, Kept> byStart = new HashMap<>();
    private final Map<LocalDate, Session> sessions = new HashMap<>();
    private final List<CsvReadReport.SkippedRow> skipped = new ArrayList<>();
    private final List<Long> duplicateLines = new ArrayList<>();
    private final List<Instant> incompleteStarts = new ArrayList<>();
    private int dataRows;

    /** A bar kept so far and the line it came from, to name it when a later row repeats it. */
    private record Kept(Bar bar, long line) {
    }

    CsvBarRows(Path file, CsvHeader header, TradingCalendar calendar, Instant now,
            boolean skipBadRows) {
        this.file = file;
        this.header = header;
        this.calendar = calendar;
        this.now = now;
        this.skipBadRows = skipBadRows;
    }

    /**
     * @param record a data row; its record number is its line number because blank lines are
     *     kept as records (a quoted cell spanning lines would shift the count, and bar files
     *     have none)
     * @throws BadCsvRowException when the row is bad and bad rows are not skipped
     */
    void accept(CSVRecord record) {
        dataRows++;
        long line = record.getRecordNumber();
        try {
            Instant start = barStart(record);
            if (!isComplete(start)) {
                incompleteStarts.add(start);
                return;
            }
            keep(toBar(record, start), line);
        } catch (IllegalArgumentException | InvalidBarException e) {
            if (!skipBadRows) {
                throw new BadCsvRowException(file, line, e.getMessage());
            }
            skipped.add(new CsvReadReport.SkippedRow(line, e.getMessage()));
        }
    }

    /** @return the bars kept, oldest first, whatever order the file had them in */
    List<Bar> bars() {
        List<Bar> bars = new ArrayList<>(byStart.size());
        byStart.values().forEach(kept -> bars.add(kept.bar()));
        bars.sort(Comparator.comparing(Bar::start));
        return bars;
    }

    int dataRows() {
        return dataRows;
    }

    List<CsvReadReport.SkippedRow> skipped() {
        return skipped;
    }

    List<Long> duplicateLines() {
        return duplicateLines;
    }

    List<Instant> incompleteStarts() {
        return incompleteStarts;
    }

    private void keep(Bar bar, long line) {
        Kept earlier = byStart.putIfAbsent(bar.start(), new Kept(bar, line));
        if (earlier == null) {
            return;
        }
        if (earlier.bar().equals(bar)) {
            duplicateLines.add(line);
            return;
        }
        throw new IllegalArgumentException("bar " + bar.start() + " repeats line "
                + earlier.line() + " with other values");
    }

    /**
     * The row's bar start. A time inside a bar that has not ended yet stands for that bar: Yahoo
     * stamps the bar still forming with the time of its last trade.
     */
    private Instant barStart(CSVRecord record) {
        String text = cell(record, header.time, "time");
        Instant time = CsvTimestamps.parse(text, calendar.zone());
        ZonedDateTime local = time.atZone(calendar.zone());
        Session session = session(local.toLocalDate());
        int index = session.indexOf(time);
        if (index >= 0) {
            return time;
        }
        if (session.starts().isEmpty()) {
            throw new IllegalArgumentException("time '" + text + "' falls on "
                    + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + local.toLocalDate() + ", when the exchange is closed");
        }
        int containing = session.indexContaining(time);
        if (containing >= 0 && session.ends().get(containing).isAfter(now)) {
            return session.starts().get(containing);
        }
        throw new IllegalArgumentException("time '" + text + "' (" + local.toLocalTime() + " "
                + calendar.zone() + ") is not the start of an hourly bar; bars start on the half"
                + " hour from the open, " + localTimes(session.starts()));
    }

    /** @return whether the bar starting then had ended at the time of the read */
    private boolean isComplete(Instant start) {
        Session session = session(calendar.dateOf(start));
        return !session.ends().get(session.indexOf(start)).isAfter(now);
    }

    /**
     * Asks the calendar once per day: its answers cost several zone conversions each, which
     * would dominate the reading of a long file.
     */
    private Session session(LocalDate date) {
        Session session = sessions.get(date);
        if (session == null) {
            List<Instant> starts = calendar.barStarts(date);
            List<Instant> ends = new ArrayList<>(starts.size());
            for (int i = 1; i < starts.size(); i++) {
                ends.add(starts.get(i));
            }
            if (!starts.isEmpty()) {
                ends.add(calendar.barEnd(starts.get(starts.size() - 1)));
            }
            session = new Session(starts, ends);
            sessions.put(date, session);
        }
        return session;
    }

    /** The hourly bars of one day: their starts and ends, oldest first; none on a closed day. */
    private record Session(List<Instant> starts, List<Instant> ends) {

        int indexOf(Instant time) {
            return starts.indexOf(time);
        }

        int indexContaining(Instant time) {
            for (int i = 0; i < starts.size(); i++) {
                if (!starts.get(i).isAfter(time) && ends.get(i).isAfter(time)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private String localTimes(List<Instant> starts) {
        return starts.get(0).atZone(calendar.zone()).toLocalTime() + " to "
                + starts.get(starts.size() - 1).atZone(calendar.zone()).toLocalTime();
    }

    private Bar toBar(CSVRecord record, Instant start) {
        double open = price(record, header.open, "open");
        double high = price(record, header.high, "high");
        double low = price(record, header.low, "low");
        double close = price(record, header.close, "close");
        long volume = volume(cell(record, header.volume, "volume"));
        return new Bar(start, open, high, low, close, volume);
    }

    private static String cell(CSVRecord record, int column, String name) {
        if (column >= record.size()) {
            throw new IllegalArgumentException("the row has " + record.size() + " cells, so no "
                    + name + " (column " + (column + 1) + ")");
        }
        String cell = record.get(column);
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (cell.equalsIgnoreCase("null") || cell.equalsIgnoreCase("nan")
                || cell.equalsIgnoreCase("none")) {
            throw new IllegalArgumentException(name + " is missing ('" + cell + "')");
        }
        return cell;
    }

    private static double price(CSVRecord record, int column, String name) {
        String cell = cell(record, column, name);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + cell + "' is not a number");
        }
    }

    /** Volumes are whole share counts; pandas writes them as {@code 1200.0} after gaps. */
    private static long volume(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException notWhole) {
            double value;
            try {
                value = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("volume '" + cell + "' is not a number");
            }
            if (!Double.isFinite(value) || value != Math.rint(value)
                    || Math.abs(value) >= Long.MAX_VALUE) {
                throw new IllegalArgumentException("volume '" + cell
                        + "' is not a whole number of shares");
            }
            return (long) value;
        }
    }
}
