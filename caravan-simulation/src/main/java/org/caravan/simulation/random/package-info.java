/**
 * Random streams split deterministically from one seed, and distributions of durations and amounts
 * (log-normal, triangular, constant; exponential draws use {@code RandomGenerator.nextExponential}
 * directly) whose sampling returns a primitive {@code double} and allocates nothing.
 */
package org.caravan.simulation.random;
