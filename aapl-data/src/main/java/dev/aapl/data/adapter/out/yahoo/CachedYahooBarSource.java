package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.in.RefreshBarsCommand;
import dev.aapl.core.port.in.RefreshBarsUseCase;
import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.RemoteBarsPort;
import dev.aapl.core.service.RefreshBarsService;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yahoo's bars through the local store ({@code --source yahoo}): when the store is stale (its
 * newest bar is older than the last complete bar by the calendar) it is refreshed first, then
 * the bars are read from the store. When Yahoo cannot be reached or fails, the stored bars are
 * used with one warning naming their age; with nothing stored the failure is reported with a
 * hint to use the synthetic sample instead.
 */
public final class CachedYahooBarSource implements LoadBarsPort {

    private static final Logger LOG = LoggerFactory.getLogger(CachedYahooBarSource.class);

    private static final String SAMPLE_HINT = "or run with --source sample for synthetic bars";

    private final RefreshBarsUseCase refresh;
    private final BarStorePort store;
    private final TradingCalendar calendar;

    /**
     * @param refresh the refresh of the store from Yahoo
     * @param store the store the refresh writes to, read afterwards
     * @param calendar the sessions the bars follow, to leave out a bar still forming
     */
    public CachedYahooBarSource(RefreshBarsUseCase refresh, BarStorePort store,
            TradingCalendar calendar) {
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.store = Objects.requireNonNull(store, "store");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * @param yahoo the chart API, for example {@code YahooChartAdapter.create(url)}
     * @param store where the bars are kept
     * @return a source refreshing that store from Yahoo on the NYSE calendar
     */
    public static CachedYahooBarSource create(RemoteBarsPort yahoo, BarStorePort store) {
        NyseCalendar calendar = NyseCalendar.instance();
        return new CachedYahooBarSource(new RefreshBarsService(yahoo, store, calendar), store,
                calendar);
    }

    @Override
    public BarSeries loadBars(Ticker ticker, Interval interval, Instant now) {
        if (refresh.isStale(ticker, interval, now)) {
            try {
                RefreshReport report = refresh.refresh(RefreshBarsCommand.of(ticker, interval,
                        now));
                LOG.info("{}", report.summary());
            } catch (YahooException e) {
                return fallBack(ticker, interval, now, e);
            }
        }
        BarSeries stored = completeAt(store.read(ticker, interval), now);
        if (stored.isEmpty()) {
            throw new AaplException("no complete " + interval + " bars of " + ticker
                    + " before " + now + " in " + store.describe(),
                    "run aapl fetch first, " + SAMPLE_HINT);
        }
        return stored;
    }

    private BarSeries fallBack(Ticker ticker, Interval interval, Instant now, YahooException e) {
        BarSeries stored = completeAt(store.read(ticker, interval), now);
        if (stored.isEmpty()) {
            String hint = e.hint().isEmpty() ? SAMPLE_HINT : e.hint() + ", " + SAMPLE_HINT;
            throw new AaplException(e.getMessage(), hint, e);
        }
        Instant newest = stored.last().start();
        LOG.warn("{}; using the {} stored bars of {} {} from {}, the newest starting {} ({} old)",
                e.getMessage(), stored.size(), ticker, interval, store.describe(), newest,
                age(Duration.between(newest, now)));
        return stored;
    }

    /** Leaves out bars that start at or after {@code now} or had not ended by then. */
    private BarSeries completeAt(BarSeries series, Instant now) {
        BarSeries before = series.startingBefore(now);
        int end = before.size();
        while (end > 0 && !isComplete(before.get(end - 1), series.interval(), now)) {
            end--;
        }
        return before.slice(0, end);
    }

    private boolean isComplete(Bar bar, Interval interval, Instant now) {
        if (calendar.isBarStart(bar.start())) {
            return calendar.isComplete(bar.start(), now);
        }
        return !bar.start().plus(interval.length()).isAfter(now);
    }

    private static String age(Duration age) {
        long hours = age.toHours();
        if (hours < 48) {
            return hours + " h " + age.toMinutesPart() + " min";
        }
        return age.toDays() + " days " + age.toHoursPart() + " h";
    }
}
