package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.DEMAND;
import static org.caravan.simulation.corridor.Events.YEAR_S;

import java.util.SplittableRandom;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.random.RandomStreams;

/**
 * Demand: once a day each flow releases a Poisson number of units at its origin pool, with the
 * flow's yearly volume scaled by the month's seasonality and compound growth. Each flow draws from
 * its own stream.
 */
final class Demand {
  private static final int[] MONTH_START_DOY = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365
  };

  private final EventEngine engine;
  private final CorridorSpec spec;
  private final long horizon;
  private final Formation formation;
  private final ModelStats stats;
  private final int nFlows;
  private final SplittableRandom[] rngFlow;
  private final double[] flowUnitsPerDay;
  private final double[] flowGrowth;

  Demand(
      EventEngine engine,
      CorridorSpec spec,
      RandomStreams streams,
      Formation formation,
      ModelStats stats) {
    this.engine = engine;
    this.spec = spec;
    this.horizon = spec.horizon_s();
    this.formation = formation;
    this.stats = stats;
    nFlows = spec.flows().size();
    rngFlow = new SplittableRandom[nFlows];
    flowUnitsPerDay = new double[nFlows];
    flowGrowth = new double[nFlows];
    for (int f = 0; f < nFlows; f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      rngFlow[f] = streams.stream(10 + f);
      flowUnitsPerDay[f] = fl.unitsPerYear() / 365.0;
      flowGrowth[f] = fl.growthPerYear();
    }
  }

  /** Schedules the first release of every flow with demand, staggered by an hour per flow. */
  void start() {
    for (int f = 0; f < nFlows; f++) {
      if (flowUnitsPerDay[f] > 0) {
        engine.schedule(f * 3_600L % 86_400L, DEMAND, f);
      }
    }
  }

  void onDemand(int f) {
    long now = engine.now();
    double mean =
        flowUnitsPerDay[f] * seasonFactor(now) * Math.pow(1 + flowGrowth[f], now / YEAR_S);
    int k = Draws.poisson(rngFlow[f], mean);
    if (k > 0) {
      formation.release(f, k, now);
      stats.created += k;
    }
    long next = now + 86_400L;
    if (next < horizon) {
      engine.schedule(next, DEMAND, f);
    }
  }

  private double seasonFactor(long t_s) {
    return spec.seasonality()[month0(spec.startDayOfYear(), t_s)];
  }

  /**
   * The calendar month (0 = January) of simulation time {@code t_s} for a run that starts on day
   * {@code startDayOfYear} (1..366), on a 365-day calendar: the one month rule of the model (demand
   * seasonality and the door-to-door time by month of release).
   */
  static int month0(int startDayOfYear, long t_s) {
    int doy = (int) (((startDayOfYear - 1) + t_s / 86_400L) % 365);
    int m = 0;
    while (m < 11 && doy >= MONTH_START_DOY[m + 1]) {
      m++;
    }
    return m;
  }
}
