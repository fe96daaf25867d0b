package dev.aapl.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which features a model sees for an origin bar {@code t}, computed from bars {@code 0..t} only.
 * With {@code c} the closes, {@code v} the volumes and {@code r[i] = ln(c[i] / c[i-1])} the
 * one-bar log returns:
 * <ul>
 *   <li>{@code ret_lag_k}: the return {@code k - 1} bars back, {@code r[t - k + 1]}; lag 1 is
 *       the origin bar's own return;</li>
 *   <li>{@code close_vs_ma_w}: {@code c[t] / mean(c[t-w+1..t]) - 1};</li>
 *   <li>{@code vol_w}: the sample standard deviation of {@code r[t-w+1..t]};</li>
 *   <li>{@code volume_vs_ma_w}: {@code v[t] / mean(v[t-w+1..t]) - 1}, and 0 when that mean is
 *       0;</li>
 *   <li>with time features, {@code hour_of_session} (0 for the 09:30 New York bar, 6 for
 *       15:30), {@code weekday} (1 Monday to 5 Friday) and {@code bars_since_open} (how many
 *       earlier bars of the same New York date the series holds).</li>
 * </ul>
 * The lists are kept sorted, each value once.
 *
 * @param returnLags lags of the one-bar log return, each in 1..1000
 * @param movingAverageWindows windows of the close's moving average, each in 2..1000
 * @param volatilityWindows windows of the return's standard deviation, each in 2..1000
 * @param volumeWindow window of the volume's moving average, in 2..1000
 * @param timeFeatures whether the hour of the session, the weekday and the bars since the open
 *     are features
 */
