package dev.aapl.core.service;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.domain.RefreshReport.Mode;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.domain.UpsertCounts;
import dev.aapl.core.port.in.RefreshBarsCommand;
import dev.aapl.core.port.in.RefreshBarsUseCase;
import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.core.port.out.RemoteBarsPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Refreshes a store from a remote provider, fully or incrementally.
 *
 * <p>A full load asks for {@code days} of history, never more than the provider serves less
 * {@link #HISTORY_MARGIN}. It happens when the store is empty, or when the history asked for
 * reaches at least one whole session further back than the oldest stored bar (a partly stored
 * first session is tolerated, so a load that began mid-session is not repeated on every run).
 * Otherwise the refresh re-reads the last {@link #OVERLAP_SESSIONS} stored sessions through
 * {@code now}: providers revise recent bars (the last bar of a session settles minutes after the
 * close), and the store replaces what changed. When the store already holds the last bar that is
 * complete at {@code now}, nothing is fetched.
 *
 * <p>Known shortcomings: the store keeps bars older than a full load reaches, so when the newest
 * stored bar is older than the provider's window the refreshed series has a gap between the
 * old bars and the new ones. A symbol listed more recently than the history asked for looks like
 * a store that starts too late, so every refresh of it is a full load (correct, only slower).
 */
public final class RefreshBarsService implements RefreshBarsUseCase {

    /**
     * How many trading sessions an incremental refresh re-reads, counting the session of the
     * newest stored bar: enough to pick up the revisions a provider makes after the close.
     */
    public static final int OVERLAP_SESSIONS = 3;

    /**
     * How far inside the provider's maximum history a full load stays, so a clock that runs
     * behind the provider's never makes a request the provider refuses.
     */
    public static final Duration HISTORY_MARGIN = Duration.ofDays(1);

    private final RemoteBarsPort remote;
    private final BarStorePort store;
    private final TradingCalendar calendar;

    /**
     * @param remote where bars are fetched from
     * @param store where bars are kept
     * @param calendar the sessions of the exchange the tickers trade on
     */
    public RefreshBarsService(RemoteBarsPort remote, BarStorePort store,
            TradingCalendar calendar) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.store = Objects.requireNonNull(store, "store");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public RefreshReport refresh(RefreshBarsCommand command) {
        Ticker ticker = command.ticker();
        Interval interval = command.interval();
        Instant now = command.now();
        BarSeries stored = store.read(ticker, interval);

        Plan plan = plan(stored, command);
        if (plan.mode() == Mode.UP_TO_DATE) {
            return new RefreshReport(ticker, interval, Mode.UP_TO_DATE, null, null, 0, 0, 0, 0, 0,
                    0, stored.size(), first(stored), last(stored), store.describe());
        }

        FetchedBars fetched = remote.fetch(ticker, interval, plan.from(), now, now);
        UpsertCounts counts = store.upsert(ticker, interval, fetched.bars());

        List<Bar> bars = fetched.bars();
        Instant firstHeld = bars.isEmpty() ? first(stored) : earliest(first(stored),
                bars.get(0).start());
        Instant lastHeld = bars.isEmpty() ? last(stored) : latest(last(stored),
                bars.get(bars.size() - 1).start());
        return new RefreshReport(ticker, interval, plan.mode(), plan.from(), now, counts.added(),
                counts.replaced(), counts.unchanged(), fetched.droppedIncomplete(),
                fetched.droppedNull(), fetched.droppedInvalid(), stored.size() + counts.added(),
                firstHeld, lastHeld, store.describe());
    }

    @Override
    public boolean isStale(Ticker ticker, Interval interval, Instant now) {
        BarSeries stored = store.read(ticker, interval);
        return stored.isEmpty() || stored.last().start().isBefore(lastCompleteBarStart(now));
    }

    /**
     * @param now any instant
     * @return the start of the newest bar that has ended at {@code now} by the calendar
     */
    Instant lastCompleteBarStart(Instant now) {
        LocalDate today = calendar.dateOf(now);
        List<Instant> starts = calendar.barStarts(today);
        for (int i = starts.size() - 1; i >= 0; i--) {
            if (calendar.isComplete(starts.get(i), now)) {
                return starts.get(i);
            }
        }
        List<Instant> previous = calendar.barStarts(calendar.previousTradingDay(today));
        return previous.get(previous.size() - 1);
    }

    private Plan plan(BarSeries stored, RefreshBarsCommand command) {
        Instant now = command.now();
        Instant earliestServed = now.minus(remote.maxHistory(command.interval()))
                .plus(HISTORY_MARGIN);
        Instant wanted = now.minus(Duration.ofDays(command.days()));
        Instant fullFrom = wanted.isBefore(earliestServed) ? earliestServed : wanted;
        if (stored.isEmpty() || startsTooLate(stored, fullFrom)) {
            return new Plan(Mode.FULL, fullFrom);
        }

        Instant newest = stored.last().start();
        if (!newest.isBefore(lastCompleteBarStart(now))) {
            return new Plan(Mode.UP_TO_DATE, null);
        }

        Instant overlapFrom = overlapStart(newest);
        if (overlapFrom.isBefore(earliestServed)) {
            return new Plan(Mode.FULL, fullFrom);
        }
        return new Plan(Mode.INCREMENTAL, overlapFrom);
    }

    private boolean startsTooLate(BarSeries stored, Instant fullFrom) {
        Instant firstExpected = calendar.nextBarStart(fullFrom.minusSeconds(1));
        LocalDate firstStoredDay = calendar.dateOf(stored.first().start());
        return firstStoredDay.isAfter(calendar.dateOf(firstExpected));
    }

    private Instant overlapStart(Instant newest) {
        LocalDate day = calendar.dateOf(newest);
        if (!calendar.isTradingDay(day)) {
            day = calendar.previousTradingDay(day);
        }
        for (int i = 1; i < OVERLAP_SESSIONS; i++) {
            day = calendar.previousTradingDay(day);
        }
        return calendar.barStarts(day).get(0);
    }

    private static Instant first(BarSeries series) {
        return series.isEmpty() ? null : series.first().start();
    }

    private static Instant last(BarSeries series) {
        return series.isEmpty() ? null : series.last().start();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** What to fetch: the mode, and the first instant to ask for when anything is fetched. */
    private record Plan(Mode mode, Instant from) {
    }
}
