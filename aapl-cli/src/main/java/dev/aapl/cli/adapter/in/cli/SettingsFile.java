package dev.aapl.cli.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aapl.core.domain.AaplException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/** A flat file of settings: Java properties, or YAML when the name ends in .yaml or .yml. */
final class SettingsFile {

    private static final SettingsFile EMPTY = new SettingsFile(null, Map.of());

    private final Path path;
    private final Map<String, String> values;

    private SettingsFile(Path path, Map<String, String> values) {
        this.path = path;
        this.values = values;
    }

    static SettingsFile read(Path path) {
        if (path == null) {
            return EMPTY;
        }
        if (!Files.isRegularFile(path)) {
            throw new AaplException("settings file " + path + " does not exist",
                    "check the path given to --config");
        }
        Map<String, String> values;
        try {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            values = name.endsWith(".yaml") || name.endsWith(".yml") ? readYaml(path)
                    : readProperties(path);
        } catch (IOException | RuntimeException e) {
            throw new AaplException("settings file " + path + " cannot be read: "
                    + e.getMessage(), "use key: value (YAML) or key=value (properties) lines");
        }
        for (String key : values.keySet()) {
            if (!ModelOptions.keys().contains(key)) {
                throw new AaplException("settings file " + path + " has an unknown key '" + key
                        + "'", "known keys: " + String.join(", ", ModelOptions.keys()));
            }
        }
        return new SettingsFile(path, values);
    }

    private static Map<String, String> readProperties(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((k, v) -> values.put(k.toString().strip(), v.toString().strip()));
        return values;
    }

    private static Map<String, String> readYaml(Path path) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new IOException("the top level is not a mapping of keys to values");
        }
        root.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isArray() ? joined(value) : value.asText());
        });
        return values;
    }

    private static String joined(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.length() == 0 ? "" : ",").append(item.asText()));
        return text.toString();
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new AaplException("settings file " + path + ": '" + value
                    + "' is not a valid value for " + key, "see aapl train --help");
        }
    }

    static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }
}
