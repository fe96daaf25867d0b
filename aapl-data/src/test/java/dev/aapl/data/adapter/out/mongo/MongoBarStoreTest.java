package dev.aapl.data.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks over TCP, with the real driver, to a MongoDB wire-protocol server in this JVM. */
class MongoBarStoreTest {

    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;
    private static final Instant MONDAY_OPEN = Instant.parse("2024-09-30T13:30:00Z");

    private MongoServer server;
    private String uri;
    private MongoBarStore store;
    private MongoClient client;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/market";
        store = MongoBarStore.connect(uri);
        client = MongoClients.create(uri);
    }

    @AfterEach
    void stopServer() {
        client.close();
        store.close();
        server.shutdownNow();
    }

    private MongoCollection<Document> documents() {
        return client.getDatabase("market").getCollection("bars");
    }

    /** Synthetic bars an hour apart. */
    private static List<Bar> bars(int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double open = 225.5 + i * 0.25;
            bars.add(new Bar(MONDAY_OPEN.plus(Duration.ofHours(i)), open, open + 1.07,
                    open - 0.93, open + 0.5, 1_000_000L + i));
        }
        return bars;
    }

    @Test
    void readsBackTheBarsItStored() {
        List<Bar> bars = bars(5);

        UpsertCounts counts = store.upsert(AAPL, HOUR, bars);
        BarSeries read = store.read(AAPL, HOUR);

        assertThat(counts).isEqualTo(new UpsertCounts(5, 0, 0));
        assertThat(read.bars()).isEqualTo(bars);
        assertThat(read.source()).startsWith("mongodb:market.bars at mongodb://127.0.0.1:");
    }

    @Test
    void writesOneDocumentPerBarWithItsStartAsADate() {
        store.upsert(AAPL, HOUR, bars(1));

        Document document = documents().find().first();

        assertThat(document).containsEntry("ticker", "AAPL").containsEntry("interval", "1h")
                .containsEntry("start", Date.from(MONDAY_OPEN)).containsEntry("open", 225.5)
                .containsEntry("high", 226.57).containsEntry("low", 224.57)
                .containsEntry("close", 226.0).containsEntry("volume", 1_000_000L);
    }

    @Test
    void changesNothingWhenTheSameBarsAreStoredAgain() {
        store.upsert(AAPL, HOUR, bars(6));

        UpsertCounts again = store.upsert(AAPL, HOUR, bars(6));

        assertThat(again).isEqualTo(new UpsertCounts(0, 0, 6));
        assertThat(documents().countDocuments()).isEqualTo(6);
    }

    @Test
    void replacesARevisedBarAndAddsNewOnes() {
        List<Bar> first = bars(4);
        store.upsert(AAPL, HOUR, first);
        Bar old = first.get(3);
        Bar revised = new Bar(old.start(), old.open(), old.high(), old.low(), old.close(),
                old.volume() + 12_345);
        Bar next = bars(5).get(4);

        UpsertCounts counts = store.upsert(AAPL, HOUR, List.of(first.get(2), revised, next));

        assertThat(counts).isEqualTo(new UpsertCounts(1, 1, 1));
        assertThat(store.read(AAPL, HOUR).bars()).containsExactly(first.get(0), first.get(1),
                first.get(2), revised, next);
        assertThat(documents().countDocuments()).isEqualTo(5);
    }

    @Test
    void createsAUniqueIndexOnTickerIntervalAndStart() {
        store.upsert(AAPL, HOUR, bars(1));

        Document index = documents().listIndexes().into(new ArrayList<>()).stream()
                .filter(candidate -> candidate.getString("name").equals(
                        MongoBarStore.INDEX_NAME)).findFirst().orElseThrow();

        assertThat(index.get("key", Document.class))
                .isEqualTo(new Document("ticker", 1).append("interval", 1).append("start", 1));
        assertThat(index.getBoolean("unique")).isTrue();
        assertThatThrownBy(() -> documents().insertOne(new Document("ticker", "AAPL")
                .append("interval", "1h").append("start", Date.from(MONDAY_OPEN))))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void readsARangeSortedByStartWhateverTheOrderOfWriting() {
        List<Bar> bars = bars(8);
        List<Bar> shuffled = new ArrayList<>(bars);
        Collections.shuffle(shuffled, new Random(11));
        store.upsert(AAPL, HOUR, shuffled);

        BarSeries range = store.read(AAPL, HOUR, bars.get(2).start(), bars.get(6).start());

        assertThat(range.bars()).containsExactlyElementsOf(bars.subList(2, 6));
    }

    @Test
    void keepsTickersApart() {
        store.upsert(AAPL, HOUR, bars(3));
        store.upsert(Ticker.of("MSFT"), HOUR, bars(2));

        assertThat(store.read(AAPL, HOUR).size()).isEqualTo(3);
        assertThat(store.read(Ticker.of("MSFT"), HOUR).size()).isEqualTo(2);
        assertThat(store.read(Ticker.of("IBM"), HOUR).isEmpty()).isTrue();
    }

    @Test
    void failsWithinSecondsWithOneLineWhenNoServerAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String secretUri = "mongodb://alice:s3cr3t-pw@127.0.0.1:" + closedPort + "/market";

        try (MongoBarStore unreachable = MongoBarStore.connect(secretUri, null, "bars",
                Duration.ofMillis(500))) {
            assertThatThrownBy(() -> unreachable.upsert(AAPL, HOUR, bars(1)))
                    .isInstanceOf(AaplException.class)
                    .hasMessage("MongoDB at mongodb://***@127.0.0.1:" + closedPort
                            + "/market did not answer within 0.5 s (connection refused)")
                    .satisfies(e -> assertThat(((AaplException) e).hint())
                            .contains("check that the server runs"));
            assertThat(unreachable.describe()).doesNotContain("alice").doesNotContain("s3cr3t");
        }
    }
}
