/**
 * What the product offers its users, each use case behind one interface with its command:
 * refreshing stored bars, training, forecasting. The command line and the web adapter call
 * these; the services in {@code dev.aapl.core.service} implement them.
 */
package dev.aapl.core.port.in;
