package dev.aapl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import dev.aapl.data.adapter.out.sample.SampleBarSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --source yahoo} end to end through the runnable jar, against a local HTTP server that
 * answers in the layout of Yahoo's v8 chart API. The bars it serves are the synthetic sample's,
 * so no real market data is involved.
 */
@TestMethodOrder(OrderAnnotation.class)
class YahooEndToEndIT {

    private static final String AS_OF = "2026-11-20T17:00:00-05:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static HttpServer server;
    private static String url;
    private static JarRunner aapl;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void startReplayServer() throws IOException {
        BarSeries bars = SampleBarSource.withDefaultSeed().loadBars(Ticker.AAPL,
                Interval.ONE_HOUR, OffsetDateTime.parse(AS_OF).toInstant());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v8/finance/chart/", exchange -> answer(exchange, bars));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        aapl = new JarRunner(work);
    }

    @AfterAll
    static void stopReplayServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, BarSeries bars) throws IOException {
        REQUESTS.incrementAndGet();
        String symbol = exchange.getRequestURI().getPath().replaceFirst(".*/chart/", "");
        Map<String, String> query = query(exchange.getRequestURI());
        if (!symbol.equals("AAPL")) {
            send(exchange, 404, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                    + "\"description\":\"No data found, symbol may be delisted\"}}}");
            return;
        }
        long from = Long.parseLong(query.get("period1"));
        long to = Long.parseLong(query.get("period2"));
        ObjectNode result = JSON.createObjectNode();
        ObjectNode meta = result.putObject("meta");
        meta.put("currency", "USD").put("symbol", "AAPL").put("exchangeName", "NMS")
                .put("exchangeTimezoneName", "America/New_York").put("timezone", "EST")
                .put("gmtoffset", -18000).put("dataGranularity", "1h")
                .put("regularMarketPrice", bars.last().close());
        ArrayNode timestamps = result.putArray("timestamp");
        ObjectNode quote = result.putObject("indicators").putArray("quote").addObject();
        ArrayNode open = quote.putArray("open");
        ArrayNode high = quote.putArray("high");
        ArrayNode low = quote.putArray("low");
        ArrayNode close = quote.putArray("close");
        ArrayNode volume = quote.putArray("volume");
        for (Bar bar : bars.bars()) {
            long t = bar.start().getEpochSecond();
            if (t >= from && t < to) {
                timestamps.add(t);
                open.add(bar.open());
                high.add(bar.high());
                low.add(bar.low());
                close.add(bar.close());
                volume.add(bar.volume());
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode chart = body.putObject("chart");
        chart.putArray("result").add(result);
        chart.putNull("error");
        send(exchange, 200, JSON.writeValueAsString(body));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode json(JarRunner.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    @Order(1)
    void fetchLoadsTheFullHistoryIntoTheStore() throws Exception {
        JsonNode report = json(aapl.run("fetch", "--yahoo-url", url, "--as-of", AS_OF,
                "--json"));

        assertThat(report.get("mode").asText()).isEqualTo("full");
        assertThat(report.get("added").asInt()).isGreaterThan(3000);
        assertThat(report.get("held").asInt()).isEqualTo(report.get("added").asInt());
        assertThat(Files.isRegularFile(work.resolve("data").resolve("aapl-1h.csv"))).isTrue();
    }

    @Test
    @Order(2)
    void secondFetchChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(work.resolve("data").resolve("aapl-1h.csv"));

        JsonNode report = json(aapl.run("fetch", "--yahoo-url", url, "--as-of", AS_OF,
                "--json"));

        assertThat(report.get("added").asInt()).isZero();
        assertThat(report.get("replaced").asInt()).isZero();
        assertThat(Files.readAllBytes(work.resolve("data").resolve("aapl-1h.csv")))
                .isEqualTo(before);
    }

    @Test
    @Order(3)
    void trainReadsTheStoreWithoutAskingYahooAgain() throws Exception {
        int requestsBefore = REQUESTS.get();

        JsonNode report = json(aapl.run("train", "--yahoo-url", url, "--as-of", AS_OF,
                "--trees", "10", "--json"));

        assertThat(REQUESTS.get()).isEqualTo(requestsBefore);
        assertThat(report.get("trainRows").asInt()).isGreaterThan(3000);
        assertThat(report.get("modelVersion").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void predictFallsBackToStoredBarsWhenYahooIsDown() throws Exception {
        String later = "2026-11-23T12:00:00-05:00";

        JarRunner.Result result = aapl.run("predict", "--yahoo-url", "http://127.0.0.1:9",
                "--as-of", later, "--json");

        JsonNode forecast = json(result);
        assertThat(forecast.get("lastBarStart").asText()).isEqualTo("2026-11-20T15:30-05:00");
        assertThat(result.err()).contains("WARN");
    }

    @Test
    @Order(5)
    void unknownSymbolFailsWithOneLineAndLeavesTheStore() throws Exception {
        byte[] before = Files.readAllBytes(work.resolve("data").resolve("aapl-1h.csv"));

        JarRunner.Result result = aapl.run("fetch", "--ticker", "NOPE", "--yahoo-url", url,
                "--as-of", AS_OF);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("NOPE");
        assertThat(Files.readAllBytes(work.resolve("data").resolve("aapl-1h.csv")))
                .isEqualTo(before);
    }

    @Test
    @Order(6)
    void noStoredBarsAndNoYahooSuggestsTheSample() throws Exception {
        JarRunner.Result result = aapl.run("train", "--yahoo-url", "http://127.0.0.1:9",
                "--data-dir", work.resolve("empty-store").toString(), "--as-of", AS_OF);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("--source sample");
    }
}
