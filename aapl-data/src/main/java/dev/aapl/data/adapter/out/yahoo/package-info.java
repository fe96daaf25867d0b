/**
 * Yahoo Finance's chart API as a source of hourly bars: the HTTP client with its timeouts and
 * retries, the reading of the chart JSON, and the bar source that keeps Yahoo's bars in a store
 * and falls back to them when Yahoo cannot be reached.
 */
package dev.aapl.data.adapter.out.yahoo;
