package org.caravan.simulation.corridor;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The merged outcome of all replications of one spec, folded in replication order so it does not
 * depend on thread timing.
 *
 * @param kpis every KPI with mean and 95 % CI, in layout order
 * @param perReplication KPI values by replication, [replication][kpi], in the order of {@code kpis}
 * @param replicationSeeds seed of each replication
 * @param flowTransit door-to-door minutes per flow, all replications merged
 * @param corridorTransit door-to-door minutes per corridor, merged
 * @param allTransit door-to-door minutes of every flow, merged
 * @param flowLegCumulativeMean_s per flow and leg position: mean time from release to the end of
 *     the leg
 * @param seriesMean queue samples averaged over replications, [series][sample]
 * @param bottlenecks resources by share of waiting, largest first (resources without waiting left
 *     out)
 * @param unitsCreated summed over replications; likewise delivered and inside
 */
public record CorridorResult(
    Layout layout,
    int replications,
    long seed,
    List<KpiStat> kpis,
    double[][] perReplication,
    long[] replicationSeeds,
    Histogram[] flowTransit,
    Histogram[] corridorTransit,
    Histogram allTransit,
    double[][] flowLegCumulativeMean_s,
    double[][] seriesMean,
    List<Bottleneck> bottlenecks,
    long unitsCreated,
    long unitsDelivered,
    long unitsInside,
    long events) {

  /** The KPI of the given name. */
  public java.util.Optional<KpiStat> kpi(String name) {
    return kpis.stream().filter(k -> k.name().equals(name)).findFirst();
  }
}
