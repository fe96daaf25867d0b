/**
 * The files that let a person check a trained model: holdout forecasts as CSV, charts of the
 * forecasts and their errors drawn with JFreeChart, the feature importances and the feature
 * spec.
 */
package dev.aapl.model.adapter.out.charts;
