/**
 * The use cases implemented over the out-ports: training with promotion, walk-forward
 * backtests, forecasts with the champion, the management of model versions and the refresh
 * of stored bars from a remote source.
 */
package dev.aapl.core.service;
