package dev.aapl.model.adapter.out.tribuo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aapl.features.FeatureSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature spec as JSON, saved beside a model and logged with each run. The warm-up and the
 * feature names are written for readers; reading uses the five spec fields only.
 */
final class FeatureSpecJson {

    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FeatureSpecJson() {
    }

    static String write(FeatureSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        addAll(root.putArray("return_lags"), spec.returnLags());
        addAll(root.putArray("moving_average_windows"), spec.movingAverageWindows());
        addAll(root.putArray("volatility_windows"), spec.volatilityWindows());
        root.put("volume_window", spec.volumeWindow());
        root.put("time_features", spec.timeFeatures());
        root.put("warmup_bars", spec.warmupBars());
        ArrayNode names = root.putArray("feature_names");
        spec.featureNames().forEach(names::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feature spec could not be written as JSON", e);
        }
    }

    /**
     * @param json text written by {@link #write}
     * @return the spec
     * @throws IllegalArgumentException when the text is not JSON or a field is missing, of the
     *     wrong type or out of range; the message says which
     */
    static FeatureSpec read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new FeatureSpec(intList(root, "return_lags"),
                intList(root, "moving_average_windows"), intList(root, "volatility_windows"),
                integer(root, "volume_window"), bool(root, "time_features"));
    }

    private static void addAll(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return node;
    }

    private static List<Integer> intList(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' is not a list");
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.canConvertToInt() || !element.isIntegralNumber()) {
                throw new IllegalArgumentException("field '" + name + "' holds " + element
                        + ", not a whole number");
            }
            values.add(element.intValue());
        }
        return values;
    }

    private static int integer(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' is not a whole number");
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' is not true or false");
        }
        return node.booleanValue();
    }
}
