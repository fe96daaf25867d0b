package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.out.LoadBarsPort;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly bars from a CSV file, for {@code --source csv:PATH}. Columns are found by name, in any
 * order and any case, under one of the headers Yahoo's website and yfinance write:
 * <ul>
 *   <li>one row, {@code Datetime,Open,High,Low,Close,Adj Close,Volume}, with or without
 *       {@code Adj Close}, the time column also named {@code Date} or {@code Timestamp};</li>
 *   <li>two rows, {@code Datetime,Close,High,Low,Open,Volume} then {@code ,AAPL,AAPL,...};</li>
 *   <li>three rows, {@code Price,Close,...}, {@code Ticker,AAPL,...} and {@code Datetime,,,,,}.
 *   </li>
 * </ul>
 * When the header names a ticker it must be the one asked for. Times may carry an offset, be
 * New York local time, or be Unix seconds. Rows may come in any order and are sorted. The close
 * is {@code Close}; {@code Adj Close} is ignored, as an adjusted close only makes sense for daily
 * bars and the close of an hourly bar is the traded price.
 *
 * <p>A bad row (a number that does not parse, a missing value, a bar breaking the rules of
 * {@link Bar}, a time that is not an hourly bar start of the calendar, a start time repeated with
 * other values) fails the read with a {@link BadCsvRowException} naming the file and line, unless
 * the options skip bad rows; then it is left out, logged and listed in the
 * {@linkplain #lastReadReport() report}. A row repeating an earlier one exactly is dropped with a
 * warning. A bar that has not ended at the time of the read is left out: it is still forming.
 *
 * <p>The file is read as a stream, row by row, in time linear in its length.
 */
public final class CsvBarSource implements LoadBarsPort {

    private static final Logger LOG = LoggerFactory.getLogger(CsvBarSource.class);

    /** Blank lines are kept as records so that record numbers stay line numbers. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();

    private final CsvOptions options;
    private volatile CsvReadReport lastReport;

    /** @param options the file and how to read it */
    public CsvBarSource(CsvOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param path the CSV file
     * @return a source reading it with the default options
     */
    public static CsvBarSource of(Path path) {
        return new CsvBarSource(CsvOptions.of(path));
    }

    /** @return the file and how it is read */
    public CsvOptions options() {
        return options;
    }

    /**
     * @param ticker the symbol the file must hold
     * @param interval the bar length, hourly
     * @param now the time of the request; bars that have not ended by then are left out
     * @return the complete bars of the file, oldest first
     * @throws BadCsvFileException when the file cannot be read as a whole
     * @throws BadCsvRowException when a row is bad and bad rows are not skipped
     */
    @Override
    public BarSeries loadBars(Ticker ticker, Interval interval, Instant now) {
        return read(ticker, interval, now).series();
    }

    /**
     * Reads the file, keeping the report of what was left out for {@link #lastReadReport()} too.
     *
     * @param ticker the symbol the file must hold
     * @param interval the bar length, hourly
     * @param now the time of the request; bars that have not ended by then are left out
     * @return the complete bars and the report
     * @throws BadCsvFileException when the file cannot be read as a whole: missing, a folder,
     *     empty, no usable header, no bars, or the bars of another ticker
     * @throws BadCsvRowException when a row is bad and bad rows are not skipped
     */
    public CsvReadResult read(Ticker ticker, Interval interval, Instant now) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
        Path path = options.path();
        Ticker expected = options.expectedTicker().orElse(ticker);
        if (!expected.equals(ticker)) {
            throw new BadCsvFileException("CSV file " + path + " is set to hold " + expected
                    + " bars, but " + ticker + " bars were asked for",
                    "ask for " + expected + " or read a file of " + ticker + " bars");
        }
        requireReadableFile(path);
        long started = System.nanoTime();

        CsvBarRows rows = readRows(path, expected, now);
        List<Bar> bars = rows.bars();
        CsvReadReport report = new CsvReadReport(path, rows.dataRows(), bars.size(),
                rows.skipped(), rows.duplicateLines().size(), rows.incompleteStarts().size());
        lastReport = report;
        logLeftOut(rows, report);
        if (bars.isEmpty()) {
            throw noCompleteBars(path, report, now);
        }

        BarSeries series = BarSeries.of(ticker, interval, bars, "csv:" + path, false);
        LOG.info("read {} {} bars of {} from {} ({} .. {}) in {} ms", series.size(), interval,
                ticker, path, series.first().start(), series.last().start(),
                (System.nanoTime() - started) / 1_000_000);
        return new CsvReadResult(series, report);
    }

    /** @return the report of the latest read of this source, empty before the first */
    public Optional<CsvReadReport> lastReadReport() {
        return Optional.ofNullable(lastReport);
    }

    private CsvBarRows readRows(Path path, Ticker expected, Instant now) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            CsvRows records = new CsvRows(parser.iterator());
            CsvHeader header = CsvHeader.read(path, records, expected);
            CsvBarRows rows = new CsvBarRows(path, header, options.calendar(), now,
                    options.skipBadRows());
            while (records.hasNext()) {
                rows.accept(records.next());
            }
            return rows;
        } catch (UncheckedIOException e) {
            // The parser reports broken quoting this way, with the line in its message.
            throw new BadCsvFileException("CSV file " + path + " is not valid CSV: "
                    + e.getCause().getMessage(), "check the quotes around that line", e);
        } catch (IOException e) {
            throw new BadCsvFileException("CSV file " + path + " could not be read: " + e,
                    "check that the file is readable", e);
        }
    }

    private static void requireReadableFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new BadCsvFileException(path + " is a folder, not a CSV file",
                    "give the path of a .csv file of hourly bars");
        }
        if (!Files.exists(path)) {
            throw new BadCsvFileException("CSV file " + path + " does not exist",
                    "check the path; a relative path starts in the current folder, "
                    + Path.of("").toAbsolutePath());
        }
        if (!Files.isReadable(path)) {
            throw new BadCsvFileException("CSV file " + path + " cannot be read",
                    "check its permissions");
        }
    }

    private static void logLeftOut(CsvBarRows rows, CsvReadReport report) {
        if (!report.skippedRows().isEmpty()) {
            LOG.warn("{}: skipped {} bad rows: {}", report.file(), report.skippedRows().size(),
                    report.firstReasons());
        }
        if (!rows.duplicateLines().isEmpty()) {
            LOG.warn("{}: dropped {} rows repeating an earlier row exactly, the first at line {};"
                    + " the file may have been appended to twice", report.file(),
                    rows.duplicateLines().size(), rows.duplicateLines().get(0));
        }
        if (!rows.incompleteStarts().isEmpty()) {
            LOG.info("{}: left out {} bar(s) still forming at the time of the read, the first"
                    + " starting {}", report.file(), rows.incompleteStarts().size(),
                    rows.incompleteStarts().get(0));
        }
    }

    private static BadCsvFileException noCompleteBars(Path path, CsvReadReport report,
            Instant now) {
        if (report.skippedRows().isEmpty()) {
            return new BadCsvFileException("CSV file " + path + " has no bar that had ended by "
                    + now, "read the file again once its first bar has ended");
        }
        return new BadCsvFileException("CSV file " + path + " has no usable bar: "
                + report.skippedRows().size() + " of its " + report.dataRows()
                + " rows were skipped as bad (" + report.firstReasons() + ")"
                + (report.incompleteDropped() > 0
                        ? " and " + report.incompleteDropped() + " were still forming" : ""),
                "correct the rows or read another file");
    }
}
