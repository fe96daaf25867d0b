package dev.aapl.data.adapter.out.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.InvalidBarException;
import dev.aapl.core.domain.TradingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of a v8 chart answer: {@code chart.result[0]} with its {@code meta},
 * {@code timestamp} array and {@code indicators.quote[0]} columns, or {@code chart.error} with a
 * code and a description.
 *
 * <p>Bars that must not be stored are dropped and counted: a bar with a {@code null} price or
 * volume (Yahoo sends them for minutes or hours without trades), a bar that has not ended at the
 * time of the request, and a bar stamped off the calendar's hourly grid (Yahoo stamps the bar
 * still forming with the current minute). A bar stamped before {@code period1} or at or after
 * {@code period2} was not asked for (Yahoo may append the latest quote there) and is dropped
 * without being counted.
 *
 * <p>Yahoo stores prices in single precision and sends them widened to double, so 226.69 arrives
 * as 226.69000244140625. Each price is rounded back to the shortest decimal of its single
 * precision value: the stored files then read as prices, and a re-read of the same bar compares
 * equal to the stored one.
 */
final class YahooChartParser {

    private static final Logger LOG = LoggerFactory.getLogger(YahooChartParser.class);

    private static final String API_CHANGED_HINT =
            "try again; if it keeps failing, Yahoo may have changed its chart API";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final TradingCalendar calendar;

