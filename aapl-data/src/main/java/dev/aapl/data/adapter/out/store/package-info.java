/**
 * Stores of fetched bars in local files, one CSV file per ticker and interval, written
 * atomically; and the factory that picks the file store or MongoDB from a location.
 */
package dev.aapl.data.adapter.out.store;
