package dev.aapl.data.adapter.out.mongo;

import dev.aapl.core.domain.AaplException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The names another system gave the fields of its bar documents. The ticker and interval fields
 * may be empty when a collection holds one ticker or one interval only; the others are needed.
 *
 * @param ticker the field holding the symbol, or empty when every document is of the ticker
 * @param interval the field holding the bar length code such as {@code 1h}, or empty
 * @param start the field holding the bar start: a date, epoch seconds or milliseconds, or an
 *     ISO-8601 text with an offset
 * @param open the field holding the open price
 * @param high the field holding the high price
 * @param low the field holding the low price
 * @param close the field holding the close price
 * @param volume the field holding the volume
 */
public record MongoFieldNames(String ticker, String interval, String start, String open,
        String high, String low, String close, String volume) {

    /** The names {@link MongoBarStore} writes. */
    public static final MongoFieldNames DEFAULT = new MongoFieldNames("ticker", "interval",
            "start", "open", "high", "low", "close", "volume");

    /** @throws AaplException when a needed name is empty */
    public MongoFieldNames {
        ticker = Objects.requireNonNullElse(ticker, "").strip();
        interval = Objects.requireNonNullElse(interval, "").strip();
        start = required("start", start);
        open = required("open", open);
        high = required("high", high);
        low = required("low", low);
        close = required("close", close);
        volume = required("volume", volume);
    }

    /**
     * Reads overrides of the default names, as given on the command line.
     *
     * @param spec comma-separated {@code role=name} pairs, for example
     *     {@code start=ts,close=px,ticker=}; an empty name drops the ticker or interval filter
     * @return the default names with those overrides
     * @throws AaplException when a pair is malformed or names an unknown role
     */
    public static MongoFieldNames parse(String spec) {
        Map<String, String> names = new LinkedHashMap<>(DEFAULT.asMap());
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                int equals = pair.indexOf('=');
                String role = equals < 0 ? "" : pair.substring(0, equals).strip();
                if (!names.containsKey(role)) {
                    throw new AaplException("'" + pair.strip() + "' is not a field mapping",
                            "write role=name pairs separated by commas; roles are "
                                    + String.join(", ", names.keySet()));
                }
                names.put(role, pair.substring(equals + 1).strip());
            }
        }
        return new MongoFieldNames(names.get("ticker"), names.get("interval"),
                names.get("start"), names.get("open"), names.get("high"), names.get("low"),
                names.get("close"), names.get("volume"));
    }

    /** @return the names as {@code role=name} pairs, in the form {@link #parse} reads */
    @Override
    public String toString() {
        StringBuilder pairs = new StringBuilder();
        asMap().forEach((role, name) -> pairs.append(pairs.length() == 0 ? "" : ",")
                .append(role).append('=').append(name));
        return pairs.toString();
    }

    private Map<String, String> asMap() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ticker", ticker);
        names.put("interval", interval);
        names.put("start", start);
        names.put("open", open);
        names.put("high", high);
        names.put("low", low);
        names.put("close", close);
        names.put("volume", volume);
        return names;
    }

    private static String required(String role, String name) {
        if (name == null || name.isBlank()) {
            throw new AaplException("the " + role + " field of the bar documents has no name",
                    "name it, for example " + role + "=" + role);
        }
        return name.strip();
    }
}
