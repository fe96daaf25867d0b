package dev.aapl.core.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Readable run names: what the run did and when, in UTC. */
final class RunNames {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunNames() {
    }

    static String of(String kind, String ticker, Instant at) {
        return kind + "-" + ticker.toLowerCase(Locale.ROOT) + "-" + STAMP.format(at);
    }
}
