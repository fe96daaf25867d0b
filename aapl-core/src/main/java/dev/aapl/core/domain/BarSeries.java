package dev.aapl.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The bars of one ticker at one interval, sorted by start time with no start time twice. A series
 * also says where its bars came from and whether they are synthetic, so that everything that
 * shows them can say so.
 */
public final class BarSeries {

    private final Ticker ticker;
    private final Interval interval;
    private final List<Bar> bars;
    private final String source;
    private final boolean synthetic;

    private BarSeries(Ticker ticker, Interval interval, List<Bar> bars, String source,
            boolean synthetic) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.bars = bars;
        this.source = Objects.requireNonNull(source, "source");
        this.synthetic = synthetic;
    }

    /**
     * @param ticker the symbol the bars belong to
     * @param interval the bar length
     * @param bars bars sorted by start time, each start time once
     * @param source where the bars came from, for example {@code csv:data/aapl.csv}
     * @param synthetic whether the bars were generated rather than traded
     * @return the series
     * @throws InvalidBarException when the bars are out of order or a start time repeats
     */
    public static BarSeries of(Ticker ticker, Interval interval, List<Bar> bars, String source,
            boolean synthetic) {
        List<Bar> copy = List.copyOf(bars);
        for (int i = 1; i < copy.size(); i++) {
            Instant previous = copy.get(i - 1).start();
            Instant current = copy.get(i).start();
            if (!previous.isBefore(current)) {
                throw new InvalidBarException("bars are not in time order: " + current
                        + (previous.equals(current) ? " appears twice" : " follows " + previous));
            }
        }
        return new BarSeries(ticker, interval, copy, source, synthetic);
    }

    /**
     * Sorts the bars first; a start time may still appear only once.
     *
     * @param ticker the symbol the bars belong to
     * @param interval the bar length
     * @param bars bars in any order
     * @param source where the bars came from
     * @param synthetic whether the bars were generated rather than traded
     * @return the series
     * @throws InvalidBarException when a start time repeats
     */
    public static BarSeries sorted(Ticker ticker, Interval interval, List<Bar> bars, String source,
            boolean synthetic) {
        List<Bar> copy = new ArrayList<>(bars);
        copy.sort((a, b) -> a.start().compareTo(b.start()));
        return of(ticker, interval, copy, source, synthetic);
    }

    /** @return the symbol */
    public Ticker ticker() {
        return ticker;
    }

    /** @return the bar length */
    public Interval interval() {
        return interval;
    }

    /** @return the bars, oldest first, unmodifiable */
    public List<Bar> bars() {
        return bars;
    }

    /** @return where the bars came from */
    public String source() {
        return source;
    }

    /** @return whether the bars were generated rather than traded */
    public boolean synthetic() {
        return synthetic;
    }

    /** @return the number of bars */
    public int size() {
        return bars.size();
    }

    /** @return whether there are no bars */
    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /**
     * @param index position, 0 for the oldest bar
     * @return the bar at that position
     */
    public Bar get(int index) {
        return bars.get(index);
    }

    /** @return the oldest bar */
    public Bar first() {
        requireNotEmpty();
        return bars.get(0);
    }

    /** @return the newest bar */
    public Bar last() {
        requireNotEmpty();
        return bars.get(bars.size() - 1);
    }

    /** @return the closing prices, oldest first */
    public double[] closes() {
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).close();
        }
        return closes;
    }

    /**
     * @param fromInclusive first position kept
     * @param toExclusive position after the last one kept
     * @return the bars between those positions, with the same ticker, interval and source
     */
    public BarSeries slice(int fromInclusive, int toExclusive) {
        return new BarSeries(ticker, interval, bars.subList(fromInclusive, toExclusive), source,
                synthetic);
    }

    /**
     * @param end an instant
     * @return the bars that start before that instant
     */
    public BarSeries startingBefore(Instant end) {
        return slice(0, countStartingBefore(end));
    }

    /**
     * @param end an instant
     * @return how many bars start before that instant
     */
    public int countStartingBefore(Instant end) {
        int low = 0;
        int high = bars.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bars.get(mid).start().isBefore(end)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * A SHA-256 digest of the start times, prices and volumes, in hex. Two series with the same
     * bars have the same fingerprint whatever their source, so a model can name the data it saw.
     *
     * @return the fingerprint, 64 hex digits
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder line = new StringBuilder(96);
            for (Bar bar : bars) {
                line.setLength(0);
                line.append(bar.start().getEpochSecond()).append(',').append(bar.open())
                        .append(',').append(bar.high()).append(',').append(bar.low())
                        .append(',').append(bar.close()).append(',').append(bar.volume())
                        .append('\n');
                digest.update(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private void requireNotEmpty() {
        if (bars.isEmpty()) {
            throw new NotEnoughBarsException("no " + interval + " bars for " + ticker,
                    "load data first");
        }
    }

    @Override
    public String toString() {
        return ticker + " " + interval + " " + bars.size() + " bars from " + source
                + (synthetic ? " (synthetic)" : "")
                + (bars.isEmpty() ? "" : " " + first().start() + " .. " + last().start());
    }
}
