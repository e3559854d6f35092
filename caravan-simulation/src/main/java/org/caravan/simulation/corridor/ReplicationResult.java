package org.caravan.simulation.corridor;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The raw outcome of one replication, indexed as in its {@link Layout}. Figures with "post warm-up"
 * count only what happened after the warm-up; rates are per year of the measured window. Arrays are
 * owned by this object once returned; callers must not change them.
 *
 * @param unitsCreated units released over the whole run (conservation)
 * @param unitsDelivered units that reached their destination over the whole run (conservation)
 * @param unitsInside units still in the system at the end, counted by walking every queue, train
 *     and vessel
 * @param flowUnitsPerYear delivered units per year per flow (post warm-up)
 * @param legTeuPerYear TEU per year that completed each leg (post warm-up)
 * @param legTonnesPerYear tonnes per year that completed each leg (post warm-up)
 * @param flowLegCumulative_s per flow and leg position: mean time from release to the end of that
 *     leg, for units released after the warm-up (NaN if none)
 * @param flowLegMonthCumulative_s the same per calendar month of release, [flow][month][leg
 *     position] (0 = January; NaN if none)
 * @param flowTransit per-flow door-to-door time in minutes, units released after the warm-up
 * @param corridorTransit per-corridor door-to-door time in minutes
 * @param flowMonthTransit per flow and calendar month of release (0 = January), door-to-door time
 *     in minutes (two significant digits), units released after the warm-up
 * @param resourceUtilisation per resource (NaN where not meaningful)
 * @param resourceWaitUnitHoursPerYear per resource: unit-hours of waiting per year
 * @param resourceMeanWait_h per resource: mean wait per train, vessel or unit served (h)
 * @param resourceMeanQueue per resource: time-average queue (trains, vessels or units)
 * @param resourceServed per resource: trains, vessels or units served post warm-up
 * @param resourceSeasonMeanWait_h per resource and season of arrival at it ({@link
 *     org.caravan.network.Season} ordinal): mean wait per entity served (h; NaN where none)
 * @param resourceSeasonServed per resource and season of arrival: entities served
 * @param series queue-length samples, [series][sample], from time 0
 * @param events events dispatched
 * @param stormDays days per year of the measured window with at least one storm-closed port
 *     (sampled)
 * @param reactions what re-routing, empty returns and blocking yards did
 */
public record ReplicationResult(
    int replication,
    long seed,
    long unitsCreated,
    long unitsDelivered,
    long unitsInside,
    double[] flowUnitsPerYear,
    double[] legTeuPerYear,
    double[] legTonnesPerYear,
    double[][] flowLegCumulative_s,
    double[][][] flowLegMonthCumulative_s,
    Histogram[] flowTransit,
    Histogram[] corridorTransit,
    AbstractHistogram[][] flowMonthTransit,
    double[] resourceUtilisation,
    double[] resourceWaitUnitHoursPerYear,
    double[] resourceMeanWait_h,
    double[] resourceMeanQueue,
    long[] resourceServed,
    double[][] resourceSeasonMeanWait_h,
    long[][] resourceSeasonServed,
    float[][] series,
    long events,
    double stormDays,
    ReactionResult reactions) {}
