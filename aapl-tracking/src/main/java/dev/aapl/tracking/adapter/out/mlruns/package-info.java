/**
 * Runs, metrics, params, tags, artifacts and the model registry kept in a local folder
 * ({@code mlruns/} by default) in the layout of MLflow's file store and file-based model
 * registry, so that MLflow's own client, UI and migration tools read what is written here.
 * {@link dev.aapl.tracking.adapter.out.mlruns.MlrunsTracking} is the entry point; everything
 * else is internal.
 */
package dev.aapl.tracking.adapter.out.mlruns;
