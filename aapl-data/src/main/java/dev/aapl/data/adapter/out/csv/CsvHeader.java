package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.Ticker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;

/**
 * Where the columns of a bar file are, found by name in any order and any case, from one of
 * three layouts:
 * <ul>
 *   <li>plain, one header row: {@code Datetime,Open,High,Low,Close,Adj Close,Volume}, the time
 *       column also named {@code Date}, {@code Timestamp} or {@code Time};</li>
 *   <li>yfinance with two header rows: {@code Datetime,Close,High,Low,Open,Volume} then a row
 *       naming the ticker of each column, {@code ,AAPL,AAPL,...};</li>
 *   <li>yfinance with three header rows: {@code Price,Close,...}, {@code Ticker,AAPL,...} and
 *       {@code Datetime,,,,,}, the time being the first column.</li>
 * </ul>
 * When the ticker row names several tickers, the columns of the expected one are used. Columns
 * with other names, such as {@code Dividends}, are ignored, and so is {@code Adj Close}: the close
 * of an hourly bar is the traded price, and an adjusted close only makes sense for daily bars.
 */
final class CsvHeader {

    /** The hint of every header problem. */
    static final String EXPECTED_COLUMNS = "expected a header naming Datetime (or Date or"
            + " Timestamp), Open, High, Low, Close and Volume in any order, as Yahoo and yfinance"
            + " write it; Adj Close is ignored";

    private static final Set<String> TIME_NAMES = Set.of("datetime", "date", "timestamp", "time");
    private static final String[] FIELDS = {"open", "high", "low", "close", "volume"};
    private static final int MAX_SHOWN = 120;

    final int time;
    final int open;
    final int high;
    final int low;
    final int close;
    final int volume;

    private CsvHeader(int time, int[] fields) {
        this.time = time;
        this.open = fields[0];
        this.high = fields[1];
        this.low = fields[2];
        this.close = fields[3];
        this.volume = fields[4];
    }

    /**
     * Reads the header rows off the front of the file.
     *
     * @param file the file, for messages
     * @param rows the records, positioned at the start
     * @param expected the ticker the file must hold when its header names one
     * @return the column positions
     * @throws BadCsvFileException when the file is empty, the header lacks a needed column, names
     *     only other tickers, or no row follows it
     */
    static CsvHeader read(Path file, CsvRows rows, Ticker expected) {
        CSVRecord first = rows.next();
        if (first == null) {
            throw new BadCsvFileException("CSV file " + file + " is empty", EXPECTED_COLUMNS
                    + ", followed by one row per hourly bar");
        }
        List<String> names = normalised(first);
        List<String> tickers = null;
        int time;
        if (names.get(0).equals("price")) {
            tickers = cells(requireRow(file, rows, Set.of("ticker"),
                    "its second header row should name the tickers, as in Ticker,AAPL,AAPL,..."));
            requireRow(file, rows, TIME_NAMES,
                    "its third header row should name the time column, as in Datetime,,,,,");
            time = 0;
        } else {
            if (isTickerRow(rows.peek())) {
                tickers = cells(rows.next());
            }
            time = indexOfTime(names);
        }
        CsvHeader header = new CsvHeader(time, fieldColumns(file, first, names, tickers, expected));
        requireColumns(file, first, header);
        if (!rows.hasNext()) {
            throw headerOnly(file);
        }
        return header;
    }

    private static int[] fieldColumns(Path file, CSVRecord first, List<String> names,
            List<String> tickers, Ticker expected) {
        int[] columns = {-1, -1, -1, -1, -1};
        Set<String> otherTickers = new TreeSet<>();
        boolean expectedSeen = false;
        for (int i = 0; i < names.size(); i++) {
            int field = List.of(FIELDS).indexOf(names.get(i));
            String ticker = tickers == null || i >= tickers.size() ? "" : tickers.get(i);
            if (field < 0) {
                continue;
            }
            if (!ticker.isEmpty() && !ticker.equalsIgnoreCase(expected.symbol())) {
                otherTickers.add(ticker.toUpperCase(Locale.ROOT));
                continue;
            }
            expectedSeen |= !ticker.isEmpty();
            if (columns[field] >= 0) {
                throw new BadCsvFileException("CSV file " + file + " has two " + first.get(i)
                        + " columns (header: " + shown(first) + ")", EXPECTED_COLUMNS);
            }
            columns[field] = i;
        }
        if (!otherTickers.isEmpty() && !expectedSeen) {
            throw new BadCsvFileException("CSV file " + file + " holds bars of "
                    + String.join(", ", otherTickers) + ", not of " + expected,
                    "ask for " + otherTickers.iterator().next() + " or read a file of "
                    + expected + " bars");
        }
        return columns;
    }

    private static void requireColumns(Path file, CSVRecord first, CsvHeader header) {
        int[] columns = {header.time, header.open, header.high, header.low, header.close,
            header.volume};
        String[] names = {"time", "open", "high", "low", "close", "volume"};
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] < 0) {
                throw new BadCsvFileException("CSV file " + file + " has no " + names[i]
                        + " column (header: " + shown(first) + ")", EXPECTED_COLUMNS);
            }
        }
    }

    /** The second and third rows of yfinance's three-row header, known by their first cell. */
    private static CSVRecord requireRow(Path file, CsvRows rows, Set<String> firstCells,
            String expectation) {
        CSVRecord row = rows.next();
        if (row == null) {
            throw headerOnly(file);
        }
        if (!firstCells.contains(normalise(row.get(0)))) {
            throw new BadCsvFileException("CSV file " + file + " starts like a yfinance header"
                    + " with a Price row, but " + expectation, EXPECTED_COLUMNS);
        }
        return row;
    }

    private static BadCsvFileException headerOnly(Path file) {
        return new BadCsvFileException("CSV file " + file + " has a header but no bar rows",
                EXPECTED_COLUMNS + ", followed by one row per hourly bar");
    }

    /**
     * A ticker row has no number in it, which tells it from a bar; its first cell is empty or
     * {@code Ticker}, the other cells name symbols.
     */
    private static boolean isTickerRow(CSVRecord row) {
        if (row == null || row.size() < 2) {
            return false;
        }
        String head = normalise(row.get(0));
        if (!head.isEmpty() && !head.equals("ticker")) {
            return false;
        }
        boolean named = false;
        for (int i = 1; i < row.size(); i++) {
            String cell = row.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            if (looksNumeric(cell) || cell.equalsIgnoreCase("null")) {
                return false;
            }
            named = true;
        }
        return named;
    }

    private static boolean looksNumeric(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e'
                    && c != 'E') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfTime(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (TIME_NAMES.contains(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        return cells;
    }

    private static List<String> normalised(CSVRecord record) {
        List<String> names = new ArrayList<>(record.size());
        record.forEach(cell -> names.add(normalise(cell)));
        return names;
    }

    /** Lower case without byte-order mark, spaces or underscores: {@code Adj Close} is adjclose. */
    private static String normalise(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '\uFEFF' && c != ' ' && c != '_') {
                text.append(Character.toLowerCase(c));
            }
        }
        return text.toString();
    }

    private static String shown(CSVRecord record) {
        String text = String.join(",", cells(record)).replace("\uFEFF", "");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
