package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.SAMPLE;
import static org.caravan.simulation.corridor.Events.YEAR_S;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.caravan.network.Season;
import org.caravan.simulation.engine.EventEngine;

/**
 * The statistics of one replication, counted after the warm-up unless said: deliveries and tonnage
 * per flow and leg, cumulative time per flow and leg, door-to-door histograms per flow and corridor
 * and per flow and calendar month of release, waiting per resource (unit-seconds and per served
 * entity), busy and queue areas snapshotted at the warm-up, and the queue-length series. {@link
 * #result} folds them into a {@link ReplicationResult}.
 */
final class ModelStats {
  private static final double MINUTE_S = 60;
  static final long HIST_MAX_MINUTES = 60L * 24 * 365 * 10;

  private final EventEngine engine;
  private final Layout layout;
  private final CorridorSpec spec;
  private final int replication;
  private final long seed;
  private final long horizon;
  private final long warmup;

  long created;
  private long deliveredAll;
  private final int nFlows;
  private final int[] flowCorridor;
  private final long[] flowDelivered;
  private final double[] legDoneTeu;
  private final double[] legDoneTonnes;
  private final double[] flowTeu;
  private final double[] flowTonnes;
  private final double[][] flowLegCumSum_s;
  private final long[][] flowLegCumCount;
  private final double[][][] flowLegMonthSum_s; // [flow][month of release][leg position]
  private final long[][][] flowLegMonthCount;
  private final Histogram[] flowHist;
  private final Histogram[] corridorHist;
  private final AbstractHistogram[][] flowMonthHist;
  private final int startDayOfYear;
  private final int nRes;
  private final double[] resWait_s; // unit-seconds
  private final double[] resWaitEntity_s; // per served entity, seconds summed
  private final long[] resServed;
  private final double[][] resSeasonWaitEntity_s; // [resource][season of arrival], seconds summed
  private final long[][] resSeasonServed; // [resource][season of arrival]
  private final double[] busyAreaAtWarmup;
  private final double[] queueAreaAtWarmup;
  private final float[][] series;
  private int sampleIndex;

  // Reactions (ReactionResult): re-routing, empty returns, blocking yards.
  private final long[] pathDelivered;
  private final double[] reroutedSum_s;
  private final long[] reroutedCount;
  private final double[] keptSum_s;
  private final long[] keptCount;
  private long unitsMoved;
  private final long[] reroutedUnits;
  private final long[] emptiesReleased;
  final long[] portArrivals;
  final long[] portHeld;
  final double[] portHeld_s;
  final double[] portHeldUnit_s;

  ModelStats(EventEngine engine, Layout layout, int replication, long seed) {
    this.engine = engine;
    this.layout = layout;
    this.spec = layout.spec;
    this.replication = replication;
    this.seed = seed;
    this.horizon = spec.horizon_s();
    this.warmup = spec.warmup_s();
    nFlows = spec.flows().size();
    int nLegs = spec.legs().size();
    flowCorridor = layout.flowCorridor;
    flowDelivered = new long[nFlows];
    legDoneTeu = new double[nLegs];
    legDoneTonnes = new double[nLegs];
    flowTeu = new double[nFlows];
    flowTonnes = new double[nFlows];
    flowLegCumSum_s = new double[nFlows][];
    flowLegCumCount = new long[nFlows][];
    flowLegMonthSum_s = new double[nFlows][12][];
    flowLegMonthCount = new long[nFlows][12][];
    flowHist = new Histogram[nFlows];
    flowMonthHist = new AbstractHistogram[nFlows][12];
    startDayOfYear = spec.startDayOfYear();
    for (int f = 0; f < nFlows; f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      flowTeu[f] = fl.teuPerUnit();
      flowTonnes[f] = fl.tonnesPerUnit();
      flowLegCumSum_s[f] = new double[fl.legs().length];
      flowLegCumCount[f] = new long[fl.legs().length];
      for (int m = 0; m < 12; m++) {
        flowLegMonthSum_s[f][m] = new double[fl.legs().length];
        flowLegMonthCount[f][m] = new long[fl.legs().length];
      }
      flowHist[f] = CorridorModel.newHistogram();
      for (int m = 0; m < 12; m++) {
        flowMonthHist[f][m] = CorridorModel.newMonthHistogram();
      }
    }
    corridorHist = new Histogram[layout.corridors.size()];
    for (int c = 0; c < corridorHist.length; c++) {
      corridorHist[c] = CorridorModel.newHistogram();
    }
    nRes = layout.resources.size();
    resWait_s = new double[nRes];
    resWaitEntity_s = new double[nRes];
    resServed = new long[nRes];
    resSeasonWaitEntity_s = new double[nRes][Season.values().length];
    resSeasonServed = new long[nRes][Season.values().length];
    busyAreaAtWarmup = new double[nRes];
    queueAreaAtWarmup = new double[nRes];
    series = new float[layout.seriesNames.size()][layout.samples];
    pathDelivered = new long[layout.pathLegs.length];
    emptiesReleased = new long[nFlows];
    reroutedUnits = new long[nFlows];
    reroutedSum_s = new double[nFlows];
    reroutedCount = new long[nFlows];
    keptSum_s = new double[nFlows];
    keptCount = new long[nFlows];
    int nPorts = spec.ports().size();
    portArrivals = new long[nPorts];
    portHeld = new long[nPorts];
    portHeld_s = new double[nPorts];
    portHeldUnit_s = new double[nPorts];
  }

