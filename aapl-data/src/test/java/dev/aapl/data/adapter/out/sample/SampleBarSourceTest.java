package dev.aapl.data.adapter.out.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the synthetic sample against the properties it promises; all data here is synthetic. */
class SampleBarSourceTest {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();
    private static final Instant NOW = newYork("2025-06-04T12:00:00");

    private final SampleBarSource source = SampleBarSource.withDefaultSeed();

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    private BarSeries load(Instant now) {
        return source.loadBars(Ticker.AAPL, Interval.ONE_HOUR, now);
    }

    @Test
    void givesTheSameBarTheSameValuesWhateverTheRequestTime() {
        BarSeries earlier = load(newYork("2025-03-10T15:00:00"));
        BarSeries later = load(newYork("2025-09-22T10:45:00"));

        Map<Instant, Bar> laterByStart = new HashMap<>();
        later.bars().forEach(bar -> laterByStart.put(bar.start(), bar));
        List<Bar> overlap = earlier.bars().stream()
                .filter(bar -> laterByStart.containsKey(bar.start())).toList();

        assertThat(overlap).hasSizeGreaterThan(2000);
        assertThat(overlap).allSatisfy(bar -> assertThat(laterByStart.get(bar.start()))
                .isEqualTo(bar));
    }

    @Test
    void startsEveryBarAtACalendarBarStartAndLeavesNoneOut() {
        BarSeries series = load(NOW);

        List<Instant> expected = new ArrayList<>();
        Instant windowStart = NOW.minus(Duration.ofDays(SampleBarSource.WINDOW_DAYS));
        for (LocalDate date = CALENDAR.dateOf(windowStart); !date.isAfter(CALENDAR.dateOf(NOW));
                date = date.plusDays(1)) {
            for (Instant start : CALENDAR.barStarts(date)) {
                if (!start.isBefore(windowStart) && CALENDAR.isComplete(start, NOW)) {
                    expected.add(start);
                }
            }
        }

        assertThat(series.bars()).extracting(Bar::start).containsExactlyElementsOf(expected);
    }

    @Test
    void leavesOutTheBarStillFormingAtTheRequestTime() {
        Instant midBar = newYork("2025-06-04T11:00:00");

        BarSeries series = load(midBar);

        assertThat(series.last().start()).isEqualTo(newYork("2025-06-04T09:30:00"));
        assertThat(series.bars()).allSatisfy(bar ->
                assertThat(CALENDAR.isComplete(bar.start(), midBar)).isTrue());
    }

    @Test
    void keepsTheShortLastBarOfAnEarlyCloseOnlyOnceItHasEnded() {
        LocalDate dayAfterThanksgiving = LocalDate.of(2024, 11, 29);

        BarSeries beforeClose = load(newYork("2024-11-29T12:59:00"));
        BarSeries atClose = load(newYork("2024-11-29T13:00:00"));

        assertThat(beforeClose.last().start()).isEqualTo(newYork("2024-11-29T10:30:00"));
        assertThat(atClose.last().start()).isEqualTo(newYork("2024-11-29T11:30:00"));
        assertThat(CALENDAR.barStarts(dayAfterThanksgiving)).hasSize(3);
    }

    @Test
    void coversAbout730CalendarDays() {
        BarSeries series = load(NOW);

        Duration span = Duration.between(series.first().start(), series.last().start());

        assertThat(series.first().start())
                .isAfterOrEqualTo(NOW.minus(Duration.ofDays(SampleBarSource.WINDOW_DAYS)));
        assertThat(span).isBetween(Duration.ofDays(725), Duration.ofDays(730));
        // About 251 trading days a year of seven bars, a few of them early closes.
        assertThat(series.size()).isBetween(3400, 3560);
    }

    @Test
    void saysItIsSynthetic() {
        BarSeries series = load(NOW);

        assertThat(series.synthetic()).isTrue();
        assertThat(series.source()).isEqualTo("sample (synthetic)");
        assertThat(series.ticker()).isEqualTo(Ticker.AAPL);
    }

    @ParameterizedTest(name = "recent prices for a request on {0} look like AAPL's")
    @ValueSource(strings = {"2024-01-10T12:00:00", "2025-06-04T12:00:00", "2026-05-15T12:00:00"})
    void tradesInTheRangeOfRecentAaplPrices(String localNow) {
        BarSeries series = load(newYork(localNow));

        double mean = series.bars().stream().mapToDouble(Bar::close).average().orElseThrow();

        assertThat(mean).isBetween(150.0, 250.0);
        assertThat(series.bars()).allSatisfy(bar ->
                assertThat(bar.close()).isBetween(90.0, 400.0));
    }

    @Test
    void movesMostAtTheOpenAndTheCloseOfTheSession() {
        double[] meanAbsReturn = meanAbsoluteReturnByBarOfFullSessions(load(NOW));

        double quietest = Math.min(meanAbsReturn[2], Math.min(meanAbsReturn[3], meanAbsReturn[4]));

        assertThat(meanAbsReturn[0]).isGreaterThan(1.3 * quietest);
        assertThat(meanAbsReturn[6]).isGreaterThan(1.1 * quietest);
        assertThat(meanAbsReturn[0]).isGreaterThan(meanAbsReturn[1]);
    }

