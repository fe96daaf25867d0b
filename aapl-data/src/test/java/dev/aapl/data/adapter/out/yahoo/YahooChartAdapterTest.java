package dev.aapl.data.adapter.out.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.data.adapter.out.yahoo.ChartBodies.Row;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Received;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class YahooChartAdapterTest {

    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;

    private final YahooReplayServer server = YahooReplayServer.start();
    private final List<Duration> waits = new ArrayList<>();
    private final YahooChartAdapter adapter = adapter(Duration.ofSeconds(5));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private YahooChartAdapter adapter(Duration readTimeout) {
        YahooSettings settings = YahooSettings.defaults()
                .withBaseUrl(server.baseUrl().toString())
                .withTimeouts(Duration.ofSeconds(2), readTimeout)
                .withRetries(3, Duration.ofMillis(4), Duration.ofMillis(100));
        return new YahooChartAdapter(settings, NyseCalendar.instance(), new Random(7),
                waits::add);
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NyseCalendar.NEW_YORK)
                .toInstant();
    }

    private static Row bar(String newYorkStart) {
        return SyntheticMarket.row(newYork(newYorkStart));
    }

    private static List<Instant> startsOf(FetchedBars fetched) {
        return fetched.bars().stream().map(Bar::start).toList();
    }

    private FetchedBars fetch(String from, String to, String now) {
        return adapter.fetch(AAPL, HOUR, newYork(from), newYork(to), newYork(now));
    }

    private void serve(String to, List<Row> rows) {
        server.enqueue(Reply.ok(ChartBodies.chart("AAPL", newYork(to).getEpochSecond(), rows)));
    }

    @Nested
    class Sessions {

        @Test
        void readsTwoFullSessionsOfSevenBars() {
            List<Row> rows = SyntheticMarket.rows(newYork("2024-10-01T00:00"),
                    newYork("2024-10-03T00:00"), newYork("2024-10-03T09:00"));
            serve("2024-10-03T00:00", rows);

            FetchedBars fetched = fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00");

            assertThat(fetched.bars()).hasSize(14);
            // 09:30 in New York is 13:30 UTC while daylight saving time is on.
            assertThat(fetched.bars().get(0).start()).isEqualTo("2024-10-01T13:30:00Z");
            assertThat(fetched.bars().get(13).start()).isEqualTo("2024-10-02T19:30:00Z");
            assertThat(fetched.droppedIncomplete() + fetched.droppedNull()).isZero();
        }

        @Test
        void keepsThePricesYahooMeantBeforeWideningThemToDouble() {
            Instant start = newYork("2024-10-02T09:30");
            serve("2024-10-03T00:00",
                    List.of(Row.of(start, 226.69, 226.96, 226.1, 226.81, 546_314)));

            FetchedBars fetched = fetch("2024-10-02T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00");

            assertThat(fetched.bars()).containsExactly(
                    new Bar(start, 226.69, 226.96, 226.1, 226.81, 546_314));
        }

        @Test
        void readsThreeBarsOnTheDayAfterThanksgivingAndNoneOnThanksgiving() {
            List<Row> rows = SyntheticMarket.rows(newYork("2024-11-27T00:00"),
                    newYork("2024-11-30T00:00"), newYork("2024-11-29T13:00"));
            serve("2024-11-30T00:00", rows);

            FetchedBars fetched = fetch("2024-11-27T00:00", "2024-11-30T00:00",
                    "2024-11-29T13:00");

            assertThat(fetched.bars()).hasSize(10);
            assertThat(startsOf(fetched)).filteredOn(start -> start.isAfter(
                    newYork("2024-11-28T00:00"))).containsExactly(newYork("2024-11-29T09:30"),
                    newYork("2024-11-29T10:30"), newYork("2024-11-29T11:30"));
        }

        @Test
        void dropsTheLastBarOfAnEarlyCloseUntilOnePm() {
            List<Row> rows = SyntheticMarket.rows(newYork("2024-11-29T00:00"),
                    newYork("2024-11-30T00:00"), newYork("2024-11-29T12:59"));
            serve("2024-11-29T12:59", rows);

            FetchedBars fetched = fetch("2024-11-29T00:00", "2024-11-29T12:59",
                    "2024-11-29T12:59");

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-11-29T09:30"),
                    newYork("2024-11-29T10:30"));
            assertThat(fetched.droppedIncomplete()).isEqualTo(1);
        }

        @Test
        void followsTheSessionAcrossTheEndOfDaylightSavingTime() {
            // Daylight saving time ends on Sunday 2024-11-03: 09:30 moves from 13:30 to 14:30 UTC.
            List<Row> rows = SyntheticMarket.rows(newYork("2024-11-01T00:00"),
                    newYork("2024-11-05T00:00"), newYork("2024-11-05T09:00"));
            serve("2024-11-05T00:00", rows);

            FetchedBars fetched = fetch("2024-11-01T00:00", "2024-11-05T00:00",
                    "2024-11-05T09:00");

            assertThat(fetched.bars()).hasSize(14);
            assertThat(fetched.bars().get(0).start()).isEqualTo("2024-11-01T13:30:00Z");
            assertThat(fetched.bars().get(7).start()).isEqualTo("2024-11-04T14:30:00Z");
        }

        @Test
        void dropsBarsStampedOffTheSessionGrid() {
            // An hour too early after the change: 08:30 New York, before the open.
            Instant wrongOffset = Instant.parse("2024-11-04T13:30:00Z");
            serve("2024-11-05T00:00", List.of(
                    Row.of(wrongOffset, 10, 11, 9, 10, 5), bar("2024-11-04T09:30")));

            FetchedBars fetched = fetch("2024-11-04T00:00", "2024-11-05T00:00",
                    "2024-11-05T09:00");

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-11-04T09:30"));
            assertThat(fetched.droppedIncomplete()).isEqualTo(1);
        }
    }

    @Nested
    class BarsThatAreNotKept {

        @Test
        void dropsAndCountsBarsWithNullValues() {
            Row volumeMissing = new Row(newYork("2024-10-02T11:30").getEpochSecond(), 200.0,
                    201.0, 199.0, 200.5, null);
            serve("2024-10-03T00:00", List.of(bar("2024-10-02T09:30"),
                    Row.empty(newYork("2024-10-02T10:30")), volumeMissing,
                    bar("2024-10-02T12:30")));

            FetchedBars fetched = fetch("2024-10-02T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00");

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-10-02T09:30"),
                    newYork("2024-10-02T12:30"));
            assertThat(fetched.droppedNull()).isEqualTo(2);
        }

        @Test
        void dropsTheExtraBarStampedAtTheEndOfTheRange() {
            // Yahoo appends the latest quote at or after period2.
            serve("2024-10-02T16:00", List.of(bar("2024-10-02T15:30"),
                    Row.of(newYork("2024-10-03T16:00"), 225.67, 225.67, 225.67, 225.67, 0)));

            FetchedBars fetched = fetch("2024-10-02T00:00", "2024-10-02T16:00",
                    "2024-10-03T16:00:01");

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-10-02T15:30"));
            assertThat(fetched.droppedIncomplete() + fetched.droppedNull()).isZero();
        }

        @Test
        void dropsTheFormingBarAndTheOneStampedAtTheCurrentMinute() {
            // At 11:47:30 the 11:30 bar is forming; Yahoo also sends a bar stamped 11:47.
            serve("2024-10-02T11:47:30", List.of(bar("2024-10-02T09:30"),
                    bar("2024-10-02T10:30"), bar("2024-10-02T11:30"),
                    Row.of(newYork("2024-10-02T11:47"), 226.5, 226.5, 226.5, 226.5, 0)));

            FetchedBars fetched = fetch("2024-10-02T00:00", "2024-10-02T11:47:30",
                    "2024-10-02T11:47:30");

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-10-02T09:30"),
                    newYork("2024-10-02T10:30"));
            assertThat(fetched.droppedIncomplete()).isEqualTo(2);
        }

        @Test
        void dropsAndCountsBarsThatBreakTheRulesOfABar() {
            Row highBelowLow = Row.of(newYork("2024-10-02T10:30"), 200, 198, 199, 200, 10);
            serve("2024-10-03T00:00",
                    List.of(bar("2024-10-02T09:30"), highBelowLow));

            FetchedBars fetched = fetch("2024-10-02T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00");

            assertThat(fetched.bars()).hasSize(1);
            assertThat(fetched.droppedInvalid()).isEqualTo(1);
        }
    }

    @Nested
    class Requests {

        @Test
        void asksForTheRangeAndIntervalWithRegularHoursOnly() {
            serve("2024-10-03T00:00", List.of(bar("2024-10-01T09:30")));
            Instant from = newYork("2024-10-01T00:00");
            Instant to = newYork("2024-10-03T00:00");

            adapter.fetch(AAPL, HOUR, from, to, newYork("2024-10-03T09:00"));

            Received request = server.received().get(0);
            assertThat(request.rawPath()).isEqualTo("/v8/finance/chart/AAPL");
            assertThat(request.query()).containsEntry("period1", "" + from.getEpochSecond())
                    .containsEntry("period2", "" + to.getEpochSecond())
                    .containsEntry("interval", "1h")
                    .containsEntry("includePrePost", "false")
                    .containsEntry("events", "div,splits");
        }

        @Test
        void sendsABrowserUserAgent() {
            serve("2024-10-03T00:00", List.of(bar("2024-10-01T09:30")));

            fetch("2024-10-01T00:00", "2024-10-03T00:00", "2024-10-03T09:00");

            assertThat(server.received().get(0).headers().getFirst("User-Agent"))
                    .isEqualTo(YahooSettings.BROWSER_USER_AGENT).startsWith("Mozilla/5.0");
        }

        @Test
        void escapesTheCaretOfAnIndexSymbol() {
            server.enqueue(Reply.ok(ChartBodies.chart("^GSPC", 0, List.of(
                    bar("2024-10-01T09:30")))));

            adapter.fetch(Ticker.of("^GSPC"), HOUR, newYork("2024-10-01T00:00"),
                    newYork("2024-10-03T00:00"), newYork("2024-10-03T09:00"));

            assertThat(server.received().get(0).rawPath()).isEqualTo("/v8/finance/chart/%5EGSPC");
        }

        @Test
        void neverAsksForMoreThanSevenHundredThirtyDays() {
            Instant now = newYork("2024-10-03T09:00");

            assertThatThrownBy(() -> adapter.fetch(AAPL, HOUR,
                    now.minus(Duration.ofDays(731)), now, now))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Nested
    class Errors {

        @Test
        void namesAnUnknownSymbol() {
            server.enqueue(Reply.status(404, ChartBodies.notFound()));

            assertThatThrownBy(() -> adapter.fetch(Ticker.of("ZZZZQX"), HOUR,
                    newYork("2024-10-01T00:00"), newYork("2024-10-03T00:00"),
                    newYork("2024-10-03T09:00")))
                    .isInstanceOf(YahooException.class)
                    .hasMessageStartingWith("unknown symbol ZZZZQX")
                    .satisfies(e -> assertThat(((YahooException) e).hint()).contains("symbol"));
        }

        @Test
        void explainsTheRefusalOfARangeOlderThanSevenHundredThirtyDays() {
            server.enqueue(Reply.status(422, ChartBodies.tooOld(1_664_582_400L, 1_705_276_800L)));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("refused the range")
                    .hasMessageContaining("within the last 730 days");
        }

        @Test
        void retriesARateLimitAfterTheWaitYahooAsksFor() {
            server.enqueue(Reply.status(429, "Too Many Requests").withHeader("Retry-After", "2"));
            serve("2024-10-03T00:00", List.of(bar("2024-10-01T09:30")));

            FetchedBars fetched = fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00");

            assertThat(fetched.bars()).hasSize(1);
            assertThat(server.received()).hasSize(2);
            assertThat(waits).containsExactly(Duration.ofSeconds(2));
        }

        @Test
        void givesUpAfterTheLastAttemptWithServerErrors() {
            server.answerWith(request -> Reply.status(500, "Internal Server Error"));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("HTTP 500 to 3 attempts");
            assertThat(server.received()).hasSize(3);
        }

        @Test
        void waitsLongerBeforeEachRetryWithJitter() {
            server.answerWith(request -> Reply.status(503, ""));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00")).isInstanceOf(YahooException.class);

            // A base of 4 ms doubles: the first wait lies in 2..4 ms, the second in 4..8 ms.
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(2), Duration.ofMillis(4));
            assertThat(waits.get(1)).isBetween(Duration.ofMillis(4), Duration.ofMillis(8));
        }

        @Test
        void givesUpAtOnceWhenAskedToWaitLongerThanItWould() {
            server.enqueue(Reply.status(429, "").withHeader("Retry-After", "3600"));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("asks to wait 3600 s");
            assertThat(server.received()).hasSize(1);
            assertThat(waits).isEmpty();
        }

        @Test
        void givesUpOnAnswersSlowerThanTheReadTimeoutAfterEveryAttempt() {
            YahooChartAdapter impatient = adapter(Duration.ofMillis(300));
            for (int i = 0; i < 3; i++) {
                server.enqueue(Reply.ok(ChartBodies.emptyResult()).after(Duration.ofSeconds(2)));
            }

            assertThatThrownBy(() -> impatient.fetch(AAPL, HOUR, newYork("2024-10-01T00:00"),
                    newYork("2024-10-03T00:00"), newYork("2024-10-03T09:00")))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("did not answer within 0.3 s");
            assertThat(waits).hasSize(2);
        }

        @Test
        void retriesAnAnswerSlowerThanTheReadTimeout() {
            YahooChartAdapter impatient = adapter(Duration.ofMillis(300));
            server.enqueue(Reply.ok(ChartBodies.emptyResult()).after(Duration.ofSeconds(2)));
            serve("2024-10-03T00:00", List.of(bar("2024-10-01T09:30")));

            FetchedBars fetched = impatient.fetch(AAPL, HOUR, newYork("2024-10-01T00:00"),
                    newYork("2024-10-03T00:00"), newYork("2024-10-03T09:00"));

            assertThat(startsOf(fetched)).containsExactly(newYork("2024-10-01T09:30"));
            assertThat(waits).hasSize(1);
        }

        @Test
        void reportsAServerThatRefusesConnections() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            YahooChartAdapter nowhere = new YahooChartAdapter(YahooSettings.defaults()
                    .withBaseUrl("http://127.0.0.1:" + closedPort), NyseCalendar.instance(),
                    new Random(7), waits::add);

            assertThatThrownBy(() -> nowhere.fetch(AAPL, HOUR, newYork("2024-10-01T00:00"),
                    newYork("2024-10-03T00:00"), newYork("2024-10-03T09:00")))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("cannot reach Yahoo Finance at http://127.0.0.1:");
        }

        @Test
        void reportsTruncatedJson() {
            String body = ChartBodies.chart("AAPL", 0, List.of(bar("2024-10-01T09:30")));
            server.enqueue(Reply.ok(body.substring(0, body.length() / 2)));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("malformed JSON");
        }

        @Test
        void reportsAnAnswerThatIsNotAChart() {
            server.enqueue(Reply.ok("<html>Will be right back</html>"));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("malformed JSON");
        }

        @Test
        void reportsAnEmptyResultList() {
            server.enqueue(Reply.ok(ChartBodies.emptyResult()));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("returned no chart for AAPL 1h");
        }

        @Test
        void reportsAChartWithoutTimestamps() {
            server.enqueue(Reply.ok(ChartBodies.withoutTimestamps("AAPL", 0)));

            assertThatThrownBy(() -> fetch("2024-10-01T00:00", "2024-10-03T00:00",
                    "2024-10-03T09:00"))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("returned no bars for AAPL 1h");
        }

        @Test
        void refusesASymbolOutsideNewYork() {
            server.enqueue(Reply.ok(ChartBodies.chart("VOD.L", "Europe/London", 0,
                    List.of(bar("2024-10-01T09:30")))));

            assertThatThrownBy(() -> adapter.fetch(Ticker.of("VOD.L"), HOUR,
                    newYork("2024-10-01T00:00"), newYork("2024-10-03T00:00"),
                    newYork("2024-10-03T09:00")))
                    .isInstanceOf(YahooException.class)
                    .hasMessageContaining("trades in Europe/London");
        }
    }
}
