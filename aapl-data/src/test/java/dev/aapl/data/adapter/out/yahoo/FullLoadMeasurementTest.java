package dev.aapl.data.adapter.out.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.in.RefreshBarsCommand;
import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.core.service.RefreshBarsService;
import dev.aapl.data.adapter.out.mongo.MongoBarStore;
import dev.aapl.data.adapter.out.store.CsvBarStore;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Received;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Measures, once and on demand, a full load of 730 days of synthetic hourly bars from the local
 * replay server and a refresh one day later, into the file store and into MongoDB in this JVM.
 * It prints the figures; timings are never asserted. Run with {@code -Daapl.measure=true}.
 */
@EnabledIfSystemProperty(named = "aapl.measure", matches = "true")
class FullLoadMeasurementTest {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();
    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;

    @TempDir
    Path dir;

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    @Test
    void measuresAFullLoadAndARefreshOfOneDay() throws IOException {
        // Without a logging configuration every wire message is logged at DEBUG, which would
        // be measured instead of the load.
        for (String noisy : List.of("org.mongodb.driver", "de.bwaldvogel", "io.netty")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
        try (YahooReplayServer server = YahooReplayServer.start()) {
            CsvBarStore files = new CsvBarStore(dir);
            measure("file store", server, files);
            Path file = files.fileOf(AAPL, HOUR);
            System.out.printf("file store: %s holds %d bytes%n", file, Files.size(file));

            long bars = files.read(AAPL, HOUR).size();
            // Every bar start the calendar knows from the first session 729 days before the
            // first load through the last bar of the day after.
            long expected = CALENDAR.tradingDays(LocalDate.of(2022, 10, 5),
                    LocalDate.of(2024, 10, 3)).stream()
                    .mapToLong(day -> CALENDAR.barStarts(day).size()).sum();
            assertThat(bars).isEqualTo(expected);
        }
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try (YahooReplayServer server = YahooReplayServer.start();
                MongoBarStore documents = MongoBarStore.connect(
                        "mongodb://127.0.0.1:" + mongo.bind().getPort() + "/aapl")) {
            measure("MongoDB store", server, documents);
        } finally {
            mongo.shutdownNow();
        }
    }

    private void measure(String name, YahooReplayServer server, BarStorePort store) {
        AtomicReference<Instant> clock = new AtomicReference<>(newYork("2024-10-02T17:00"));
        server.answerWith(SyntheticMarket.responder(clock::get));
        YahooChartAdapter yahoo = new YahooChartAdapter(YahooSettings.defaults()
                .withBaseUrl(server.baseUrl().toString()), CALENDAR, new Random(1), wait -> { });
        RefreshBarsService refresh = new RefreshBarsService(yahoo, store, CALENDAR);

        long started = System.nanoTime();
        RefreshReport full = refresh.refresh(RefreshBarsCommand.of(AAPL, HOUR, clock.get()));
        long fullMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        clock.set(newYork("2024-10-03T17:00"));
        started = System.nanoTime();
        RefreshReport day = refresh.refresh(RefreshBarsCommand.of(AAPL, HOUR, clock.get()));
        long dayMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Received first = server.received().get(0);
        String answer = ChartBodies.chart("AAPL", full.fetchedTo().getEpochSecond(),
                SyntheticMarket.rows(full.fetchedFrom(), full.fetchedTo(), full.fetchedTo()));
        System.out.printf("%s: full load %d ms, one request of %s, answer of %d bytes (%s)%n",
                name, fullMillis, first.rawQuery(), answer.length(), full.summary());
        System.out.printf("%s: refresh of one day %d ms (%s)%n", name, dayMillis, day.summary());
    }
}
