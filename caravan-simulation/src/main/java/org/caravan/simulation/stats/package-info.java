/**
 * Output analysis: time-weighted averages of piecewise-constant quantities (queue lengths, busy
 * servers) and confidence intervals for steady-state means by non-overlapping batch means with
 * Student-t quantiles.
 */
package org.caravan.simulation.stats;
