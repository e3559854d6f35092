/**
 * Validation and calibration against published figures: the target table ({@code
 * data/validation/targets.csv}, every usable transit time, cost, CO2e and wait of corridor-facts
 * with its range, kind and source), the router's and the simulation's value for each target and
 * each flow of the default scenario ({@link org.caravan.scenario.validation.Validator}; the
 * simulation's side read by {@link org.caravan.scenario.validation.SimulatedValue}), the generated
 * {@code docs/VALIDATION.md} ({@link org.caravan.scenario.validation.ValidationDoc}), the table of
 * simulated waits the router reads ({@link org.caravan.scenario.validation.WaitTable}, for the year
 * and, from {@link org.caravan.scenario.validation.SeasonalWaits}, for each season; read into the
 * router's arrays by {@link org.caravan.scenario.validation.WaitArrays}), the reasons a row misses
 * ({@link org.caravan.scenario.validation.MissReasons}), the percentiles both sides are compared at
 * ({@link org.caravan.scenario.validation.Percentiles}) and the fit of the estimated parameters
 * ({@link org.caravan.scenario.validation.Calibrator}).
 *
 * <p>Design: a target names an origin, a destination, a corridor and a quantity; both sides compute
 * it with the same corridor rule ({@code ModelBuilder.routeOnCorridor}), so the router and the
 * simulation are compared on the same route. For a default flow the router times the very path the
 * simulation assigned ({@code Router.along}), and reads the formation wait of the train the
 * simulation forms for that boarding node, destination and corridor: router and simulation agree by
 * construction, not by tuning. A target whose figure is a model input (a dwell or sailing time
 * taken from the same source) is marked as such and never counted as "within". Ranges are the
 * published ones; a point value is widened to ±10 % and the file says so. A figure that describes
 * the trips of one month ({@code departed}) is compared on that month's departures on both sides,
 * so it meets the dated border episodes of that month ({@code data/network/episodes.csv}) as those
 * trips did; undated figures are compared with the measured year, episodes included.
 */
package org.caravan.scenario.validation;
