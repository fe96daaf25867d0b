package dev.aapl.data.adapter.out.csv;

import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.TradingCalendar;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a CSV file of bars: its path, whether bad rows are skipped rather than fatal, the
 * trading calendar its bars must follow, and the ticker it must hold.
 */
public final class CsvOptions {

    private final Path path;
    private final boolean skipBadRows;
    private final TradingCalendar calendar;
    private final Ticker expectedTicker;

    private CsvOptions(Builder builder) {
        this.path = builder.path;
        this.skipBadRows = builder.skipBadRows;
        this.calendar = builder.calendar;
        this.expectedTicker = builder.expectedTicker;
    }

    /**
     * @param path the CSV file
     * @return options with the defaults: bad rows are fatal, NYSE calendar, the requested ticker
     */
    public static CsvOptions of(Path path) {
        return builder(path).build();
    }

    /**
     * @param path the CSV file
     * @return a builder starting from the defaults
     */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    /** @return the CSV file */
    public Path path() {
        return path;
    }

    /** @return whether bad rows are skipped and reported instead of failing the read */
    public boolean skipBadRows() {
        return skipBadRows;
    }

    /** @return the calendar whose hourly bar starts the rows must fall on */
    public TradingCalendar calendar() {
        return calendar;
    }

    /**
     * @return the ticker the file must hold; when empty, the ticker each read asks for
     */
    public Optional<Ticker> expectedTicker() {
        return Optional.ofNullable(expectedTicker);
    }

    @Override
    public String toString() {
        return "csv:" + path + (skipBadRows ? " (skipping bad rows)" : "");
    }

    /** Collects the options; every setting but the path has a default. */
    public static final class Builder {

        private final Path path;
        private boolean skipBadRows;
        private TradingCalendar calendar = NyseCalendar.instance();
        private Ticker expectedTicker;

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /**
         * @param skip whether bad rows are skipped and reported; false by default
         * @return this builder
         */
        public Builder skipBadRows(boolean skip) {
            this.skipBadRows = skip;
            return this;
        }

        /**
         * @param tradingCalendar the calendar the bars follow; NYSE by default
         * @return this builder
         */
        public Builder calendar(TradingCalendar tradingCalendar) {
            this.calendar = Objects.requireNonNull(tradingCalendar, "calendar");
            return this;
        }

        /**
         * @param ticker the ticker the file must hold, or null for the ticker each read asks for
         * @return this builder
         */
        public Builder expectTicker(Ticker ticker) {
            this.expectedTicker = ticker;
            return this;
        }

        /** @return the options */
        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