  /** Schedules the first queue-length sample when the layout asks for series. */
  void start() {
    if (layout.samples > 0) {
      engine.schedule(0, 1, SAMPLE, 0);
    }
  }

  /**
   * Books one service at resource {@code r} after a wait, weighted by the units the entity carries.
   */
  void recordWait(int r, long wait, int units) {
    resWait_s[r] += (double) wait * units;
    resWaitEntity_s[r] += wait;
    resServed[r]++;
    bySeason(r, wait);
  }

  /** The wait also goes to the season in which the entity arrived at the resource. */
  private void bySeason(int r, long wait) {
    int season = Season.ofMonth(Demand.month0(startDayOfYear, engine.now() - wait)).ordinal();
    resSeasonWaitEntity_s[r][season] += wait;
    resSeasonServed[r][season]++;
  }

  /** Books one unit's wait at resource {@code r} (a formation pool or a yard). */
  void recordUnitWait(int r, long wait) {
    resWait_s[r] += wait;
    resWaitEntity_s[r] += wait;
    resServed[r]++;
    bySeason(r, wait);
  }

  /** A unit of flow {@code f} finished leg {@code leg} after the warm-up. */
  void legDone(int leg, int f) {
    legDoneTeu[leg] += flowTeu[f];
    legDoneTonnes[leg] += flowTonnes[f];
  }

  /**
   * A unit released after the warm-up finished leg {@code pos} of its flow {@code elapsed} s after
   * release.
   */
  void legCumulative(int f, int pos, long elapsed) {
    flowLegCumSum_s[f][pos] += elapsed;
    flowLegCumCount[f][pos]++;
    int m = Demand.month0(startDayOfYear, engine.now() - elapsed);
    flowLegMonthSum_s[f][m][pos] += elapsed;
    flowLegMonthCount[f][m][pos]++;
  }

  /**
   * A unit of flow {@code f} released at {@code release} reached its destination at {@code now}:
   * its door-to-door time goes to the flow's, its corridor's and its month of release's histogram.
   */
  void delivered(int f, long now, long release) {
    deliveredAll++;
    if (now >= warmup) {
      flowDelivered[f]++;
    }
    if (release >= warmup) {
      long minutes = Math.max(1, Math.round((now - release) / MINUTE_S));
      flowHist[f].recordValue(Math.min(minutes, HIST_MAX_MINUTES));
      corridorHist[flowCorridor[f]].recordValue(Math.min(minutes, HIST_MAX_MINUTES));
      flowMonthHist[f][Demand.month0(startDayOfYear, release)].recordValue(
          Math.min(minutes, HIST_MAX_MINUTES));
    }
  }

  /**
   * A unit of a re-routing flow {@code f} on {@code path} (its own route when {@code path == f})
   * was delivered.
   */
  void reroutableDelivered(int f, int path, long now, long release) {
    if (now >= warmup) {
      pathDelivered[path]++;
    }
    if (release >= warmup) {
      if (path == f) {
        keptSum_s[f] += now - release;
        keptCount[f]++;
      } else {
        reroutedSum_s[f] += now - release;
        reroutedCount[f]++;
      }
    }
  }

  /** {@code n} units of flow {@code f} left their own route for an alternative. */
  void rerouted(int f, int n) {
    if (engine.now() >= warmup) {
      reroutedUnits[f] += n;
    }
  }

  /** Units moved to another route at a closure edge. */
  void rerouteMoved(int n) {
    if (engine.now() >= warmup) {
      unitsMoved += n;
    }
  }

