/**
 * MongoDB through the synchronous driver: a store of fetched bars (one document per bar, a
 * unique index on ticker, interval and start) and a source reading bars another system wrote,
 * with its own field names. Connection strings are masked wherever they are shown.
 */
package dev.aapl.data.adapter.out.mongo;
