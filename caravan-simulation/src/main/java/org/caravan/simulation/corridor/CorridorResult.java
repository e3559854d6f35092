package org.caravan.simulation.corridor;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.caravan.network.Season;

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
 * @param flowMonthTransit door-to-door minutes per flow and calendar month of release (0 = January,
 *     on the model's 365-day calendar from {@link CorridorSpec#startDayOfYear}), units released
 *     after the warm-up, two significant digits, merged; read with {@link #flowMedianDays}
 * @param flowLegCumulativeMean_s per flow and leg position: mean time from release to the end of
 *     the leg
 * @param flowLegMonthCumulativeMean_s the same per calendar month of release, [flow][month][leg
 *     position] (0 = January, the calendar of {@code flowMonthTransit}; NaN where no unit)
 * @param resourceSeasonMeanWait_h per resource and season of arrival at it ({@link Season}
 *     ordinal): mean wait per entity served, all replications pooled (h; NaN where none); read with
 *     {@link #seasonMeanWait_h}
 * @param resourceSeasonServed per resource and season of arrival: entities served, summed over
 *     replications
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
    AbstractHistogram[][] flowMonthTransit,
    double[][] flowLegCumulativeMean_s,
    double[][][] flowLegMonthCumulativeMean_s,
    double[][] resourceSeasonMeanWait_h,
    long[][] resourceSeasonServed,
    double[][] seriesMean,
    List<Bottleneck> bottlenecks,
    long unitsCreated,
    long unitsDelivered,
    long unitsInside,
    long events) {

  /**
   * The mean wait per entity served at the resource whose KPIs are named {@code resourcePrefix}
   * (e.g. {@code resource.border.KZ-DOSTYK}) for entities that arrived in {@code season}; empty
   * when the resource is unknown or served none then.
   */
  public OptionalDouble seasonMeanWait_h(String resourcePrefix, Season season) {
    int r = resourceIndex(resourcePrefix);
    if (r < 0 || resourceSeasonServed[r][season.ordinal()] == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(resourceSeasonMeanWait_h[r][season.ordinal()]);
  }

  /**
   * Entities (trains, vessels or units) served at the resource named {@code resourcePrefix} that
   * arrived in {@code season}, summed over replications (0 when unknown).
   */
  public long seasonServed(String resourcePrefix, Season season) {
    int r = resourceIndex(resourcePrefix);
    return r < 0 ? 0 : resourceSeasonServed[r][season.ordinal()];
  }

  private int resourceIndex(String resourcePrefix) {
    for (int r = 0; r < layout.resources.size(); r++) {
      if (KpiCatalogue.resourcePrefix(layout.resources.get(r)).equals(resourcePrefix)) {
        return r;
      }
    }
    return -1;
  }

  /** The KPI of the given name. */
  public Optional<KpiStat> kpi(String name) {
    return kpis.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /**
   * The median door-to-door time, in days, of flow {@code flow}'s units released in any of the
   * calendar months {@code months0to11} (0 = January; none named = every month), all replications
   * merged; empty when no such unit was delivered.
   */
  public OptionalDouble flowMedianDays(int flow, int... months0to11) {
    return flowPercentileDays(flow, 50, months0to11);
  }

  /**
   * The {@code percentile} (0..100) of the door-to-door time, in days, of flow {@code flow}'s units
   * released in any of the calendar months {@code months0to11} (none named = every month); empty
   * when no such unit was delivered.
   */
  public OptionalDouble flowPercentileDays(int flow, double percentile, int... months0to11) {
    AbstractHistogram h = CorridorModel.newMonthHistogram();
    if (months0to11.length == 0) {
      for (AbstractHistogram m : flowMonthTransit[flow]) {
        h.add(m);
      }
    }
    for (int m : months0to11) {
      if (m < 0 || m > 11) {
        throw new IllegalArgumentException("month must be 0..11, got " + m);
      }
      h.add(flowMonthTransit[flow][m]);
    }
    return h.getTotalCount() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(h.getValueAtPercentile(percentile) / 1440.0);
  }
}
