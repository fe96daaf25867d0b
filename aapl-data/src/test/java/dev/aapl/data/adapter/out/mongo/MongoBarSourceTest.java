package dev.aapl.data.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads, over TCP with the real driver, documents another system wrote in its own shape. */
class MongoBarSourceTest {

    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;
    private static final MongoFieldNames THEIR_FIELDS =
            MongoFieldNames.parse("ticker=symbol, interval=, start=ts, open=o, high=h, low=l,"
                    + " close=c, volume=v");
    /** Wednesday 2024-10-02, 09:30, 10:30 and 11:30 in New York. */
    private static final Instant NINE_THIRTY = Instant.parse("2024-10-02T13:30:00Z");
    private static final Instant TEN_THIRTY = Instant.parse("2024-10-02T14:30:00Z");
    private static final Instant ELEVEN_THIRTY = Instant.parse("2024-10-02T15:30:00Z");
    private static final Instant AFTER_CLOSE = Instant.parse("2024-10-02T21:00:00Z");

    private MongoServer server;
    private String uri;
    private MongoClient client;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        client = MongoClients.create(uri);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    private MongoCollection<Document> prices() {
        return client.getDatabase("desk").getCollection("prices");
    }

    /** A synthetic bar document in the other system's shape. */
    private static Document theirs(String symbol, Object start, double open) {
        return new Document("symbol", symbol).append("ts", start).append("o", open)
                .append("h", open + 1).append("l", open - 1).append("c", open + 0.5)
                .append("v", 1_200);
    }

    private BarSeries load(MongoFieldNames fields, Instant now) {
        try (MongoBarSource source = MongoBarSource.connect(uri, "desk", "prices", fields)) {
            return source.loadBars(AAPL, HOUR, now);
        }
    }

    @Test
    void readsBarsWrittenWithOtherFieldNamesSortedByStart() {
        prices().insertMany(List.of(theirs("AAPL", Date.from(TEN_THIRTY), 201),
                theirs("MSFT", Date.from(NINE_THIRTY), 400),
                theirs("AAPL", Date.from(NINE_THIRTY), 200)));

        BarSeries series = load(THEIR_FIELDS, AFTER_CLOSE);

        assertThat(series.bars()).containsExactly(
                new Bar(NINE_THIRTY, 200, 201, 199, 200.5, 1_200),
                new Bar(TEN_THIRTY, 201, 202, 200, 201.5, 1_200));
        assertThat(series.source()).isEqualTo("mongodb:desk.prices at " + uri);
    }

    @Test
    void acceptsStartsAsEpochSecondsEpochMillisOrIsoText() {
        prices().insertMany(List.of(theirs("AAPL", NINE_THIRTY.getEpochSecond(), 200),
                theirs("AAPL", TEN_THIRTY.toEpochMilli(), 201),
                theirs("aapl", "2024-10-02T11:30:00-04:00", 202)));

        BarSeries series = load(THEIR_FIELDS, AFTER_CLOSE);

        assertThat(series.bars()).extracting(Bar::start)
                .containsExactly(NINE_THIRTY, TEN_THIRTY, ELEVEN_THIRTY);
    }

    @Test
    void readsDecimalPrices() {
        prices().insertOne(theirs("AAPL", Date.from(NINE_THIRTY), 200)
                .append("c", new Decimal128(new BigDecimal("200.25"))));

        assertThat(load(THEIR_FIELDS, AFTER_CLOSE).last().close()).isEqualTo(200.25);
    }

    @Test
    void leavesOutTheBarThatHadNotEndedAtTheTimeOfTheRequest() {
        prices().insertMany(List.of(theirs("AAPL", Date.from(NINE_THIRTY), 200),
                theirs("AAPL", Date.from(TEN_THIRTY), 201)));

        BarSeries series = load(THEIR_FIELDS, Instant.parse("2024-10-02T15:00:00Z"));

        assertThat(series.bars()).extracting(Bar::start).containsExactly(NINE_THIRTY);
    }

    @Test
    void readsWhatTheStoreWroteWithTheDefaultNames() {
        try (MongoBarStore store = MongoBarStore.connect(uri + "/aapl")) {
            store.upsert(AAPL, HOUR, List.of(new Bar(NINE_THIRTY, 200, 201, 199, 200.5, 7)));
        }

        try (MongoBarSource source = MongoBarSource.connect(uri + "/aapl")) {
            assertThat(source.loadBars(AAPL, HOUR, AFTER_CLOSE).bars())
                    .containsExactly(new Bar(NINE_THIRTY, 200, 201, 199, 200.5, 7));
        }
    }

    @Test
    void namesTheMissingFieldWhenTheMappingIsWrong() {
        prices().insertOne(theirs("AAPL", Date.from(NINE_THIRTY), 200));
        MongoFieldNames wrongClose = MongoFieldNames.parse(
                "ticker=symbol,interval=,start=ts,open=o,high=h,low=l,close=close,volume=v");

        assertThatThrownBy(() -> load(wrongClose, AFTER_CLOSE))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("field 'close' is missing");
    }

    @Test
    void saysWhereItLookedWhenThereAreNoBars() {
        assertThatThrownBy(() -> load(THEIR_FIELDS, AFTER_CLOSE))
                .isInstanceOf(AaplException.class)
                .hasMessage("no complete 1h bars of AAPL in desk.prices at " + uri)
                .satisfies(e -> assertThat(((AaplException) e).hint()).contains("symbol"));
    }

    @Test
    void writesItsMappingInTheFormItReads() {
        assertThat(THEIR_FIELDS.toString())
                .isEqualTo("ticker=symbol,interval=,start=ts,open=o,high=h,low=l,close=c,volume=v");
        assertThat(MongoFieldNames.parse(THEIR_FIELDS.toString())).isEqualTo(THEIR_FIELDS);
    }

    @Test
    void rejectsAMappingOfAnUnknownRole() {
        assertThatThrownBy(() -> MongoFieldNames.parse("price=px"))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("'price=px' is not a field mapping");
    }
}
