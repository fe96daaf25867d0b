package dev.aapl.data.adapter.out.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Reads small files written by each test in the layouts Yahoo and yfinance use. The prices are
 * made up; the times are real NYSE bar starts, checked by hand against the exchange's hours.
 */
class CsvBarSourceTest {

    /** Long after every bar in these files. */
    private static final Instant NOW = Instant.parse("2024-12-01T00:00:00Z");

    /** Monday 2024-03-04, New York on EST: 09:30, 10:30 and 11:30 are 14:30, 15:30, 16:30 UTC. */
    private static final List<Bar> BARS = List.of(
            new Bar(Instant.parse("2024-03-04T14:30:00Z"), 180.00, 181.50, 179.20, 181.10,
                    12_000_000),
            new Bar(Instant.parse("2024-03-04T15:30:00Z"), 181.10, 181.80, 180.60, 180.90,
                    6_500_000),
            new Bar(Instant.parse("2024-03-04T16:30:00Z"), 180.90, 181.00, 179.90, 180.20,
                    5_100_000));

    private static final String PLAIN_HEADER = "Datetime,Open,High,Low,Close,Adj Close,Volume";
    private static final String ROW_1 =
            "2024-03-04 14:30:00+00:00,180.00,181.50,179.20,181.10,180.95,12000000";
    private static final String ROW_2 =
            "2024-03-04 15:30:00+00:00,181.10,181.80,180.60,180.90,180.75,6500000";
    private static final String ROW_3 =
            "2024-03-04 16:30:00+00:00,180.90,181.00,179.90,180.20,180.05,5100000";

    @TempDir
    Path folder;

