package dev.aapl.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.domain.RefreshReport.Mode;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import dev.aapl.core.port.in.RefreshBarsCommand;
import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.core.port.out.RemoteBarsPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RefreshBarsServiceTest {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();
    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;

    private final MemoryStore store = new MemoryStore();
    private final SyntheticRemote remote = new SyntheticRemote();
    private final RefreshBarsService service = new RefreshBarsService(remote, store, CALENDAR);

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    /** Synthetic prices that depend only on the bar start, so a re-read returns the same bar. */
    private static Bar syntheticBar(Instant start) {
        double level = 150 + 10 * Math.sin(start.getEpochSecond() / 86_400.0);
        return new Bar(start, level, level + 1, level - 1, level + 0.5, 1_000);
    }

    private static List<Bar> syntheticBars(LocalDate from, LocalDate to) {
        List<Bar> bars = new ArrayList<>();
        for (LocalDate day : CALENDAR.tradingDays(from, to)) {
            CALENDAR.barStarts(day).forEach(start -> bars.add(syntheticBar(start)));
        }
        return bars;
    }

    @Nested
    class FullLoad {

        @Test
        void asksForTheProvidersHistoryLessTheMarginWhenTheStoreIsEmpty() {
            Instant now = newYork("2024-10-02T12:00");

            RefreshReport report = service.refresh(RefreshBarsCommand.of(AAPL, HOUR, now));

            assertThat(report.mode()).isEqualTo(Mode.FULL);
            assertThat(remote.requests).containsExactly(
                    new Request(now.minus(Duration.ofDays(729)), now, now));
            assertThat(report.added()).isEqualTo(store.read(AAPL, HOUR).size()).isPositive();
            assertThat(report.held()).isEqualTo(report.added());
        }

        @Test
        void asksForTheDaysRequestedWhenFewerThanTheProviderServes() {
            Instant now = newYork("2024-10-02T12:00");

            service.refresh(new RefreshBarsCommand(AAPL, HOUR, 10, now));

            assertThat(remote.requests.get(0).from()).isEqualTo(now.minus(Duration.ofDays(10)));
        }

        @Test
        void reportsTheBarsStoredAndTheFormingBarDropped() {
            // Wednesday 2024-10-02 at 12:00: 09:30 and 10:30 have ended, 11:30 is forming.
            Instant now = newYork("2024-10-02T12:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 2, now));

            // From Monday 12:00: Monday 12:30 .. 15:30 (4), Tuesday (7), Wednesday (2).
            assertThat(report.added()).isEqualTo(13);
            assertThat(report.droppedIncomplete()).isEqualTo(1);
            assertThat(report.firstHeld()).isEqualTo(newYork("2024-09-30T12:30"));
            assertThat(report.lastHeld()).isEqualTo(newYork("2024-10-02T10:30"));
            assertThat(report.fetched()).isTrue();
        }

        @Test
        void reloadsEverythingWhenTheHistoryAskedForReachesFurtherBackThanTheStore() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 10, 1)));
            Instant now = newYork("2024-10-02T12:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 30, now));

            assertThat(report.mode()).isEqualTo(Mode.FULL);
            assertThat(remote.requests.get(0).from()).isEqualTo(now.minus(Duration.ofDays(30)));
        }

        @Test
        void reloadsEverythingWhenTheNewestStoredBarIsOlderThanTheProviderServes() {
            store.put(syntheticBars(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 8)));
            Instant now = newYork("2024-10-02T12:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 5, now));

            assertThat(report.mode()).isEqualTo(Mode.FULL);
            assertThat(remote.requests.get(0).from()).isEqualTo(now.minus(Duration.ofDays(5)));
        }

        @Test
        void leavesTheStoreAsItWasWhenTheFetchFails() {
            List<Bar> before = syntheticBars(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 9, 27));
            store.put(before);
            remote.failure = new AaplException("the provider cannot be reached", "try later");

            assertThatThrownBy(() -> service.refresh(
                    RefreshBarsCommand.of(AAPL, HOUR, newYork("2024-10-02T12:00"))))
                    .isSameAs(remote.failure);

            assertThat(store.read(AAPL, HOUR).bars()).isEqualTo(before);
            assertThat(store.upserts).isZero();
        }
    }

    @Nested
    class Incremental {

        @Test
        void rereadsTheLastThreeStoredSessionsThroughNow() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 16), LocalDate.of(2024, 9, 30)));
            Instant now = newYork("2024-10-02T12:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 14, now));

            // The newest stored session is Monday 30th; with Friday 27th and Thursday 26th
            // that makes three.
            assertThat(report.mode()).isEqualTo(Mode.INCREMENTAL);
            assertThat(remote.requests).containsExactly(
                    new Request(newYork("2024-09-26T09:30"), now, now));
            assertThat(report.unchanged()).isEqualTo(21);
            assertThat(report.added()).isEqualTo(9);
            assertThat(report.replaced()).isZero();
        }

        @Test
        void replacesBarsTheProviderRevised() {
            List<Bar> stored = new ArrayList<>(
                    syntheticBars(LocalDate.of(2024, 9, 16), LocalDate.of(2024, 9, 30)));
            Bar last = stored.remove(stored.size() - 1);
            stored.add(new Bar(last.start(), last.open(), last.high(), last.low(), last.close(),
                    last.volume() + 5));
            store.put(stored);

            RefreshReport report = service.refresh(
                    new RefreshBarsCommand(AAPL, HOUR, 14, newYork("2024-10-02T12:00")));

            assertThat(report.replaced()).isEqualTo(1);
            assertThat(store.read(AAPL, HOUR).bars()).contains(last);
        }

        @Test
        void doesNotReloadWhenOnlyPartOfTheFirstStoredSessionIsMissing() {
            // A load that began at 13:00 stored Monday 16th from 13:30 on; asking sixteen days
            // back from Wednesday 2nd 14:00 reaches Monday 16th 14:00, inside that session.
            List<Bar> bars = syntheticBars(LocalDate.of(2024, 9, 16), LocalDate.of(2024, 9, 30));
            store.put(bars.subList(4, bars.size()));
            Instant now = newYork("2024-10-02T14:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 16, now));

            assertThat(report.mode()).isEqualTo(Mode.INCREMENTAL);
        }

        @Test
        void fetchesNothingWhenTheLastCompleteBarIsStored() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 9, 27)));
            Instant saturday = newYork("2024-09-28T10:00");

            RefreshReport report = service.refresh(new RefreshBarsCommand(AAPL, HOUR, 5, saturday));

            assertThat(report.mode()).isEqualTo(Mode.UP_TO_DATE);
            assertThat(report.fetched()).isFalse();
            assertThat(remote.requests).isEmpty();
            assertThat(report.held()).isEqualTo(35);
            assertThat(report.lastHeld()).isEqualTo(newYork("2024-09-27T15:30"));
        }
    }

    @Nested
    class Staleness {

        @Test
        void anEmptyStoreIsStale() {
            assertThat(service.isStale(AAPL, HOUR, newYork("2024-10-02T12:00"))).isTrue();
        }

        @Test
        void aStoreHoldingTheLastCompleteBarIsFresh() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 9, 30)));

            assertThat(service.isStale(AAPL, HOUR, newYork("2024-10-01T10:29"))).isFalse();
        }

        @Test
        void aStoreBecomesStaleWhenTheNextBarEnds() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 9, 30)));

            // Tuesday's 09:30 bar ends at 10:30.
            assertThat(service.isStale(AAPL, HOUR, newYork("2024-10-01T10:30"))).isTrue();
        }

        @Test
        void fridaysLastBarIsStillTheLastCompleteBarOnMondayMorning() {
            store.put(syntheticBars(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 9, 27)));

            assertThat(service.isStale(AAPL, HOUR, newYork("2024-09-30T09:45"))).isFalse();
        }

        @Test
        void theLastBarOfAnEarlyCloseEndsAtOnePm() {
            // 2024-11-29, the day after Thanksgiving, closes at 13:00 with bars 09:30 .. 11:30.
            assertThat(service.lastCompleteBarStart(newYork("2024-11-29T12:59")))
                    .isEqualTo(newYork("2024-11-29T10:30"));
            assertThat(service.lastCompleteBarStart(newYork("2024-11-29T13:00")))
                    .isEqualTo(newYork("2024-11-29T11:30"));
        }
    }

    @Test
    void rejectsAHistoryLongerThanYahooServes() {
        Instant now = newYork("2024-10-02T12:00");

        assertThatThrownBy(() -> new RefreshBarsCommand(AAPL, HOUR, 731, now))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("731 days");
        assertThatThrownBy(() -> new RefreshBarsCommand(AAPL, HOUR, 0, now))
                .isInstanceOf(AaplException.class);
    }

    private record Request(Instant from, Instant to, Instant now) {
    }

    /** Serves synthetic hourly bars on the NYSE calendar, the forming one left out. */
    private static final class SyntheticRemote implements RemoteBarsPort {

        private final List<Request> requests = new ArrayList<>();
        private AaplException failure;

        @Override
        public FetchedBars fetch(Ticker ticker, Interval interval, Instant from, Instant to,
                Instant now) {
            requests.add(new Request(from, to, now));
            if (failure != null) {
                throw failure;
            }
            List<Bar> bars = new ArrayList<>();
            int incomplete = 0;
            for (LocalDate day : CALENDAR.tradingDays(CALENDAR.dateOf(from),
                    CALENDAR.dateOf(to))) {
                for (Instant start : CALENDAR.barStarts(day)) {
                    if (start.isBefore(from) || !start.isBefore(to)) {
                        continue;
                    }
                    if (CALENDAR.isComplete(start, now)) {
                        bars.add(syntheticBar(start));
                    } else {
                        incomplete++;
                    }
                }
            }
            return new FetchedBars(bars, incomplete, 0, 0);
        }

        @Override
        public Duration maxHistory(Interval interval) {
            return Duration.ofDays(730);
        }

        @Override
        public String describe() {
            return "synthetic remote";
        }
    }

    /** Keeps bars in memory with the upsert rules of a real store. */
    private static final class MemoryStore implements BarStorePort {

        private final Map<Instant, Bar> bars = new TreeMap<>();
        private int upserts;

        void put(List<Bar> initial) {
            initial.forEach(bar -> bars.put(bar.start(), bar));
        }

        @Override
        public BarSeries read(Ticker ticker, Interval interval) {
            return BarSeries.of(ticker, interval, new ArrayList<>(bars.values()), "memory",
                    false);
        }

        @Override
        public UpsertCounts upsert(Ticker ticker, Interval interval, List<Bar> batch) {
            upserts++;
            int added = 0;
            int replaced = 0;
            int unchanged = 0;
            for (Bar bar : batch) {
                Bar old = bars.put(bar.start(), bar);
                if (old == null) {
                    added++;
                } else if (old.equals(bar)) {
                    unchanged++;
                } else {
                    replaced++;
                }
            }
            return new UpsertCounts(added, replaced, unchanged);
        }

        @Override
        public String describe() {
            return "memory";
        }
    }
}
