/**
 * A deterministic synthetic bar source: AAPL-like hourly bars on the NYSE calendar, generated
 * from a seed, for demos, tests and machines without internet. Its series say they are
 * synthetic.
 */
package dev.aapl.data.adapter.out.sample;
