package dev.aapl.data.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.InvalidBarException;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.out.LoadBarsPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Bars another system wrote to MongoDB ({@code --source mongodb://...}), read with that
 * system's field names. Documents are filtered by ticker and interval when those fields are
 * named, sorted by start, and bars that had not ended at the time of the request are left out.
 * The start field is compared in Java rather than in the query, because other systems store
 * it as a date, a number or a text, and MongoDB compares values of different types by type.
 */
public final class MongoBarSource implements LoadBarsPort, AutoCloseable {

    private final MongoConnection connection;
    private final MongoCollection<Document> collection;
    private final MongoFieldNames fields;
    private final TradingCalendar calendar;
    private final String where;

    private MongoBarSource(MongoConnection connection, String database, String collection,
            MongoFieldNames fields) {
        this.connection = connection;
        this.collection = connection.database(database, MongoBarStore.DEFAULT_DATABASE)
                .getCollection(collection);
        this.fields = fields;
        this.calendar = NyseCalendar.instance();
        this.where = connection.databaseName(database, MongoBarStore.DEFAULT_DATABASE) + "."
                + collection + " at " + connection.masked();
    }

    /**
     * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string
     * @return a source reading the collection {@value MongoBarStore#DEFAULT_COLLECTION} of the
     *     string's database (or {@value MongoBarStore#DEFAULT_DATABASE}) with the default
     *     field names
     * @throws AaplException when the string is not a MongoDB connection string
     */
    public static MongoBarSource connect(String uri) {
        return connect(uri, null, MongoBarStore.DEFAULT_COLLECTION, MongoFieldNames.DEFAULT);
    }

    /**
     * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string
     * @param database the database, or {@code null} for the one in the connection string
     * @param collection the collection holding the bar documents
     * @param fields the names of the fields in those documents
     * @return the source; the server is first contacted when bars are loaded
     * @throws AaplException when the string is not a MongoDB connection string
     */
    public static MongoBarSource connect(String uri, String database, String collection,
            MongoFieldNames fields) {
        return connect(uri, database, collection, fields, MongoConnection.DEFAULT_TIMEOUT);
    }

    static MongoBarSource connect(String uri, String database, String collection,
            MongoFieldNames fields, Duration timeout) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(fields, "fields");
        return new MongoBarSource(MongoConnection.open(uri, timeout), database, collection,
                fields);
    }

    @Override
    public BarSeries loadBars(Ticker ticker, Interval interval, Instant now) {
        List<Bar> bars = new ArrayList<>();
        try {
            for (Document document : collection.find(filter(ticker, interval))
                    .sort(Sorts.ascending(fields.start()))) {
                Bar bar = barOf(document);
                if (isComplete(bar, interval, now)) {
                    bars.add(bar);
                }
            }
        } catch (MongoException e) {
            throw connection.translate(e, "reading " + ticker + " " + interval);
        } catch (IllegalArgumentException | InvalidBarException e) {
            throw new AaplException("a bar document of " + ticker + " in " + where
                    + " is unreadable: " + e.getMessage(),
                    "check the field names given for the collection", e);
        }
        if (bars.isEmpty()) {
            throw new AaplException("no complete " + interval + " bars of " + ticker + " in "
                    + where, "check the database, the collection and the field names ("
                    + fields + ")");
        }
        return BarSeries.sorted(ticker, interval, bars, "mongodb:" + where, false);
    }

    @Override
    public void close() {
        connection.close();
    }

    private Bson filter(Ticker ticker, Interval interval) {
        List<Bson> filters = new ArrayList<>();
        if (!fields.ticker().isEmpty()) {
            filters.add(in(fields.ticker(), ticker.symbol(), ticker.slug()));
        }
        if (!fields.interval().isEmpty()) {
            filters.add(eq(fields.interval(), interval.code()));
        }
        return filters.isEmpty() ? Filters.empty() : and(filters);
    }

    private Bar barOf(Document document) {
        return new Bar(BarDocuments.instantOf(document.get(fields.start()), fields.start()),
                BarDocuments.doubleOf(document.get(fields.open()), fields.open()),
                BarDocuments.doubleOf(document.get(fields.high()), fields.high()),
                BarDocuments.doubleOf(document.get(fields.low()), fields.low()),
                BarDocuments.doubleOf(document.get(fields.close()), fields.close()),
                BarDocuments.longOf(document.get(fields.volume()), fields.volume()));
    }

    private boolean isComplete(Bar bar, Interval interval, Instant now) {
        if (calendar.isBarStart(bar.start())) {
            return calendar.isComplete(bar.start(), now);
        }
        return !bar.start().plus(interval.length()).isAfter(now);
    }
}
