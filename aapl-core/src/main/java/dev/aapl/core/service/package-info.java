/**
 * The implementations of the use cases: plain classes that take their out-ports in the
 * constructor and hold the product's rules, with no framework and no logging.
 */
package dev.aapl.core.service;