    @Test
    void tradesMostVolumeAtTheOpenAndTheClose() {
        double[] meanVolume = new double[7];
        int[] sessions = new int[7];
        forEachFullSession(load(NOW), session -> {
            for (int i = 0; i < 7; i++) {
                meanVolume[i] += session.get(i).volume();
                sessions[i]++;
            }
        });

        for (int i = 0; i < 7; i++) {
            meanVolume[i] /= sessions[i];
        }

        assertThat(meanVolume[0]).isGreaterThan(2 * meanVolume[3]);
        assertThat(meanVolume[6]).isGreaterThan(1.5 * meanVolume[3]);
    }

    @Test
    void tradesTensOfMillionsOfSharesADay() {
        Map<LocalDate, Long> volumeByDay = new HashMap<>();
        for (Bar bar : load(NOW).bars()) {
            volumeByDay.merge(CALENDAR.dateOf(bar.start()), bar.volume(), Long::sum);
        }

        double meanDailyVolume = volumeByDay.values().stream().mapToLong(Long::longValue)
                .average().orElseThrow();

        assertThat(meanDailyVolume).isBetween(20e6, 150e6);
        assertThat(load(NOW).bars()).allSatisfy(bar -> assertThat(bar.volume()).isPositive());
    }

    @Test
    void opensMostSessionsAwayFromThePreviousClose() {
        List<Bar> bars = load(NOW).bars();
        int sessions = 0;
        int gaps = 0;

        for (int i = 1; i < bars.size(); i++) {
            if (!CALENDAR.dateOf(bars.get(i).start()).equals(
                    CALENDAR.dateOf(bars.get(i - 1).start()))) {
                sessions++;
                gaps += bars.get(i).open() != bars.get(i - 1).close() ? 1 : 0;
            }
        }

        assertThat(sessions).isGreaterThan(400);
        assertThat((double) gaps / sessions).isGreaterThan(0.9);
    }

    @Test
    void alternatesCalmAndTurbulentPeriods() {
        List<Double> monthlyVolatility = new ArrayList<>();
        List<Bar> bars = load(NOW).bars();
        int barsPerMonth = 21 * 7;

        for (int from = 0; from + barsPerMonth <= bars.size(); from += barsPerMonth) {
            double sumOfSquares = 0;
            for (Bar bar : bars.subList(from, from + barsPerMonth)) {
                double r = Math.log(bar.close() / bar.open());
                sumOfSquares += r * r;
            }
            monthlyVolatility.add(Math.sqrt(sumOfSquares / barsPerMonth));
        }

        double calmest = monthlyVolatility.stream().mapToDouble(Double::doubleValue).min()
                .orElseThrow();
        double wildest = monthlyVolatility.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow();
        // With one constant volatility, 23 months would differ by about 1.3 times at most.
        assertThat(wildest / calmest).isGreaterThan(1.8);
    }

    @Test
    void keepsOhlcConsistent() {
        assertThat(load(NOW).bars()).allSatisfy(bar -> {
            assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        });
    }

    @Test
    void givesAnotherSeedAnotherSeries() {
        BarSeries fromDefault = load(NOW);
        BarSeries fromOther = SampleBarSource.withSeed(7).loadBars(Ticker.AAPL,
                Interval.ONE_HOUR, NOW);

        assertThat(fromOther.bars()).extracting(Bar::start)
                .containsExactlyElementsOf(fromDefault.bars().stream().map(Bar::start).toList());
        assertThat(fromOther.closes()).isNotEqualTo(fromDefault.closes());
        assertThat(fromOther.fingerprint()).isNotEqualTo(fromDefault.fingerprint());
    }

    @Test
    void givesAnotherTickerAnotherSeries() {
        BarSeries aapl = load(NOW);
        BarSeries msft = source.loadBars(Ticker.of("MSFT"), Interval.ONE_HOUR, NOW);

        assertThat(msft.ticker()).isEqualTo(Ticker.of("MSFT"));
        assertThat(msft.fingerprint()).isNotEqualTo(aapl.fingerprint());
    }

    @Test
    void givesTheSameSeedTheSameSeries() {
        BarSeries first = SampleBarSource.withSeed(42).loadBars(Ticker.AAPL, Interval.ONE_HOUR,
                NOW);
        BarSeries second = SampleBarSource.withSeed(42).loadBars(Ticker.AAPL, Interval.ONE_HOUR,
                NOW);

        assertThat(second.bars()).isEqualTo(first.bars());
    }

    @Test
    void refusesATimeBeforeTheSampleBegins() {
        Instant beforeAnchor = newYork("2014-12-31T12:00:00");

        assertThatThrownBy(() -> load(beforeAnchor))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("no complete bar")
                .satisfies(e -> assertThat(((AaplException) e).hint()).contains("2015-01-02"));
    }

    private static double[] meanAbsoluteReturnByBarOfFullSessions(BarSeries series) {
        double[] sum = new double[7];
        int[] count = new int[7];
        forEachFullSession(series, session -> {
            for (int i = 0; i < 7; i++) {
                Bar bar = session.get(i);
                sum[i] += Math.abs(Math.log(bar.close() / bar.open()));
                count[i]++;
            }
        });
        for (int i = 0; i < 7; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }

    private static void forEachFullSession(BarSeries series,
            Consumer<List<Bar>> action) {
        List<Bar> session = new ArrayList<>();
        LocalDate day = null;
        for (Bar bar : series.bars()) {
            LocalDate date = CALENDAR.dateOf(bar.start());
            if (!date.equals(day)) {
                if (session.size() == 7) {
                    action.accept(session);
                }
                session = new ArrayList<>();
                day = date;
            }
            session.add(bar);
        }
        if (session.size() == 7) {
            action.accept(session);
        }
    }
}
