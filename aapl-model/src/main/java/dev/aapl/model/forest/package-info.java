/**
 * The project's own random-forest regression trainer, a Tribuo {@code Trainer} that grows its
 * trees in parallel with an exact CART split search over presorted columns, and the model it
 * produces: trees kept in flat primitive arrays, impurity importances, out-of-bag error, Java
 * serialization and a small versioned binary format.
 */
package dev.aapl.model.forest;
