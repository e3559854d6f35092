package org.caravan.simulation.corridor;

/**
 * A resource ranked by its share of all waiting in the model (unit-hours, mean over replications).
 *
 * @param share fraction of the total waiting of all resources, 0..1
 */
public record Bottleneck(
    int rank,
    ResourceKind kind,
    String id,
    double waitUnitHoursPerYear,
    double share,
    double utilisation,
    double meanWait_h) {}