  /** {@code n} empty units were released into flow {@code f}. */
  void emptiesReleased(int f, int n) {
    created += n;
    if (engine.now() >= warmup) {
      emptiesReleased[f] += n;
    }
  }

  /**
   * A train or group of {@code units} reached the blocking yard of {@code port}; {@code held_s}
   * after its arrival it was let in (0 when there was room).
   */
  void yardArrival(int port, long arrived, long held_s, int units) {
    if (arrived >= warmup) {
      portArrivals[port]++;
      if (held_s > 0) {
        portHeld[port]++;
        portHeld_s[port] += held_s;
        portHeldUnit_s[port] += (double) held_s * units;
      }
    }
  }

  /** Samples the queue lengths of the border gates, yards and berths. */
  void onSample(Borders borders, Crossings crossings) {
    if (sampleIndex < layout.samples) {
      int s = 0;
      for (int g : layout.borderSeriesGate) {
        series[s++][sampleIndex] = borders.gateRes[g].queueLength();
      }
      for (int p = 0; p < crossings.yardUnits.length; p++) {
        series[s++][sampleIndex] = crossings.yardUnits[p];
      }
      for (int p = 0; p < crossings.berth.length; p++) {
        series[s++][sampleIndex] = crossings.berth[p].queueLength();
      }
      sampleIndex++;
    }
    long next = engine.now() + spec.sampleInterval_s();
    if (next <= horizon) {
      engine.schedule(next, 1, SAMPLE, 0);
    }
  }

  /** Remembers each resource's busy and queue areas so far: the result counts from here. */
  void onWarmup(Borders borders, Crossings crossings) {
    for (int r = 0; r < nRes; r++) {
      busyAreaAtWarmup[r] = busyArea(r, borders, crossings);
      queueAreaAtWarmup[r] = queueArea(r, borders, crossings);
    }
  }

  private double busyArea(int r, Borders borders, Crossings crossings) {
    Layout.ResourceRef ref = layout.resources.get(r);
    long now = engine.now();
    return switch (ref.kind()) {
      case SECTION, BORDER -> borders.gateRes[ref.index()].utilisation() * now;
      case BERTH ->
          crossings.berth[ref.index()].utilisation()
              * crossings.berth[ref.index()].capacity()
              * (double) now;
      case YARD -> crossings.yardStat[crossings.xFrom[ref.index()]].mean(now) * now;
      case FLEET -> crossings.xBusy[ref.index()].mean(now) * now;
      case FORMATION, MARSHALLING -> 0;
    };
  }

  private double queueArea(int r, Borders borders, Crossings crossings) {
    Layout.ResourceRef ref = layout.resources.get(r);
    long now = engine.now();
    return switch (ref.kind()) {
      case SECTION, BORDER -> borders.gateRes[ref.index()].meanQueueLength() * now;
      case BERTH -> crossings.berth[ref.index()].meanQueueLength() * now;
      case YARD -> crossings.yardStat[crossings.xFrom[ref.index()]].mean(now) * now;
      case FORMATION, FLEET, MARSHALLING -> 0;
    };
  }

