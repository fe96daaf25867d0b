package dev.aapl.model.adapter.out.tribuo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.Ticker;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ModelMetadata} as JSON. Instants are ISO-8601 strings; metrics that are not finite
 * (a skill of minus infinity when the naive forecast was perfect) are written as the strings
 * {@code NaN}, {@code Infinity} and {@code -Infinity}, which plain JSON numbers cannot hold.
 */
final class MetadataJson {

    private MetadataJson() {
    }

    static String write(ModelMetadata metadata) {
        ObjectNode root = FeatureSpecJson.MAPPER.createObjectNode();
        root.put("ticker", metadata.ticker().symbol());
        root.put("interval", metadata.interval().code());
        root.put("data_source", metadata.dataSource());
        root.put("synthetic", metadata.synthetic());
        root.put("data_fingerprint", metadata.dataFingerprint());
        root.put("first_bar", metadata.firstBar().toString());
        root.put("last_bar", metadata.lastBar().toString());
        root.put("rows", metadata.rows());
        root.put("train_rows", metadata.trainRows());
        ObjectNode params = root.putObject("params");
        new TreeMap<>(metadata.params()).forEach(params::put);
        root.put("seed", metadata.seed());
        ObjectNode metrics = root.putObject("metrics");
        new TreeMap<>(metadata.metrics()).forEach((name, value) -> {
            if (Double.isFinite(value)) {
                metrics.put(name, value);
            } else {
                metrics.put(name, Double.toString(value));
            }
        });
        root.put("project_version", metadata.projectVersion());
        root.put("created_at", metadata.createdAt().toString());
        try {
            return FeatureSpecJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model metadata could not be written as JSON", e);
        }
    }

    /**
     * @param json text written by {@link #write}
     * @return the metadata
     * @throws IllegalArgumentException when the text is not JSON or a field is missing or
     *     malformed; the message says which
     */
    static ModelMetadata read(String json) {
        JsonNode root;
        try {
            root = FeatureSpecJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            return new ModelMetadata(Ticker.of(text(root, "ticker")),
                    Interval.fromCode(text(root, "interval")), text(root, "data_source"),
                    bool(root, "synthetic"), text(root, "data_fingerprint"),
                    instant(root, "first_bar"), instant(root, "last_bar"),
                    whole(root, "rows"), whole(root, "train_rows"), params(root),
                    wholeLong(root, "seed"), metrics(root), text(root, "project_version"),
                    instant(root, "created_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "a time is not ISO-8601 (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return node;
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' is not a string");
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' is not true or false");
        }
        return node.booleanValue();
    }

    private static int whole(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' is not a whole number");
        }
        return node.intValue();
    }

    private static long wholeLong(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + name + "' is not a whole number");
        }
        return node.longValue();
    }

    private static Instant instant(JsonNode root, String name) {
        return Instant.parse(text(root, name));
    }

    private static Map<String, String> params(JsonNode root) {
        JsonNode node = field(root, "params");
        if (!node.isObject()) {
            throw new IllegalArgumentException("field 'params' is not an object");
        }
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            params.put(entry.getKey(), entry.getValue().asText());
        }
        return params;
    }

    private static Map<String, Double> metrics(JsonNode root) {
        JsonNode node = field(root, "metrics");
        if (!node.isObject()) {
            throw new IllegalArgumentException("field 'metrics' is not an object");
        }
        Map<String, Double> metrics = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNumber()) {
                metrics.put(entry.getKey(), value.doubleValue());
            } else if (value.isTextual()) {
                metrics.put(entry.getKey(), nonFinite(entry.getKey(), value.textValue()));
            } else {
                throw new IllegalArgumentException("metric '" + entry.getKey()
                        + "' is not a number");
            }
        }
        return metrics;
    }

    private static double nonFinite(String name, String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("metric '" + name + "' is '" + text
                    + "', not a number");
        };
    }
}
