/**
 * The use cases the product offers, each an interface with the command or query it takes and
 * the result it returns. The command line and the web dashboard call these, nothing else.
 */
package dev.aapl.core.port.in;
