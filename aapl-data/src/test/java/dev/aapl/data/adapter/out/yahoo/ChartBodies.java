package dev.aapl.data.adapter.out.yahoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes bodies in the layout of Yahoo's v8 chart API, as learned from real answers: a
 * {@code chart} object with {@code result} (one element: {@code meta}, {@code timestamp},
 * {@code indicators.quote[0]} columns) and {@code error}. Prices are sent as Yahoo sends them,
 * single-precision values widened to double.
 */
final class ChartBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartBodies() {
    }

    /** One bar of a body; a {@code null} value is sent as JSON {@code null}. */
    record Row(long timestamp, Double open, Double high, Double low, Double close, Long volume) {

        static Row of(Instant start, double open, double high, double low, double close,
                long volume) {
            return new Row(start.getEpochSecond(), open, high, low, close, volume);
        }

        static Row empty(Instant start) {
            return new Row(start.getEpochSecond(), null, null, null, null, null);
        }
    }

    /**
     * @param symbol the symbol in {@code meta}
     * @param zone the exchange time zone in {@code meta}
     * @param period2 the first second not asked for, sent as the time of the last quote
     * @param rows the bars, in the order Yahoo would send them
     * @return a successful chart body
     */
    static String chart(String symbol, String zone, long period2, List<Row> rows) {
        ObjectNode result = JSON.createObjectNode();
        result.set("meta", meta(symbol, zone, period2, rows));
        ArrayNode timestamps = result.putArray("timestamp");
        ObjectNode quote = result.putObject("indicators").putArray("quote").addObject();
        ArrayNode open = quote.putArray("open");
        ArrayNode low = quote.putArray("low");
        ArrayNode high = quote.putArray("high");
        ArrayNode close = quote.putArray("close");
        ArrayNode volume = quote.putArray("volume");
        for (Row row : rows) {
            timestamps.add(row.timestamp());
            addPrice(open, row.open());
            addPrice(low, row.low());
            addPrice(high, row.high());
            addPrice(close, row.close());
            if (row.volume() == null) {
                volume.addNull();
            } else {
                volume.add(row.volume());
            }
        }
        return wrap(JSON.createArrayNode().add(result));
    }

    static String chart(String symbol, long period2, List<Row> rows) {
        return chart(symbol, "America/New_York", period2, rows);
    }

    /** @return the answer to a range in which the symbol did not trade: no timestamps */
    static String withoutTimestamps(String symbol, long period2) {
        ObjectNode result = JSON.createObjectNode();
        result.set("meta", meta(symbol, "America/New_York", period2, List.of()));
        result.putObject("indicators").putArray("quote").addObject();
        return wrap(JSON.createArrayNode().add(result));
    }

    /** @return a chart whose result list is empty */
    static String emptyResult() {
        return wrap(JSON.createArrayNode());
    }

    /** @return the HTTP 404 body Yahoo sends for a symbol it does not know */
    static String notFound() {
        return error("Not Found", "No data found, symbol may be delisted");
    }

    /**
     * @param start the period1 asked for
     * @param end the period2 asked for
     * @return the HTTP 422 body Yahoo sends for hourly bars older than 730 days
     */
    static String tooOld(long start, long end) {
        return error("Unprocessable Entity", "1h data not available for startTime=" + start
                + " and endTime=" + end + ". The requested range must be within the last 730"
                + " days.");
    }

    private static String error(String code, String description) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode chart = root.putObject("chart");
        chart.putNull("result");
        ObjectNode error = chart.putObject("error");
        error.put("code", code);
        error.put("description", description);
        return root.toString();
    }

    private static String wrap(ArrayNode results) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode chart = root.putObject("chart");
        chart.set("result", results);
        chart.putNull("error");
        return root.toString();
    }

    private static ObjectNode meta(String symbol, String zone, long period2, List<Row> rows) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("currency", "USD");
        meta.put("symbol", symbol);
        meta.put("exchangeName", "NMS");
        meta.put("fullExchangeName", "NasdaqGS");
        meta.put("instrumentType", "EQUITY");
        meta.put("firstTradeDate", 345_479_400L);
        meta.put("regularMarketTime", period2);
        meta.put("hasPrePostMarketData", true);
        meta.put("gmtoffset", -14_400);
        meta.put("timezone", "EDT");
        meta.put("exchangeTimezoneName", zone);
        Double last = rows.isEmpty() ? null : rows.get(rows.size() - 1).close();
        if (last != null) {
            meta.put("regularMarketPrice", (double) last.floatValue());
        }
        meta.put("priceHint", 2);
        meta.put("dataGranularity", "1h");
        meta.put("range", "");
        ArrayNode ranges = meta.putArray("validRanges");
        for (String range : List.of("1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y",
                "ytd", "max")) {
            ranges.add(range);
        }
        return meta;
    }

    private static void addPrice(ArrayNode column, Double price) {
        if (price == null) {
            column.addNull();
        } else {
            column.add((double) price.floatValue());
        }
    }
}
