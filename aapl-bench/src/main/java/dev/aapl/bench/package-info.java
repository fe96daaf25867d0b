/**
 * Benchmarks of the forecasting model: JMH benchmarks of training, forecasting and feature
 * building, and {@link dev.aapl.bench.ForestBench}, a command that trains the project's fast
 * forest and Tribuo's forest on the same rows and prints their figures side by side. Built only
 * with the Maven profile {@code bench}; nothing in the product depends on it.
 */
package dev.aapl.bench;
