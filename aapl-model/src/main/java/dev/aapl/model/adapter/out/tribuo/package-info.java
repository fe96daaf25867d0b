/**
 * Random forests on Tribuo: the trainer that turns bars into a Tribuo regression dataset and
 * trains Tribuo's own forest (or a faster {@code Trainer<Regressor>} plugged in), the forecast
 * model that wraps any trained Tribuo regression model, and the model folder that saves and
 * loads it with its feature spec and metadata.
 */
package dev.aapl.model.adapter.out.tribuo;
