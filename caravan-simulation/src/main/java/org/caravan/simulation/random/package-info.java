/**
 * Random streams split deterministically from one seed, and distributions of durations and amounts
 * (exponential, log-normal, triangular, empirical discrete, constant) whose sampling returns a primitive
 * {@code double} and allocates nothing.
 */
package org.caravan.simulation.random;