    YahooChartParser(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param body the body of an HTTP 200 answer
     * @param request what was asked
     * @return the complete bars and the counts of dropped ones
     * @throws YahooException when the body is not a chart with bars
     */
    FetchedBars parse(String body, ChartRequest request) {
        JsonNode chart = chartOf(body, request);
        if (chart.path("error").isObject()) {
            throw errorOf(chart.path("error"), 200, request);
        }
        JsonNode results = chart.path("result");
        if (!results.isArray() || results.isEmpty()) {
            throw new YahooException("Yahoo Finance returned no chart for " + request.label(),
                    "check the symbol on finance.yahoo.com and try again");
        }
        JsonNode result = results.get(0);
        checkMeta(result.path("meta"), request);

        JsonNode timestamps = result.path("timestamp");
        if (!timestamps.isArray() || timestamps.isEmpty()) {
            throw new YahooException("Yahoo Finance returned no bars for " + request.label()
                    + " from " + request.from() + " to " + request.to(),
                    "the symbol may not have traded then; try a longer history");
        }
        return barsOf(timestamps, result.path("indicators").path("quote").path(0), request);
    }

    /**
     * @param status the HTTP status, not 200
     * @param body the body, which may hold {@code chart.error}
     * @param request what was asked
     * @return the error to throw, one clear line
     */
    YahooException failure(int status, String body, ChartRequest request) {
        try {
            JsonNode error = mapper.readTree(body).path("chart").path("error");
            if (error.isObject()) {
                return errorOf(error, status, request);
            }
        } catch (JsonProcessingException e) {
            LOG.debug("HTTP {} body is not JSON: {}", status, e.getOriginalMessage());
        }
        return new YahooException("Yahoo Finance answered HTTP " + status + " for "
                + request.label(), "check --yahoo-url and try again later");
    }

    private JsonNode chartOf(String body, ChartRequest request) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new YahooException("Yahoo Finance sent malformed JSON for " + request.label()
                    + " (" + e.getOriginalMessage() + ")", API_CHANGED_HINT, e);
        }
        JsonNode chart = root == null ? null : root.path("chart");
        if (chart == null || !chart.isObject()) {
            throw malformed(request, "the answer has no chart object");
        }
        return chart;
    }

    private YahooException errorOf(JsonNode error, int status, ChartRequest request) {
        String code = error.path("code").asText("");
        String description = error.path("description").asText("");
        if (code.equals("Not Found")) {
            return new YahooException("unknown symbol " + request.ticker()
                    + " (Yahoo Finance: " + description + ")",
                    "check the symbol on finance.yahoo.com, for example AAPL, BRK-B or ^GSPC");
        }
        if (code.equals("Unprocessable Entity")) {
            return new YahooException("Yahoo Finance refused the range asked for "
                    + request.label() + ": " + description,
                    "hourly bars are served for the last 730 days; ask for fewer days");
        }
        return new YahooException("Yahoo Finance answered HTTP " + status + " for "
                + request.label() + ": " + code + (description.isEmpty() ? "" : ", " + description),
                "check the symbol and --yahoo-url, and try again later");
    }

    private void checkMeta(JsonNode meta, ChartRequest request) {
        String zone = meta.path("exchangeTimezoneName").asText("");
        if (!zone.isEmpty() && !zone.equals(calendar.zone().getId())) {
            throw new YahooException(request.ticker() + " trades in " + zone
                    + ", but the trading calendar follows the NYSE in " + calendar.zone().getId(),
                    "use a symbol that trades on a New York exchange");
        }
        String granularity = meta.path("dataGranularity").asText("");
        if (!granularity.isEmpty() && !granularity.equals(request.interval().code())) {
            throw malformed(request, "it sent " + granularity + " bars");
        }
        LOG.debug("Chart of {}: currency {}, last price {}, UTC offset {} s", request.label(),
                meta.path("currency").asText("?"), meta.path("regularMarketPrice").asText("?"),
                meta.path("gmtoffset").asText("?"));
    }

    private FetchedBars barsOf(JsonNode timestamps, JsonNode quote, ChartRequest request) {
        JsonNode[] columns = {column(quote, "open", timestamps, request),
            column(quote, "high", timestamps, request), column(quote, "low", timestamps, request),
            column(quote, "close", timestamps, request),
            column(quote, "volume", timestamps, request)};
        Map<Instant, Bar> bars = new TreeMap<>();
        Counts counts = new Counts();
        for (int i = 0; i < timestamps.size(); i++) {
            JsonNode stamp = timestamps.get(i);
            if (!stamp.canConvertToLong() || !stamp.isIntegralNumber()) {
                throw malformed(request, "timestamp " + stamp + " is not a whole number");
            }
            Instant start = Instant.ofEpochSecond(stamp.asLong());
            Bar bar = barAt(start, columns, i, request, counts);
            if (bar != null) {
                bars.put(start, bar);
            }
        }
        if (counts.outside > 0) {
            LOG.debug("Dropped {} bars of {} outside the range asked for", counts.outside,
                    request.label());
        }
        if (counts.invalid > 0) {
            LOG.warn("Dropped {} bars of {} that break the rules of a bar, the first: {}",
                    counts.invalid, request.label(), counts.firstInvalid);
        }
        return new FetchedBars(new ArrayList<>(bars.values()), counts.incomplete, counts.nulls,
                counts.invalid);
    }

    private Bar barAt(Instant start, JsonNode[] columns, int i, ChartRequest request,
            Counts counts) {
        if (start.isBefore(request.from()) || !start.isBefore(request.to())) {
            counts.outside++;
            return null;
        }
        if (!calendar.isBarStart(start) || !calendar.isComplete(start, request.now())) {
            counts.incomplete++;
            return null;
        }
        for (JsonNode column : columns) {
            JsonNode value = column.get(i);
            if (value == null || value.isNull()) {
                counts.nulls++;
                return null;
            }
            if (!value.isNumber()) {
                throw malformed(request, "value " + value + " at " + start + " is not a number");
            }
        }
        try {
            return new Bar(start, price(columns[0].get(i)), price(columns[1].get(i)),
                    price(columns[2].get(i)), price(columns[3].get(i)),
                    Math.round(columns[4].get(i).asDouble()));
        } catch (InvalidBarException e) {
            counts.invalid++;
            if (counts.firstInvalid == null) {
                counts.firstInvalid = e.getMessage();
            }
            return null;
        }
    }

    private static double price(JsonNode value) {
        return Double.parseDouble(Float.toString((float) value.asDouble()));
    }

    private JsonNode column(JsonNode quote, String name, JsonNode timestamps,
            ChartRequest request) {
        JsonNode column = quote.path(name);
        if (!column.isArray() || column.size() != timestamps.size()) {
            throw malformed(request, "indicators.quote[0]." + name + " does not hold one value"
                    + " per timestamp");
        }
        return column;
    }

    private static YahooException malformed(ChartRequest request, String detail) {
        return new YahooException("Yahoo Finance sent an unreadable chart for " + request.label()
                + ": " + detail, API_CHANGED_HINT);
    }

    /** What was dropped while reading one chart. */
    private static final class Counts {
        private int outside;
        private int incomplete;
        private int nulls;
        private int invalid;
        private String firstInvalid;
    }
}
