package org.caravan.simulation.corridor;

/**
 * What the reactions of one replication did (docs/SIMULATION.md, "Reactions"), post warm-up; all
 * zero (or NaN for means) when no flow re-routes, returns empties or meets a blocking yard. Arrays
 * are indexed as in the {@link Layout}; owned by this object once returned.
 *
 * @param pathUnitsPerYear delivered units per year on each path ({@code Layout.flowPath}); counted
 *     for re-routing flows only
 * @param reroutedExtra_s per re-routing flow, mean door-to-door time of its units that took an
 *     alternative minus that of its units on its own route, averaged over the flows weighted by
 *     their re-routed units (NaN if no flow has both)
 * @param unitsMovedPerYear waiting units moved to another route when a closure started or ended
 * @param reroutedUnitsPerYear per flow: units that left their own route for an alternative (at
 *     release, at a transfer or at a closure edge), delivered or not
 * @param emptiesReleasedPerYear per flow: empty units released into it per year (0 for loaded
 *     flows)
 * @param portArrivals per port: trains and groups that arrived at a blocking yard
 * @param portHeld per port: of those, how many were held because the yard was full
 * @param portHeld_s per port: seconds the held trains and groups waited, summed
 * @param portHeldUnit_s per port: unit-seconds held (a train of 42 units held 1 h is 42 unit-hours)
 */
public record ReactionResult(
    double[] pathUnitsPerYear,
    double reroutedExtra_s,
    double unitsMovedPerYear,
    double[] reroutedUnitsPerYear,
    double[] emptiesReleasedPerYear,
    long[] portArrivals,
    long[] portHeld,
    double[] portHeld_s,
    double[] portHeldUnit_s) {}
