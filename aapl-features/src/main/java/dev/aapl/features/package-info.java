/**
 * Leak-free feature engineering over a bar series: the {@link dev.aapl.features.FeatureSpec}
 * that says which features a model sees, the {@link dev.aapl.features.FeatureBuilder} that turns
 * bars into rows of those features, and the {@link dev.aapl.features.Targets} a model learns.
 * The features of an origin bar depend on that bar and the bars before it, never on a later one.
 * Plain Java over core's domain values: no I/O, no framework, no logging.
 */
package dev.aapl.features;
