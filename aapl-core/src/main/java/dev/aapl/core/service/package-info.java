/**
 * The use cases implemented over the out-ports: training with promotion, walk-forward
 * backtests, forecasts with the champion and the management of model versions.
 */
package dev.aapl.core.service;