public record FeatureSpec(List<Integer> returnLags, List<Integer> movingAverageWindows,
        List<Integer> volatilityWindows, int volumeWindow, boolean timeFeatures) {

    /** The largest lag or window accepted. */
    public static final int MAX_WINDOW = 1000;

    /** Prefix of every key of {@link #asParams()}. */
    public static final String PARAM_PREFIX = "feature.";

    private static final String RETURN_LAGS = PARAM_PREFIX + "return_lags";
    private static final String MOVING_AVERAGES = PARAM_PREFIX + "moving_average_windows";
    private static final String VOLATILITIES = PARAM_PREFIX + "volatility_windows";
    private static final String VOLUME_WINDOW = PARAM_PREFIX + "volume_window";
    private static final String TIME_FEATURES = PARAM_PREFIX + "time_features";

    /**
     * Validates every value and keeps sorted, unmodifiable copies of the lists.
     *
     * @throws IllegalArgumentException naming the parameter and its allowed range when a list is
     *     missing, holds a value out of range or holds a value twice
     */
    public FeatureSpec {
        returnLags = sortedCopy("return lags", returnLags, 1);
        movingAverageWindows = sortedCopy("moving average windows", movingAverageWindows, 2);
        volatilityWindows = sortedCopy("volatility windows", volatilityWindows, 2);
        if (volumeWindow < 2 || volumeWindow > MAX_WINDOW) {
            throw new IllegalArgumentException("volume window must be in 2.." + MAX_WINDOW
                    + ", was " + volumeWindow);
        }
    }

    /**
     * @return lags 1, 2, 3, 5 and 7 of the one-bar log return, moving averages over 7, 14 and 35
     *     bars (a day, two days, a week of hourly bars), volatility over 7 and 35 bars, volume
     *     over 35 bars, and the time features
     */
    public static FeatureSpec defaults() {
        return new FeatureSpec(List.of(1, 2, 3, 5, 7), List.of(7, 14, 35), List.of(7, 35), 35,
                true);
    }

    /** @return the names of the features, in the order of the values in every row */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        returnLags.forEach(lag -> names.add("ret_lag_" + lag));
        movingAverageWindows.forEach(window -> names.add("close_vs_ma_" + window));
        volatilityWindows.forEach(window -> names.add("vol_" + window));
        names.add("volume_vs_ma_" + volumeWindow);
        if (timeFeatures) {
            names.add("hour_of_session");
            names.add("weekday");
            names.add("bars_since_open");
        }
        return Collections.unmodifiableList(names);
    }

    /** @return the number of features in a row */
    public int featureCount() {
        return returnLags.size() + movingAverageWindows.size() + volatilityWindows.size() + 1
                + (timeFeatures ? 3 : 0);
    }

    /**
     * @return the smallest origin whose row is complete: every feature has the history it needs
     *     there, so the rows of the origins before it are dropped
     */
    public int warmupBars() {
        int warmup = volumeWindow - 1;
        if (!returnLags.isEmpty()) {
            warmup = Math.max(warmup, last(returnLags));
        }
        if (!movingAverageWindows.isEmpty()) {
            warmup = Math.max(warmup, last(movingAverageWindows) - 1);
        }
        if (!volatilityWindows.isEmpty()) {
            warmup = Math.max(warmup, last(volatilityWindows));
        }
        return warmup;
    }

    /**
     * @return the spec as named strings with keys starting {@code feature.}, in a stable order;
     *     lists are comma separated; {@link #fromParams} reads them back
     */
    public Map<String, String> asParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(RETURN_LAGS, join(returnLags));
        params.put(MOVING_AVERAGES, join(movingAverageWindows));
        params.put(VOLATILITIES, join(volatilityWindows));
        params.put(VOLUME_WINDOW, Integer.toString(volumeWindow));
        params.put(TIME_FEATURES, Boolean.toString(timeFeatures));
        return params;
    }

    /**
     * Reads a spec written by {@link #asParams()}; keys without the {@code feature.} prefix are
     * ignored, so a model's whole params can be passed.
     *
     * @param params the params
     * @return the spec
     * @throws IllegalArgumentException when a key is missing or a value is not what
     *     {@link #asParams()} writes or is out of range
     */
    public static FeatureSpec fromParams(Map<String, String> params) {
        return new FeatureSpec(parseList(params, RETURN_LAGS), parseList(params, MOVING_AVERAGES),
                parseList(params, VOLATILITIES), parseInt(params, VOLUME_WINDOW,
                        require(params, VOLUME_WINDOW)), parseBoolean(params, TIME_FEATURES));
    }

    private static List<Integer> sortedCopy(String name, List<Integer> values, int min) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must be given (an empty list is allowed)");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer value : values) {
            if (value == null || value < min || value > MAX_WINDOW) {
                throw new IllegalArgumentException(name + " must each be in " + min + ".."
                        + MAX_WINDOW + ", got " + value);
            }
            if (!seen.add(value)) {
                throw new IllegalArgumentException(name + " must be distinct, " + value
                        + " appears twice");
            }
        }
        List<Integer> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    private static int last(List<Integer> sorted) {
        return sorted.get(sorted.size() - 1);
    }

    private static String join(List<Integer> values) {
        StringBuilder text = new StringBuilder();
        for (Integer value : values) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(value);
        }
        return text.toString();
    }

    private static String require(Map<String, String> params, String key) {
        String value = params.get(key);
        if (value == null) {
            throw new IllegalArgumentException("feature param '" + key + "' is missing");
        }
        return value.strip();
    }

    private static List<Integer> parseList(Map<String, String> params, String key) {
        String text = require(params, key);
        List<Integer> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        for (String part : text.split(",", -1)) {
            values.add(parseInt(params, key, part.strip()));
        }
        return values;
    }

    private static int parseInt(Map<String, String> params, String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("feature param '" + key + "' must hold whole "
                    + "numbers, was '" + params.get(key) + "'", e);
        }
    }

    private static boolean parseBoolean(Map<String, String> params, String key) {
        String text = require(params, key).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("feature param '" + key
                    + "' must be true or false, was '" + params.get(key) + "'");
        }
        return Boolean.parseBoolean(text);
    }
}
