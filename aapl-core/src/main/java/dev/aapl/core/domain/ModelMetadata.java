package dev.aapl.core.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is known of a trained model: the data it saw, how it was trained and how it scored.
 * Saved beside every model file.
 *
 * @param ticker the symbol
 * @param interval the bar length
 * @param dataSource where the bars came from
 * @param synthetic whether the bars were generated
 * @param dataFingerprint SHA-256 of the bars the model was trained and scored on
 * @param firstBar start of the first bar used
 * @param lastBar start of the last bar used
 * @param rows number of bars used
 * @param trainRows number of training rows after features were built
 * @param params the model's params: algorithm, hyperparameters, feature spec
 * @param seed the seed
 * @param metrics holdout metrics by name
 * @param projectVersion version of this product that trained the model
 * @param createdAt when the model was trained
 */
public record ModelMetadata(Ticker ticker, Interval interval, String dataSource,
        boolean synthetic, String dataFingerprint, Instant firstBar, Instant lastBar, int rows,
        int trainRows, Map<String, String> params, long seed, Map<String, Double> metrics,
        String projectVersion, Instant createdAt) {

    /** Copies the maps, keeping their order, and checks that nothing is missing. */
    public ModelMetadata {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        Objects.requireNonNull(firstBar, "firstBar");
        Objects.requireNonNull(lastBar, "lastBar");
        Objects.requireNonNull(projectVersion, "projectVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
