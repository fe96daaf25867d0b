package dev.aapl.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hyperparameters of a random-forest regression, with the meaning they have in every classic
 * implementation. Each value is checked once, here, so a trainer never sees a bad one.
 *
 * @param algorithm the trainer: {@link #FAST_FOREST} or {@link #TRIBUO_CART}
 * @param trees number of trees, 1 to 10,000
 * @param maxDepth maximum depth of a tree, 1 to 64
 * @param minChildWeight minimum number of training rows in a leaf, at least 1
 * @param featureFraction fraction of the features tried at each split, in (0, 1]
 * @param bootstrap whether each tree trains on a bootstrap sample of the rows
 * @param seed seed of every random choice; the same seed and data give the same model
 * @param target what the model learns
 */
public record ModelSettings(String algorithm, int trees, int maxDepth, double minChildWeight,
        double featureFraction, boolean bootstrap, long seed, TargetKind target) {

    /** The project's own multi-threaded forest, the default trainer. */
    public static final String FAST_FOREST = "forest";
    /** Tribuo's {@code RandomForestTrainer} over {@code CARTRegressionTrainer}, the reference. */
    public static final String TRIBUO_CART = "tribuo-cart";
    /** Default number of trees. */
    public static final int DEFAULT_TREES = 100;
    /** Default maximum depth. */
    public static final int DEFAULT_MAX_DEPTH = 8;
    /** Default minimum rows in a leaf. */
    public static final double DEFAULT_MIN_CHILD_WEIGHT = 20;
    /** Default fraction of features tried per split. */
    public static final double DEFAULT_FEATURE_FRACTION = 0.5;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** @throws IllegalArgumentException naming the parameter and its allowed range */
    public ModelSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(target, "target");
        if (!algorithm.equals(FAST_FOREST) && !algorithm.equals(TRIBUO_CART)) {
            throw new IllegalArgumentException("algorithm must be " + FAST_FOREST + " or "
                    + TRIBUO_CART + ", was '" + algorithm + "'");
        }
        if (trees < 1 || trees > 10_000) {
            throw new IllegalArgumentException("trees must be in 1..10000, was " + trees);
        }
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("max depth must be in 1..64, was " + maxDepth);
        }
        if (!(minChildWeight >= 1) || !Double.isFinite(minChildWeight)) {
            throw new IllegalArgumentException(
                    "min child weight must be at least 1, was " + minChildWeight);
        }
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException(
                    "feature fraction must be in (0, 1], was " + featureFraction);
        }
    }

    /** @return the defaults: 100 trees of depth 8, 20 rows per leaf, half the features, seed 42 */
    public static ModelSettings defaults() {
        return new ModelSettings(FAST_FOREST, DEFAULT_TREES, DEFAULT_MAX_DEPTH,
                DEFAULT_MIN_CHILD_WEIGHT, DEFAULT_FEATURE_FRACTION, true, DEFAULT_SEED,
                TargetKind.RETURN);
    }

    /** @param value the trainer @return a copy with it */
    public ModelSettings withAlgorithm(String value) {
        return new ModelSettings(value, trees, maxDepth, minChildWeight, featureFraction,
                bootstrap, seed, target);
    }

    /** @param value number of trees @return a copy with it */
    public ModelSettings withTrees(int value) {
        return new ModelSettings(algorithm, value, maxDepth, minChildWeight, featureFraction,
                bootstrap, seed, target);
    }

    /** @param value maximum depth @return a copy with it */
    public ModelSettings withMaxDepth(int value) {
        return new ModelSettings(algorithm, trees, value, minChildWeight, featureFraction,
                bootstrap, seed, target);
    }

    /** @param value minimum rows in a leaf @return a copy with it */
    public ModelSettings withMinChildWeight(double value) {
        return new ModelSettings(algorithm, trees, maxDepth, value, featureFraction, bootstrap,
                seed, target);
    }

    /** @param value fraction of features per split @return a copy with it */
    public ModelSettings withFeatureFraction(double value) {
        return new ModelSettings(algorithm, trees, maxDepth, minChildWeight, value, bootstrap,
                seed, target);
    }

    /** @param value whether to bootstrap @return a copy with it */
    public ModelSettings withBootstrap(boolean value) {
        return new ModelSettings(algorithm, trees, maxDepth, minChildWeight, featureFraction,
                value, seed, target);
    }

    /** @param value the seed @return a copy with it */
    public ModelSettings withSeed(long value) {
        return new ModelSettings(algorithm, trees, maxDepth, minChildWeight, featureFraction,
                bootstrap, value, target);
    }

    /** @param value the target @return a copy with it */
    public ModelSettings withTarget(TargetKind value) {
        return new ModelSettings(algorithm, trees, maxDepth, minChildWeight, featureFraction,
                bootstrap, seed, value);
    }

    /** @return the settings as named strings, in a stable order, for params and metadata */
    public Map<String, String> asParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("algorithm", algorithm);
        params.put("trees", Integer.toString(trees));
        params.put("max_depth", Integer.toString(maxDepth));
        params.put("min_child_weight", Double.toString(minChildWeight));
        params.put("feature_fraction", Double.toString(featureFraction));
        params.put("bootstrap", Boolean.toString(bootstrap));
        params.put("seed", Long.toString(seed));
        params.put("target", target.code());
        return params;
    }
}
