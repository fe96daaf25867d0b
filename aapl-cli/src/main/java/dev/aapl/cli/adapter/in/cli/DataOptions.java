package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Where bars come from, for which ticker, as of when. */
final class DataOptions {

    static final String DEFAULT_SOURCE = "sample";

    @Option(names = "--ticker", paramLabel = "SYMBOL", defaultValue = "AAPL",
            description = "Yahoo symbol to forecast (default: ${DEFAULT-VALUE}).")
    String ticker;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = DEFAULT_SOURCE,
            description = "Where bars come from: sample (synthetic, the default), csv:PATH "
                    + "(a Yahoo or yfinance CSV file).")
    String source;

    @Option(names = "--skip-bad-rows",
            description = "Skip malformed CSV rows and report them instead of stopping.")
    boolean skipBadRows;

    @Option(names = "--as-of", paramLabel = "INSTANT", hidden = true,
            description = "Act as if it were this instant (ISO-8601 with offset); for tests.")
    String asOf;

    Ticker ticker() {
        return Ticker.of(ticker);
    }

    Interval interval() {
        return Interval.ONE_HOUR;
    }

    Instant now() {
        if (asOf == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of '" + asOf
                    + "' is not an ISO-8601 instant such as 2024-03-04T16:00:00-05:00");
        }
    }

    /** @return the CSV path of a {@code csv:PATH} source, or null for other sources */
    Path csvPath() {
        return source.startsWith("csv:") ? Path.of(source.substring("csv:".length())) : null;
    }
}
