package org.caravan.simulation.corridor;

/**
 * One KPI over the replications: mean and the half-width of its 95 % confidence interval (Student t
 * with {@code n - 1} degrees of freedom over independent replications). NaN replication values (a
 * percentile of an empty histogram) are skipped; {@code n} counts the rest.
 */
public record KpiStat(
    String name,
    String unit,
    double mean,
    double halfWidth95,
    double sd,
    double min,
    double max,
    int n) {}
