/**
 * Hourly bars read from CSV files in the layouts that Yahoo's website and yfinance write: a plain
 * header, or yfinance's two and three header rows that name the ticker. Bad rows are reported
 * with the file and line number, or skipped and counted when asked.
 */
package dev.aapl.data.adapter.out.csv;
