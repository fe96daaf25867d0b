/**
 * The domain of the product: bars and series, the trading calendar, model settings, forecasts
 * and their metrics, model versions. Plain Java values that validate themselves; no framework.
 */
package dev.aapl.core.domain;