    private Path write(String... lines) throws IOException {
        Path file = folder.resolve("bars.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static BarSeries load(Path file) {
        return CsvBarSource.of(file).loadBars(Ticker.AAPL, Interval.ONE_HOUR, NOW);
    }

    private static CsvReadResult readSkipping(Path file) {
        return new CsvBarSource(CsvOptions.builder(file).skipBadRows(true).build())
                .read(Ticker.AAPL, Interval.ONE_HOUR, NOW);
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    @Nested
    class Layouts {

        static Stream<Arguments> layouts() {
            return Stream.of(
                    Arguments.of("plain with Adj Close", List.of(PLAIN_HEADER, ROW_1, ROW_2,
                            ROW_3)),
                    Arguments.of("plain without Adj Close", List.of(
                            "Datetime,Open,High,Low,Close,Volume",
                            "2024-03-04 14:30:00+00:00,180.00,181.50,179.20,181.10,12000000",
                            "2024-03-04 15:30:00+00:00,181.10,181.80,180.60,180.90,6500000",
                            "2024-03-04 16:30:00+00:00,180.90,181.00,179.90,180.20,5100000")),
                    Arguments.of("time column named Date", List.of(
                            "Date,Open,High,Low,Close,Adj Close,Volume", ROW_1, ROW_2, ROW_3)),
                    Arguments.of("time column named Timestamp, names in lower case", List.of(
                            "timestamp,open,high,low,close,adj close,volume", ROW_1, ROW_2,
                            ROW_3)),
                    Arguments.of("columns in another order with extra columns", List.of(
                            "Volume,Close,Dividends,Low,Datetime,High,Open",
                            "12000000,181.10,0.0,179.20,2024-03-04 14:30:00+00:00,181.50,180.00",
                            "6500000,180.90,0.0,180.60,2024-03-04 15:30:00+00:00,181.80,181.10",
                            "5100000,180.20,0.0,179.90,2024-03-04 16:30:00+00:00,181.00,180.90")),
                    Arguments.of("yfinance with two header rows", List.of(
                            "Datetime,Close,High,Low,Open,Volume",
                            ",AAPL,AAPL,AAPL,AAPL,AAPL",
                            "2024-03-04 14:30:00+00:00,181.10,181.50,179.20,180.00,12000000",
                            "2024-03-04 15:30:00+00:00,180.90,181.80,180.60,181.10,6500000",
                            "2024-03-04 16:30:00+00:00,180.20,181.00,179.90,180.90,5100000")),
                    Arguments.of("yfinance with three header rows", List.of(
                            "Price,Close,High,Low,Open,Volume",
                            "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL",
                            "Datetime,,,,,",
                            "2024-03-04 14:30:00+00:00,181.10,181.50,179.20,180.00,12000000",
                            "2024-03-04 15:30:00+00:00,180.90,181.80,180.60,181.10,6500000",
                            "2024-03-04 16:30:00+00:00,180.20,181.00,179.90,180.90,5100000")),
                    Arguments.of("yfinance with two tickers, AAPL's columns picked", List.of(
                            "Price,Close,Close,High,High,Low,Low,Open,Open,Volume,Volume",
                            "Ticker,AAPL,MSFT,AAPL,MSFT,AAPL,MSFT,AAPL,MSFT,AAPL,MSFT",
                            "Datetime,,,,,,,,,,",
                            "2024-03-04 14:30:00+00:00,181.10,410.1,181.50,411.0,179.20,409.0,"
                                    + "180.00,410.0,12000000,900000",
                            "2024-03-04 15:30:00+00:00,180.90,410.2,181.80,411.0,180.60,409.0,"
                                    + "181.10,410.0,6500000,800000",
                            "2024-03-04 16:30:00+00:00,180.20,410.3,181.00,411.0,179.90,409.0,"
                                    + "180.90,410.0,5100000,700000")),
                    Arguments.of("a byte-order mark and blank lines", List.of(
                            "\uFEFF" + PLAIN_HEADER, "", ROW_1, ROW_2, "", ROW_3, "")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("layouts")
        void readsTheSameBarsFromEveryLayout(String layout, List<String> lines)
                throws IOException {
            Path file = write(lines.toArray(String[]::new));

            BarSeries series = load(file);

            assertThat(series.bars()).containsExactlyElementsOf(BARS);
            assertThat(series.ticker()).isEqualTo(Ticker.AAPL);
            assertThat(series.source()).isEqualTo("csv:" + file);
            assertThat(series.synthetic()).isFalse();
        }

        @Test
        void takesCloseAndIgnoresAdjClose() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1);

            BarSeries series = load(file);

            assertThat(series.last().close()).isEqualTo(181.10);
        }

        @Test
        void readsAFileWrittenNewestFirst() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_3, ROW_2, ROW_1);

            BarSeries series = load(file);

            assertThat(series.bars()).containsExactlyElementsOf(BARS);
        }

        @Test
        void readsAFileInMixedOrder() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_2, ROW_3, ROW_1);

            BarSeries series = load(file);

            assertThat(series.bars()).containsExactlyElementsOf(BARS);
        }

        @Test
        void readsTheThreeBarsOfAnEarlyClose() throws IOException {
            // The day after Thanksgiving 2024 closes at 13:00 EST; Yahoo has 09:30, 10:30, 11:30.
            Path file = write(PLAIN_HEADER,
                    "2024-11-29 14:30:00+00:00,230.0,231.0,229.5,230.5,230.5,9000000",
                    "2024-11-29 15:30:00+00:00,230.5,231.2,230.1,231.0,231.0,5000000",
                    "2024-11-29 16:30:00+00:00,231.0,231.4,230.6,231.2,231.2,8000000");

            BarSeries series = load(file);

            assertThat(series.bars()).extracting(Bar::start).containsExactly(
                    newYork("2024-11-29T09:30:00"), newYork("2024-11-29T10:30:00"),
                    newYork("2024-11-29T11:30:00"));
        }

