package dev.aapl.data.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.InvalidBarException;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import dev.aapl.core.port.out.BarStorePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bars kept in MongoDB ({@code --store mongodb://...}): one document per bar with the fields
 * {@code ticker}, {@code interval}, {@code start} (a BSON date), {@code open}, {@code high},
 * {@code low}, {@code close} and {@code volume}, and a unique index on
 * {@code (ticker, interval, start)} created before the first write.
 *
 * <p>A batch is written as one unordered bulk of upserts that set the values of each bar: a new
 * bar is inserted, a revised bar is modified, and an unchanged bar matches without being
 * modified, so storing the same bars twice changes nothing. Unlike the file store, a batch is
 * not atomic: a failure part way leaves part of it stored, and storing it again completes it.
 */
public final class MongoBarStore implements BarStorePort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoBarStore.class);

    /** The database used when the connection string names none. */
    public static final String DEFAULT_DATABASE = "aapl";

    /** The collection used when none is given. */
    public static final String DEFAULT_COLLECTION = "bars";

    static final String TICKER = "ticker";
    static final String INTERVAL = "interval";
    static final String START = "start";
    static final String INDEX_NAME = "ticker_interval_start";

    private final MongoConnection connection;
    private final MongoCollection<Document> collection;
    private final String where;
    private volatile boolean indexed;

    private MongoBarStore(MongoConnection connection, String database, String collection) {
        this.connection = connection;
        this.collection = connection.database(database, DEFAULT_DATABASE)
                .getCollection(collection);
        this.where = connection.databaseName(database, DEFAULT_DATABASE) + "." + collection
                + " at " + connection.masked();
    }

    /**
     * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string; its database,
     *     if any, is used, else {@value #DEFAULT_DATABASE}
     * @return a store in the collection {@value #DEFAULT_COLLECTION}; the server is first
     *     contacted by the first read or write
     * @throws AaplException when the string is not a MongoDB connection string
     */
    public static MongoBarStore connect(String uri) {
        return connect(uri, null, DEFAULT_COLLECTION);
    }

    /**
     * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string
     * @param database the database, or {@code null} for the one in the connection string
     * @param collection the collection
     * @return the store
     * @throws AaplException when the string is not a MongoDB connection string
     */
    public static MongoBarStore connect(String uri, String database, String collection) {
        return connect(uri, database, collection, MongoConnection.DEFAULT_TIMEOUT);
    }

    static MongoBarStore connect(String uri, String database, String collection,
            Duration timeout) {
        Objects.requireNonNull(collection, "collection");
        return new MongoBarStore(MongoConnection.open(uri, timeout), database, collection);
    }

    @Override
    public BarSeries read(Ticker ticker, Interval interval) {
        return find(ticker, interval, key(ticker, interval));
    }

    @Override
    public BarSeries read(Ticker ticker, Interval interval, Instant from, Instant to) {
        return find(ticker, interval, and(key(ticker, interval), gte(START, Date.from(from)),
                lt(START, Date.from(to))));
    }

    @Override
    public UpsertCounts upsert(Ticker ticker, Interval interval, List<Bar> bars) {
        if (bars.isEmpty()) {
            return UpsertCounts.NONE;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(bars.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (Bar bar : bars) {
            writes.add(new UpdateOneModel<>(
                    and(key(ticker, interval), eq(START, Date.from(bar.start()))),
                    Updates.combine(Updates.set("open", bar.open()),
                            Updates.set("high", bar.high()), Updates.set("low", bar.low()),
                            Updates.set("close", bar.close()),
                            Updates.set("volume", bar.volume())),
                    upsert));
        }
        try {
            ensureIndex();
            BulkWriteResult result = collection.bulkWrite(writes,
                    new BulkWriteOptions().ordered(false));
            int added = result.getUpserts().size();
            int replaced = result.getModifiedCount();
            LOG.debug("Upserted {} bars of {} {} into {}: {} added, {} replaced", bars.size(),
                    ticker, interval, where, added, replaced);
            return new UpsertCounts(added, replaced, bars.size() - added - replaced);
        } catch (MongoException e) {
            throw connection.translate(e, "storing " + ticker + " " + interval);
        }
    }

    @Override
    public String describe() {
        return "MongoDB " + where;
    }

    @Override
    public void close() {
        connection.close();
    }

    private BarSeries find(Ticker ticker, Interval interval, Bson filter) {
        List<Bar> bars = new ArrayList<>();
        try {
            for (Document document : collection.find(filter).sort(Sorts.ascending(START))) {
                bars.add(barOf(document));
            }
        } catch (MongoException e) {
            throw connection.translate(e, "reading " + ticker + " " + interval);
        } catch (IllegalArgumentException | InvalidBarException e) {
            throw new AaplException("a stored bar of " + ticker + " " + interval + " in " + where
                    + " is unreadable: " + e.getMessage(),
                    "delete the documents of that ticker and run aapl fetch again", e);
        }
        return BarSeries.of(ticker, interval, bars, "mongodb:" + where, false);
    }

    private void ensureIndex() {
        if (!indexed) {
            collection.createIndex(Indexes.ascending(TICKER, INTERVAL, START),
                    new IndexOptions().unique(true).name(INDEX_NAME));
            indexed = true;
        }
    }

    private static Bson key(Ticker ticker, Interval interval) {
        return and(eq(TICKER, ticker.symbol()), eq(INTERVAL, interval.code()));
    }

    private static Bar barOf(Document document) {
        return new Bar(BarDocuments.instantOf(document.get(START), START),
                BarDocuments.doubleOf(document.get("open"), "open"),
                BarDocuments.doubleOf(document.get("high"), "high"),
                BarDocuments.doubleOf(document.get("low"), "low"),
                BarDocuments.doubleOf(document.get("close"), "close"),
                BarDocuments.longOf(document.get("volume"), "volume"));
    }
}
