/**
 * What the core needs from the world, each behind one interface: bars, a trainer, model files,
 * evaluation artifacts, run tracking and the model registry. Adapters implement them.
 */
package dev.aapl.core.port.out;
