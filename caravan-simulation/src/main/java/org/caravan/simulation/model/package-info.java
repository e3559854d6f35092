/**
 * Simulation models built on the engine. {@link org.caravan.simulation.model.MmcModel} is the M/M/c
 * reference model: it validates the engine against the exact Erlang C wait and is the benchmark
 * against SimPy.
 */
package org.caravan.simulation.model;
