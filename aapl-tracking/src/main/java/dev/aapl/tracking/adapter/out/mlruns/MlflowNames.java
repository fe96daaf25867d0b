package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import java.io.File;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naming rules MLflow enforces on keys, experiment, model and alias names, and the lengths
 * it accepts. Keys become file paths ({@code a/b} is a sub-folder), so a key that would resolve
 * to another path is refused, as MLflow refuses it.
 */
final class MlflowNames {

    static final int MAX_KEY_LENGTH = 250;
    static final int MAX_PARAM_VALUE_LENGTH = 6000;
    static final int MAX_TAG_VALUE_LENGTH = 8000;
    static final int MAX_VERSION_TAG_VALUE_LENGTH = 100_000;
    static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    static final int MAX_ALIAS_LENGTH = 255;

    // MLflow refuses the colon on Windows, where it cannot be part of a file name.
    private static final boolean WINDOWS = File.separatorChar == '\\';
    private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");

    private MlflowNames() {
    }

    /**
     * @param kind what the key names, for the message: {@code metric}, {@code param}, {@code tag}
     * @param key the key to check
     * @throws AaplException when MLflow would refuse the key
     */
    static void checkKey(String kind, String key) {
        if (key == null || key.isEmpty()) {
            throw invalid(kind + " name is empty", "give every " + kind + " a name");
        }
        if (!key.codePoints().allMatch(c -> isWordChar(c) || "/.- ".indexOf(c) >= 0
                || (c == ':' && !WINDOWS))) {
            throw invalid("invalid " + kind + " name '" + key + "'",
                    "names may only contain letters, digits, '_', '-', '.', ' ', '/'"
                    + (WINDOWS ? "" : " and ':'"));
        }
        if (!isUniquePath(key)) {
            throw invalid("invalid " + kind + " name '" + key + "': it would resolve to another"
                    + " path", "use '/' only between non-empty parts and no '.' or '..' parts");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid(kind + " name '" + key.substring(0, 40) + "...' is longer than "
                    + MAX_KEY_LENGTH + " characters", "shorten it");
        }
    }

    /**
     * @param kind what the values are, for the message
     * @param entries keys and values to check
     * @param maxValueLength the longest value MLflow accepts for this kind
     * @throws AaplException when a key or a value would be refused by MLflow
     */
    static void checkEntries(String kind, Map<String, String> entries, int maxValueLength) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            checkKey(kind, entry.getKey());
            checkValue(kind, entry.getKey(), entry.getValue(), maxValueLength);
        }
    }

    /**
     * @param kind what the value is, for the message
     * @param key its key
     * @param value the value
     * @param maxLength the longest value MLflow accepts for this kind
     * @throws AaplException when the value is missing or too long
     */
    static void checkValue(String kind, String key, String value, int maxLength) {
        if (value == null) {
            throw invalid(kind + " '" + key + "' has no value", "give it a value, even empty");
        }
        if (value.length() > maxLength) {
            throw invalid(kind + " '" + key + "' is " + value.length()
                    + " characters long, more than the " + maxLength + " MLflow accepts",
                    "shorten it or log it as an artifact instead");
        }
    }

    /**
     * @param name an experiment name
     * @throws AaplException when MLflow would refuse it
     */
    static void checkExperimentName(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("experiment name is empty", "name the experiment, e.g. aapl-1h");
        }
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw invalid("experiment name is longer than " + MAX_EXPERIMENT_NAME_LENGTH
                    + " characters", "shorten it");
        }
    }

    /**
     * @param name a registered model's name
     * @throws AaplException when MLflow would refuse it
     */
    static void checkModelName(String name) {
        if (name == null || name.isBlank()) {
            throw invalid("model name is empty", "name the model, e.g. aapl-1h-rf");
        }
        if (name.contains("/") || name.contains(":")) {
            throw invalid("invalid model name '" + name + "'",
                    "model names cannot contain '/' or ':'");
        }
        if (!isUniquePath(name)) {
            throw invalid("invalid model name '" + name + "'",
                    "model names cannot be '.' or start with '..'");
        }
    }

    /**
     * @param alias an alias of a registered model
     * @throws AaplException when MLflow would refuse it or keeps it for itself
     */
    static void checkAlias(String alias) {
        if (alias == null || alias.isEmpty()
                || !alias.codePoints().allMatch(c -> isWordChar(c) || c == '-')
                || alias.length() > MAX_ALIAS_LENGTH) {
            throw invalid("invalid alias '" + alias + "'",
                    "aliases may only contain letters, digits, '_' and '-'");
        }
        if (alias.equalsIgnoreCase("latest") || VERSION_ALIAS.matcher(alias).matches()) {
            throw invalid("alias '" + alias + "' is reserved by MLflow", "choose another name");
        }
    }

    /**
     * Mirrors MLflow's rule that a name, read as a POSIX path, must normalize to itself.
     *
     * @param name the name
     * @return whether the name is its own normal path and stays below the folder it is put in
     */
    static boolean isUniquePath(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("..")
                || name.endsWith("/")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Python's {@code \\w}, which MLflow's patterns use: a letter or number of any script, or
     * an underscore. Java's {@code \\w} differs on numbers such as superscripts.
     */
    private static boolean isWordChar(int c) {
        int type = Character.getType(c);
        return c == '_' || Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static AaplException invalid(String message, String hint) {
        return new AaplException(message, hint);
    }
}
