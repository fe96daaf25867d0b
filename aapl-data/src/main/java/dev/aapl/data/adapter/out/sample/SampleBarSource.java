package dev.aapl.data.adapter.out.sample;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.out.LoadBarsPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthetic AAPL-like hourly bars on the NYSE calendar: weekends, holidays, early closes and
 * daylight-saving changes as the real exchange has them.
 *
 * <p>The price path always starts at {@link #ANCHOR_DATE} and is generated forward with a random
 * number generator seeded from the seed and the ticker, so a given bar has the same values
 * whatever {@code now} is asked for; {@code now} only chooses the window that is returned, the
 * {@link #WINDOW_DAYS} calendar days before it. Each call regenerates the path from the anchor,
 * some tens of milliseconds for ten years of bars.
 */
public final class SampleBarSource implements LoadBarsPort {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20_150_102L;

    /** The first trading day of every generated path. */
    public static final LocalDate ANCHOR_DATE = LocalDate.of(2015, 1, 2);

    /** How many calendar days before {@code now} the returned bars reach back, as Yahoo does. */
    public static final int WINDOW_DAYS = 730;

    /** The source name every sample series carries. */
    public static final String SOURCE = "sample (synthetic)";

    private static final Logger LOG = LoggerFactory.getLogger(SampleBarSource.class);

    private final long seed;
    private final NyseCalendar calendar = NyseCalendar.instance();

    private SampleBarSource(long seed) {
        this.seed = seed;
    }

    /** @return a source generating from {@link #DEFAULT_SEED} */
    public static SampleBarSource withDefaultSeed() {
        return new SampleBarSource(DEFAULT_SEED);
    }

    /**
     * @param seed the seed of the random number generator; other seeds give other paths
     * @return a source generating from that seed
     */
    public static SampleBarSource withSeed(long seed) {
        return new SampleBarSource(seed);
    }

    /** @return the seed this source generates from */
    public long seed() {
        return seed;
    }

    /**
     * @param ticker the symbol; other symbols get other paths from the same seed
     * @param interval the bar length, hourly
     * @param now the time of the request; only bars that have ended by then are returned
     * @return the complete synthetic bars of the {@link #WINDOW_DAYS} days before {@code now}
     * @throws AaplException when {@code now} is before the first generated bar has ended
     */
    @Override
    public BarSeries loadBars(Ticker ticker, Interval interval, Instant now) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
        long started = System.nanoTime();

        Instant windowStart = now.minus(Duration.ofDays(WINDOW_DAYS));
        LocalDate lastDate = calendar.dateOf(now);
        SyntheticPath path = new SyntheticPath(calendar, SyntheticPath.mixSeed(seed, ticker));
        List<Bar> bars = new ArrayList<>();
        for (LocalDate date = ANCHOR_DATE; !date.isAfter(lastDate); date = date.plusDays(1)) {
            if (!calendar.isTradingDay(date)) {
                continue;
            }
            // Sessions before the day of now have all closed by then; only that day's may not.
            boolean today = date.equals(lastDate);
            for (Bar bar : path.nextSession(date)) {
                if (!bar.start().isBefore(windowStart)
                        && (!today || calendar.isComplete(bar.start(), now))) {
                    bars.add(bar);
                }
            }
        }

        if (bars.isEmpty()) {
            throw new AaplException("the synthetic sample has no complete bar before " + now,
                    "ask for a time after the sample's first session on " + ANCHOR_DATE);
        }
        BarSeries series = BarSeries.of(ticker, interval, bars, SOURCE, true);
        LOG.debug("generated {} synthetic bars of {} in {} ms", series.size(), ticker,
                (System.nanoTime() - started) / 1_000_000);
        return series;
    }
}