        @Test
        void acceptsVolumesWrittenAsWholeDecimals() throws IOException {
            Path file = write(PLAIN_HEADER,
                    "2024-03-04 14:30:00+00:00,180.00,181.50,179.20,181.10,180.95,12000000.0");

            BarSeries series = load(file);

            assertThat(series.first().volume()).isEqualTo(12_000_000L);
        }
    }

    @Nested
    class Timestamps {

        /**
         * The same bar starts written every way: Monday 2024-03-04 09:30 EST is 14:30 UTC, and
         * Monday 2024-03-11 09:30 EDT, after the change to daylight-saving time, is 13:30 UTC.
         */
        @ParameterizedTest(name = "{0} and {1}")
        @CsvSource(delimiter = '|', value = {
            "2024-03-04 14:30:00+00:00 | 2024-03-11 13:30:00+00:00",
            "2024-03-04 09:30:00-05:00 | 2024-03-11 09:30:00-04:00",
            "2024-03-04T14:30:00Z      | 2024-03-11T13:30:00Z",
            "2024-03-04T09:30:00-0500  | 2024-03-11T09:30:00.000-0400",
            "2024-03-04 09:30:00       | 2024-03-11 09:30:00",
            "2024-03-04T09:30          | 2024-03-11T09:30",
            "2024-03-04 09:30-05       | 2024-03-11 09:30:00.000000-04",
            "1709562600                | 1710163800",
            "1709562600000             | 1710163800000",
        })
        void readsEveryFormOfTheSameBarStarts(String beforeDst, String afterDst)
                throws IOException {
            Path file = write("Datetime,Open,High,Low,Close,Volume",
                    beforeDst + ",180.00,181.50,179.20,181.10,12000000",
                    afterDst + ",172.00,173.00,171.50,172.50,15000000");

            BarSeries series = load(file);

            assertThat(series.bars()).extracting(Bar::start).containsExactly(
                    newYork("2024-03-04T09:30:00"), newYork("2024-03-11T09:30:00"));
        }
    }

    @Nested
    class BadRows {

        /** A good row on lines 2 and 3, the bad row on line 4, a good row on line 5. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "an unparsable price   | 2024-03-04 16:30:00+00:00,180.90,18l.00,179.90,180.20,"
                    + "180.05,5100000 | high '18l.00' is not a number",
            "a null value          | 2024-03-04 16:30:00+00:00,null,null,null,null,null,null"
                    + " | open is missing ('null')",
            "an empty close        | 2024-03-04 16:30:00+00:00,180.90,181.00,179.90,,180.05,"
                    + "5100000 | close is empty",
            "an empty time         | ,180.90,181.00,179.90,180.20,180.05,5100000"
                    + " | time is empty",
            "a short row           | 2024-03-04 16:30:00+00:00,180.90,181.00"
                    + " | the row has 3 cells, so no low (column 4)",
            "high below low        | 2024-03-04 16:30:00+00:00,180.90,179.00,181.00,180.20,"
                    + "180.05,5100000 | high 179.0 is below low 181.0",
            "open above high       | 2024-03-04 16:30:00+00:00,182.90,181.00,179.90,180.20,"
                    + "180.05,5100000 | open 182.9 or close 180.2 lies outside",
            "a zero price          | 2024-03-04 16:30:00+00:00,180.90,181.00,0,180.20,"
                    + "180.05,5100000 | low 0.0 is not a positive finite price",
            "a negative volume     | 2024-03-04 16:30:00+00:00,180.90,181.00,179.90,180.20,"
                    + "180.05,-5 | volume -5 is negative",
            "a fractional volume   | 2024-03-04 16:30:00+00:00,180.90,181.00,179.90,180.20,"
                    + "180.05,51.5 | volume '51.5' is not a whole number",
            "an unparsable time    | 04/03/2024 16:30,180.90,181.00,179.90,180.20,180.05,5100000"
                    + " | time '04/03/2024 16:30' is not a date and time",
            "a date without a time | 2024-03-04,180.90,181.00,179.90,180.20,180.05,5100000"
                    + " | is a date without a time of day",
            "a full hour           | 2024-03-04 15:00:00+00:00,180.90,181.00,179.90,180.20,"
                    + "180.05,5100000 | (10:00 America/New_York) is not the start of an hourly"
                    + " bar",
            "a Saturday            | 2024-03-09 14:30:00+00:00,180.90,181.00,179.90,180.20,"
                    + "180.05,5100000 | falls on Saturday 2024-03-09, when the exchange is"
                    + " closed",
            "Good Friday           | 2024-03-29 13:30:00+00:00,180.90,181.00,179.90,180.20,"
                    + "180.05,5100000 | falls on Friday 2024-03-29, when the exchange is closed",
            "a repeated start with other values | 2024-03-04 14:30:00+00:00,180.00,181.50,"
                    + "179.20,181.20,181.05,12000000 | repeats line 2 with other values",
        })
        void namesTheFileTheLineAndTheReason(String kind, String badRow, String reason)
                throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2, badRow,
                    "2024-03-05 14:30:00+00:00,180.20,181.00,179.90,180.50,180.35,9000000");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOfSatisfying(BadCsvRowException.class, e -> {
                        assertThat(e.getMessage()).startsWith(file + " line 4: ")
                                .contains(reason).doesNotContain("\n");
                        assertThat(e.line()).isEqualTo(4);
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.hint()).contains("skip bad rows");
                    });
        }

        @Test
        void countsHeaderRowsAndBlankLinesInTheLineNumber() throws IOException {
            Path file = write("Price,Close,High,Low,Open,Volume",
                    "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL",
                    "Datetime,,,,,",
                    "2024-03-04 14:30:00+00:00,181.10,181.50,179.20,180.00,12000000",
                    "",
                    "2024-03-04 15:30:00+00:00,180.90,181.80,180.60,181.10,6500000",
                    "2024-03-04 16:30:00+00:00,180.20,181.00,179.90,180.90,");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(BadCsvRowException.class)
                    .hasMessage(file + " line 7: volume is empty");
        }

        @Test
        void failsOnABarStartingOutsideTheSessionEvenWhenItIsLast() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2, ROW_3,
                    "2024-03-04 21:30:00+00:00,180.20,180.30,180.10,180.20,180.05,1000");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(BadCsvRowException.class)
                    .hasMessageContaining("line 5: time '2024-03-04 21:30:00+00:00' (16:30"
                            + " America/New_York) is not the start of an hourly bar");
        }
    }

    @Nested
    class SkippingBadRows {

        private final ListAppender<ILoggingEvent> log = new ListAppender<>();
        private final Logger logger = (Logger) LoggerFactory.getLogger(CsvBarSource.class);

        @BeforeEach
        void listen() {
            log.start();
            logger.addAppender(log);
        }

        @AfterEach
        void stopListening() {
            logger.detachAppender(log);
        }

        @Test
        void skipsBadRowsAndReportsEachWithItsLine() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1,
                    "2024-03-04 15:30:00+00:00,null,null,null,null,null,null",
                    ROW_2,
                    "2024-03-04 16:30:00+00:00,180.90,179.00,181.00,180.20,180.05,5100000",
                    ROW_3,
                    "2024-03-09 14:30:00+00:00,180.90,181.00,179.90,180.20,180.05,5100000",
                    "2024-03-05 14:30:00+00:00,abc,181.00,179.90,180.20,180.05,5100000",
                    "2024-03-05 15:30:00+00:00,180.90,181.00,179.90,180.20,180.05,");

            CsvReadResult result = readSkipping(file);

            assertThat(result.series().bars()).containsExactlyElementsOf(BARS);
            assertThat(result.report().skippedRows())
                    .extracting(CsvReadReport.SkippedRow::line)
                    .containsExactly(3L, 5L, 7L, 8L, 9L);
            assertThat(result.report().skippedRows().get(0).reason())
                    .isEqualTo("open is missing ('null')");
            assertThat(result.report().dataRows()).isEqualTo(8);
            assertThat(result.report().bars()).isEqualTo(3);
        }

        @Test
        void logsOneWarningWithTheCountAndTheFirstReasons() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1,
                    "2024-03-04 15:30:00+00:00,null,null,null,null,null,null",
                    "2024-03-04 16:30:00+00:00,1,1,1,x,1,1",
                    "2024-03-05 14:30:00+00:00,1,1,1,y,1,1",
                    "2024-03-05 15:30:00+00:00,1,1,1,z,1,1");

            readSkipping(file);

            List<ILoggingEvent> warnings = log.list.stream()
                    .filter(event -> event.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getFormattedMessage())
                    .contains("skipped 4 bad rows")
                    .contains("line 3: open is missing ('null')")
                    .contains("line 5: close 'y' is not a number")
                    .contains("and 1 more")
                    .doesNotContain("line 6");
        }

        @Test
        void keepsTheReportOfTheLastReadForTheCaller() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, "2024-03-04 15:30:00+00:00,,,,,,", ROW_3);
            CsvBarSource source = new CsvBarSource(CsvOptions.builder(file).skipBadRows(true)
                    .build());

            assertThat(source.lastReadReport()).isEmpty();
            source.loadBars(Ticker.AAPL, Interval.ONE_HOUR, NOW);

            assertThat(source.lastReadReport()).hasValueSatisfying(report -> {
                assertThat(report.skippedRows()).singleElement()
                        .isEqualTo(new CsvReadReport.SkippedRow(3, "open is empty"));
                assertThat(report.summary()).isEqualTo(file
                        + ": 2 bars from 3 rows; skipped 1 bad row (line 3: open is empty)");
            });
        }

        @Test
        void keepsTheFirstOfTwoRowsWithTheSameStartAndOtherValues() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2,
                    "2024-03-04 15:30:00+00:00,181.10,181.80,180.60,181.00,180.75,6500000",
                    ROW_3);

            CsvReadResult result = readSkipping(file);

            assertThat(result.series().bars()).containsExactlyElementsOf(BARS);
            assertThat(result.report().skippedRows()).singleElement()
                    .isEqualTo(new CsvReadReport.SkippedRow(4, "bar 2024-03-04T15:30:00Z"
                            + " repeats line 3 with other values"));
        }

        @Test
        void failsWhenEveryRowIsBad() throws IOException {
            Path file = write(PLAIN_HEADER, "2024-03-04 14:30:00+00:00,,,,,,",
                    "2024-03-04 15:30:00+00:00,,,,,,");

            assertThatThrownBy(() -> readSkipping(file))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessage("CSV file " + file + " has no usable bar: 2 of its 2 rows were"
                            + " skipped as bad (line 2: open is empty; line 3: open is empty)");
        }
    }

    @Nested
    class DuplicatesAndIncompleteBars {

        private final ListAppender<ILoggingEvent> log = new ListAppender<>();
        private final Logger logger = (Logger) LoggerFactory.getLogger(CsvBarSource.class);

        @BeforeEach
        void listen() {
            log.start();
            logger.addAppender(log);
        }

        @AfterEach
        void stopListening() {
            logger.detachAppender(log);
        }

        @Test
        void dropsARowRepeatingAnotherExactlyWithAWarning() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2, ROW_2, ROW_3, ROW_1);

            CsvReadResult result = CsvBarSource.of(file).read(Ticker.AAPL, Interval.ONE_HOUR,
                    NOW);

            assertThat(result.series().bars()).containsExactlyElementsOf(BARS);
            assertThat(result.report().duplicatesDropped()).isEqualTo(2);
            assertThat(result.report().summary())
                    .isEqualTo(file + ": 3 bars from 5 rows; dropped 2 duplicate rows");
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                            .contains("dropped 2 rows repeating an earlier row exactly")
                            .contains("line 4"));
        }

        @Test
        void leavesOutTheLastBarWhileItIsStillForming() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2, ROW_3);
            Instant duringThirdBar = newYork("2024-03-04T12:00:00");

            CsvReadResult result = CsvBarSource.of(file).read(Ticker.AAPL, Interval.ONE_HOUR,
                    duringThirdBar);

            assertThat(result.series().bars()).containsExactlyElementsOf(BARS.subList(0, 2));
            assertThat(result.report().incompleteDropped()).isEqualTo(1);
            assertThat(result.report().summary())
                    .isEqualTo(file + ": 2 bars from 3 rows; left out 1 bar still forming");
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.INFO)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("left out 1 bar(s) still forming")
                            .contains("2024-03-04T16:30:00Z"));
        }

        @Test
        void keepsTheLastBarOnceItHasEnded() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2, ROW_3);

            BarSeries series = CsvBarSource.of(file).loadBars(Ticker.AAPL, Interval.ONE_HOUR,
                    newYork("2024-03-04T12:30:00"));

            assertThat(series.bars()).containsExactlyElementsOf(BARS);
        }

        @Test
        void leavesOutABarStampedWithTheTimeOfItsLastTrade() throws IOException {
            // Yahoo stamps the bar still forming with its latest trade, here 11:47 New York.
            Path file = write(PLAIN_HEADER, ROW_1, ROW_2,
                    "2024-03-04 16:47:12+00:00,180.90,181.00,179.90,180.20,180.20,1200000");

            CsvReadResult result = CsvBarSource.of(file).read(Ticker.AAPL, Interval.ONE_HOUR,
                    newYork("2024-03-04T11:48:00"));

            assertThat(result.series().bars()).containsExactlyElementsOf(BARS.subList(0, 2));
            assertThat(result.report().incompleteDropped()).isEqualTo(1);
        }

        @Test
        void failsWhenNoBarHasEndedYet() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1);

            assertThatThrownBy(() -> CsvBarSource.of(file).loadBars(Ticker.AAPL,
                    Interval.ONE_HOUR, newYork("2024-03-04T10:00:00")))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessageContaining("has no bar that had ended by 2024-03-04T15:00:00Z");
        }
    }

    @Nested
    class BadFiles {

        @Test
        void failsOnAMissingFile() {
            Path missing = folder.resolve("nowhere.csv");

            assertThatThrownBy(() -> load(missing))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo("CSV file " + missing + " does not exist");
                        assertThat(e.hint()).contains("check the path");
                    });
        }

        @Test
        void failsOnAFolder() {
            assertThatThrownBy(() -> load(folder))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo(folder + " is a folder, not a CSV"
                                + " file");
                        assertThat(e.hint()).contains(".csv file");
                    });
        }

        @ParameterizedTest(name = "an empty file: {0}")
        @CsvSource(delimiter = '|', value = {"no bytes | ''", "blank lines | '\n\n\n'"})
        void failsOnAnEmptyFile(String kind, String content) throws IOException {
            Path file = folder.resolve("empty.csv");
            Files.writeString(file, content);

            assertThatThrownBy(() -> load(file))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("CSV file " + file + " is empty");
                        assertThat(e.hint()).contains("Datetime", "Open", "Close", "Volume");
                    });
        }

        @ParameterizedTest(name = "a header without {0}")
        @CsvSource(delimiter = '|', value = {
            "time   | When,Open,High,Low,Close,Volume",
            "close  | Datetime,Open,High,Low,Adj Close,Volume",
            "open   | Datetime,High,Low,Close,Volume",
            "volume | Datetime,Open,High,Low,Close",
        })
        void failsOnAHeaderWithoutANeededColumn(String column, String header) throws IOException {
            Path file = write(header, "2024-03-04 14:30:00+00:00,1,1,1,1,1");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("CSV file " + file + " has no "
                                + column + " column (header: " + header + ")");
                        assertThat(e.hint()).contains("Datetime (or Date or Timestamp)");
                    });
        }

        @Test
        void failsOnAHeaderNamingAColumnTwice() throws IOException {
            Path file = write("Datetime,Open,High,Low,Close,close,Volume", ROW_1);

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessageContaining("has two close columns");
        }

        static Stream<Arguments> headersOnly() {
            return Stream.of(
                    Arguments.of("plain", List.of(PLAIN_HEADER)),
                    Arguments.of("yfinance two rows", List.of(
                            "Datetime,Close,High,Low,Open,Volume", ",AAPL,AAPL,AAPL,AAPL,AAPL")),
                    Arguments.of("yfinance three rows", List.of(
                            "Price,Close,High,Low,Open,Volume", "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL",
                            "Datetime,,,,,")),
                    Arguments.of("yfinance cut after the ticker row", List.of(
                            "Price,Close,High,Low,Open,Volume",
                            "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("headersOnly")
        void failsOnAFileWithOnlyHeaders(String layout, List<String> lines) throws IOException {
            Path file = write(lines.toArray(String[]::new));

            assertThatThrownBy(() -> load(file))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("CSV file " + file
                                + " has a header but no bar rows");
                        assertThat(e.hint()).contains("one row per hourly bar");
                    });
        }

        @Test
        void failsOnAThreeRowHeaderWithoutItsTickerRow() throws IOException {
            Path file = write("Price,Close,High,Low,Open,Volume", "Datetime,,,,,",
                    "2024-03-04 14:30:00+00:00,181.10,181.50,179.20,180.00,12000000");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessageContaining("its second header row should name the tickers");
        }

        @Test
        void failsOnBrokenQuoting() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1, "\"2024-03-04 15:30:00+00:00\"x,1,1,1,1,1,1");

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessageContaining("is not valid CSV");
        }
    }

    @Nested
    class Tickers {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "two header rows   | Datetime,Close,High,Low,Open,Volume | ,MSFT,MSFT,MSFT,MSFT,MSFT"
                    + " | ''",
            "three header rows | Price,Close,High,Low,Open,Volume | Ticker,MSFT,MSFT,MSFT,MSFT,"
                    + "MSFT | Datetime,,,,,",
        })
        void failsWhenTheFileNamesAnotherTicker(String layout, String first, String second,
                String third) throws IOException {
            List<String> lines = new ArrayList<>(List.of(first, second));
            if (!third.isEmpty()) {
                lines.add(third);
            }
            lines.add("2024-03-04 14:30:00+00:00,410.1,411.0,409.0,410.0,900000");
            Path file = write(lines.toArray(String[]::new));

            assertThatThrownBy(() -> load(file))
                    .isInstanceOfSatisfying(BadCsvFileException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("CSV file " + file
                                + " holds bars of MSFT, not of AAPL");
                        assertThat(e.hint()).contains("ask for MSFT");
                    });
        }

        @Test
        void readsTheFileUnderTheTickerItNames() throws IOException {
            Path file = write("Datetime,Close,High,Low,Open,Volume", ",msft,msft,msft,msft,msft",
                    "2024-03-04 14:30:00+00:00,410.1,411.0,409.0,410.0,900000");

            BarSeries series = CsvBarSource.of(file).loadBars(Ticker.of("MSFT"),
                    Interval.ONE_HOUR, NOW);

            assertThat(series.ticker()).isEqualTo(Ticker.of("MSFT"));
            assertThat(series.size()).isEqualTo(1);
        }

        @Test
        void failsWhenTheRequestedTickerIsNotTheExpectedOne() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1);
            CsvBarSource source = new CsvBarSource(CsvOptions.builder(file)
                    .expectTicker(Ticker.AAPL).build());

            assertThatThrownBy(() -> source.loadBars(Ticker.of("MSFT"), Interval.ONE_HOUR, NOW))
                    .isInstanceOf(BadCsvFileException.class)
                    .hasMessage("CSV file " + file + " is set to hold AAPL bars, but MSFT bars"
                            + " were asked for");
        }

        @Test
        void trustsAPlainFileToHoldTheRequestedTicker() throws IOException {
            Path file = write(PLAIN_HEADER, ROW_1);

            BarSeries series = CsvBarSource.of(file).loadBars(Ticker.of("MSFT"),
                    Interval.ONE_HOUR, NOW);

            assertThat(series.ticker()).isEqualTo(Ticker.of("MSFT"));
        }
    }

    @Test
    void readsALongFileOfEveryBarOfTwoYears() throws IOException {
        NyseCalendar calendar = NyseCalendar.instance();
        List<String> lines = new ArrayList<>(List.of(PLAIN_HEADER));
        int expected = 0;
        for (LocalDate date = LocalDate.of(2022, 12, 1);
                date.isBefore(LocalDate.of(2024, 12, 1)); date = date.plusDays(1)) {
            for (Instant start : calendar.barStarts(date)) {
                lines.add(start.getEpochSecond() + ",100.0,101.0,99.0,100.5,100.5,1000");
                expected++;
            }
        }
        Collections.reverse(lines.subList(1, lines.size()));
        Path file = write(lines.toArray(String[]::new));

        BarSeries series = load(file);

        assertThat(series.size()).isEqualTo(expected).isGreaterThan(3400);
        assertThat(series.first().start()).isEqualTo(newYork("2022-12-01T09:30:00"));
    }

    @Test
    void isAnAaplExceptionSoTheCommandLineCanPrintIt() throws IOException {
        Path file = write(PLAIN_HEADER, "2024-03-04 14:30:00+00:00,x,1,1,1,1,1");

        assertThatThrownBy(() -> load(file)).isInstanceOf(AaplException.class);
    }
}