  /**
   * The replication's result at the end of the run. The parts are passed in rather than held: the
   * statistics are written by every part during the run and read the parts' own state only here,
   * when sampling and at the warm-up.
   */
  ReplicationResult result(
      Formation formation, Borders borders, Crossings crossings, Disruptions disruptions) {
    long now = engine.now();
    double span = now - warmup;
    double years = span / YEAR_S;
    double[] flowRate = new double[nFlows];
    for (int f = 0; f < nFlows; f++) {
      flowRate[f] = flowDelivered[f] / years;
    }
    int nLegs = legDoneTeu.length;
    double[] legTeu = new double[nLegs];
    double[] legTonnes = new double[nLegs];
    for (int l = 0; l < nLegs; l++) {
      legTeu[l] = legDoneTeu[l] / years;
      legTonnes[l] = legDoneTonnes[l] / years;
    }
    double[][] cum = new double[nFlows][];
    for (int f = 0; f < nFlows; f++) {
      cum[f] = new double[flowLegCumCount[f].length];
      for (int k = 0; k < cum[f].length; k++) {
        cum[f][k] =
            flowLegCumCount[f][k] == 0 ? Double.NaN : flowLegCumSum_s[f][k] / flowLegCumCount[f][k];
      }
    }
    double[][][] cumMonth = new double[nFlows][12][];
    for (int f = 0; f < nFlows; f++) {
      for (int m = 0; m < 12; m++) {
        long[] n = flowLegMonthCount[f][m];
        cumMonth[f][m] = new double[n.length];
        for (int k = 0; k < n.length; k++) {
          cumMonth[f][m][k] = n[k] == 0 ? Double.NaN : flowLegMonthSum_s[f][m][k] / n[k];
        }
      }
    }
    double[] util = new double[nRes];
    double[] wait = new double[nRes];
    double[] meanWait = new double[nRes];
    double[] meanQueue = new double[nRes];
    double[][] seasonWait = new double[nRes][];
    long[][] seasonServed = new long[nRes][];
    for (int r = 0; r < nRes; r++) {
      seasonServed[r] = resSeasonServed[r].clone();
      seasonWait[r] = new double[seasonServed[r].length];
      for (int k = 0; k < seasonWait[r].length; k++) {
        seasonWait[r][k] =
            seasonServed[r][k] == 0
                ? Double.NaN
                : resSeasonWaitEntity_s[r][k] / 3600.0 / seasonServed[r][k];
      }
      Layout.ResourceRef ref = layout.resources.get(r);
      double busy = (busyArea(r, borders, crossings) - busyAreaAtWarmup[r]) / span;
      util[r] =
          switch (ref.kind()) {
            case SECTION, BORDER -> busy;
            case BERTH -> busy / crossings.berth[ref.index()].capacity();
            case YARD ->
                busy
                    / Math.max(
                        1, spec.ports().get(crossings.xFrom[ref.index()]).yardCapacity_units());
            case FLEET -> busy / spec.crossings().get(ref.index()).fleet();
            case FORMATION, MARSHALLING -> Double.NaN;
          };
      wait[r] = resWait_s[r] / 3600.0 / years;
      meanWait[r] = resServed[r] == 0 ? 0 : resWaitEntity_s[r] / 3600.0 / resServed[r];
      meanQueue[r] = (queueArea(r, borders, crossings) - queueAreaAtWarmup[r]) / span;
      if (ref.kind() == ResourceKind.FORMATION || ref.kind() == ResourceKind.MARSHALLING) {
        meanQueue[r] = resWait_s[r] / span;
      }
    }
    return new ReplicationResult(
        replication,
        seed,
        created,
        deliveredAll,
        countInside(formation, crossings),
        flowRate,
        legTeu,
        legTonnes,
        cum,
        cumMonth,
        flowHist,
        corridorHist,
        flowMonthHist,
        util,
        wait,
        meanWait,
        meanQueue,
        resServed.clone(),
        seasonWait,
        seasonServed,
        series,
        engine.dispatched(),
        disruptions.stormDaysPerYear(),
        reactions(years));
  }

  private ReactionResult reactions(double years) {
    double[] path = new double[pathDelivered.length];
    for (int p = 0; p < path.length; p++) {
      path[p] = pathDelivered[p] / years;
    }
    double[] empties = new double[nFlows];
    double[] rerouted = new double[nFlows];
    for (int f = 0; f < nFlows; f++) {
      empties[f] = emptiesReleased[f] / years;
      rerouted[f] = reroutedUnits[f] / years;
    }
    // Extra time per flow (its re-routed units against its own-route units), weighted by the flows'
    // re-routed deliveries, so a mix of short and long flows does not pass for extra time.
    double extra = 0;
    long weight = 0;
    for (int f = 0; f < nFlows; f++) {
      if (reroutedCount[f] > 0 && keptCount[f] > 0) {
        extra +=
            (reroutedSum_s[f] / reroutedCount[f] - keptSum_s[f] / keptCount[f]) * reroutedCount[f];
        weight += reroutedCount[f];
      }
    }
    return new ReactionResult(
        path,
        weight == 0 ? Double.NaN : extra / weight,
        unitsMoved / years,
        rerouted,
        empties,
        portArrivals.clone(),
        portHeld.clone(),
        portHeld_s.clone(),
        portHeldUnit_s.clone());
  }

  /**
   * Units inside the system, found by walking every pool, train and vessel (not from the counters).
   */
  private static long countInside(Formation formation, Crossings crossings) {
    long n = formation.marshalling;
    for (int p = 0; p < formation.nPools; p++) {
      n += formation.listLength(formation.pHead[p]);
    }
    for (int c = 0; c < formation.cUsed; c++) {
      n += formation.listLength(formation.consistHead(c));
    }
    for (int v = 0; v < crossings.vHead.length; v++) {
      n += formation.listLength(crossings.vHead[v]);
    }
    return n;
  }
}
