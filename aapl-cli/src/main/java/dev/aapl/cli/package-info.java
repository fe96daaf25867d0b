/**
 * The composition root: the entry point of the runnable jar and the wiring of adapters into
 * the core's services, chosen by the command-line options.
 */
package dev.aapl.cli;
