package dev.aapl.data.adapter.out.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.service.RefreshBarsService;
import dev.aapl.data.adapter.out.store.CsvBarStore;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CachedYahooBarSourceTest {

    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;
    private static final NyseCalendar CALENDAR = NyseCalendar.instance();

    @TempDir
    Path dir;

    private final YahooReplayServer server = YahooReplayServer.start();
    private final AtomicReference<Instant> clock = new AtomicReference<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private CsvBarStore store;
    private CachedYahooBarSource source;

    @BeforeEach
    void wire() {
        server.answerWith(SyntheticMarket.responder(clock::get));
        YahooSettings settings = YahooSettings.defaults()
                .withBaseUrl(server.baseUrl().toString())
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5));
        YahooChartAdapter yahoo = new YahooChartAdapter(settings, CALENDAR, new Random(3),
                wait -> { });
        store = new CsvBarStore(dir);
        source = new CachedYahooBarSource(new RefreshBarsService(yahoo, store, CALENDAR), store,
                CALENDAR);
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void unwire() {
        root().detachAppender(log);
        server.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    private BarSeries loadAt(String newYorkTime) {
        clock.set(newYork(newYorkTime));
        return source.loadBars(AAPL, HOUR, clock.get());
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }

    @Test
    void loadsTheFullHistoryIntoAnEmptyStoreAndReadsItBack() {
        BarSeries series = loadAt("2024-10-02T17:00");

        assertThat(series.last().start()).isEqualTo(newYork("2024-10-02T15:30"));
        assertThat(series.bars()).isEqualTo(store.read(AAPL, HOUR).bars());
        // 729 days back from 2024-10-02 17:00 is 2022-10-04 17:00, after that day's close.
        assertThat(series.first().start()).isEqualTo(newYork("2022-10-05T09:30"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void readsTheStoreWithoutAskingYahooWhileItHoldsTheLastCompleteBar() {
        loadAt("2024-10-02T17:00");

        BarSeries again = loadAt("2024-10-03T10:29");

        assertThat(server.received()).hasSize(1);
        assertThat(again.last().start()).isEqualTo(newYork("2024-10-02T15:30"));
    }

    @Test
    void refreshesOnlyTheRecentSessionsOnceANewBarHasEnded() {
        loadAt("2024-10-02T17:00");

        BarSeries later = loadAt("2024-10-03T11:45");

        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).query().get("period1"))
                .isEqualTo("" + newYork("2024-09-30T09:30").getEpochSecond());
        // 09:30 and 10:30 have ended; 11:30 is forming and left out.
        assertThat(later.last().start()).isEqualTo(newYork("2024-10-03T10:30"));
    }

    @Test
    void fallsBackToTheStoredBarsWithOneWarningNamingTheirAge() {
        loadAt("2024-10-02T17:00");
        List<Bar> stored = store.read(AAPL, HOUR).bars();
        server.answerWith(request -> Reply.status(503, ""));

        BarSeries series = loadAt("2024-10-04T17:00");

        assertThat(series.bars()).isEqualTo(stored);
        assertThat(warnings()).hasSize(1);
        // From Wednesday 15:30 to Friday 17:00 is two days and an hour and a half.
        assertThat(warnings().get(0).getFormattedMessage())
                .contains("HTTP 503").contains("2 days 1 h old");
    }

    @Test
    void suggestsTheSampleSourceWhenYahooFailsAndNothingIsStored() {
        server.answerWith(request -> Reply.status(500, ""));

        assertThatThrownBy(() -> loadAt("2024-10-02T17:00"))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("HTTP 500")
                .satisfies(e -> assertThat(((AaplException) e).hint())
                        .contains("--source sample"));
    }

    @Test
    void namesAnUnknownSymbolAndSuggestsTheSampleSource() {
        server.answerWith(request -> Reply.status(404, ChartBodies.notFound()));
        clock.set(newYork("2024-10-02T17:00"));

        assertThatThrownBy(() -> source.loadBars(Ticker.of("ZZZZQX"), HOUR, clock.get()))
                .isInstanceOf(AaplException.class)
                .hasMessageStartingWith("unknown symbol ZZZZQX")
                .satisfies(e -> assertThat(((AaplException) e).hint())
                        .contains("finance.yahoo.com").contains("--source sample"));
    }

    @Test
    void leavesOutStoredBarsThatHadNotEndedAtAnEarlierTime() {
        loadAt("2024-10-02T17:00");

        BarSeries earlier = source.loadBars(AAPL, HOUR, newYork("2024-10-02T12:00"));

        assertThat(earlier.last().start()).isEqualTo(newYork("2024-10-02T10:30"));
    }
}
