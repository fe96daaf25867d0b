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

    static final String DEFAULT_SOURCE = "yahoo";

    @Option(names = "--ticker", paramLabel = "SYMBOL", defaultValue = "AAPL",
            description = "Yahoo symbol to forecast (default: ${DEFAULT-VALUE}).")
    String ticker;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = DEFAULT_SOURCE,
            description = "Where bars come from: yahoo (the default: Yahoo Finance, kept in "
                    + "the bar store and refreshed when stale), sample (synthetic, no network), "
                    + "csv:PATH (a Yahoo or yfinance CSV file), or a mongodb:// connection "
                    + "string (bars another system wrote).")
    String source;

    @Option(names = "--yahoo-url", paramLabel = "URL",
            defaultValue = "${env:AAPL_YAHOO_URL:-https://query1.finance.yahoo.com}",
            description = "Base URL of Yahoo's chart API (default: ${DEFAULT-VALUE}; "
                    + "environment variable AAPL_YAHOO_URL).")
    String yahooUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Folder of the local bar store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--store", paramLabel = "URI", defaultValue = "${env:AAPL_STORE}",
            description = "Keep bars in MongoDB instead of --data-dir: a mongodb:// connection "
                    + "string (environment variable AAPL_STORE).")
    String store;

    @Option(names = "--mongo-fields", paramLabel = "MAP",
            description = "Field names of a mongodb:// source, e.g. "
                    + "ticker=symbol,start=ts,close=px (an empty name drops that filter).")
    String mongoFields;

    @Option(names = "--mongo-collection", paramLabel = "NAME", defaultValue = "bars",
            description = "Collection of a mongodb:// source (default: ${DEFAULT-VALUE}); the "
                    + "database comes from the connection string, else aapl.")
    String mongoCollection;

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

    /** @return where bars are kept: the MongoDB connection string, or the folder */
    String storeLocation() {
        return store != null && !store.isBlank() ? store : dataDir.toString();
    }

    /** @return the CSV path of a {@code csv:PATH} source, or null for other sources */
    Path csvPath() {
        return source.startsWith("csv:") ? Path.of(source.substring("csv:".length())) : null;
    }
}
