package org.caravan.simulation.corridor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.caravan.simulation.engine.EntityLinks;
import org.caravan.simulation.engine.EventDispatcher;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.EventListener;
import org.caravan.simulation.engine.Resource;
import org.caravan.simulation.random.Constant;
import org.caravan.simulation.random.Distribution;
import org.caravan.simulation.random.LogNormal;
import org.caravan.simulation.random.RandomStreams;
import org.caravan.simulation.random.Triangular;
import org.caravan.simulation.stats.TimeWeightedStat;

/**
 * One replication of the corridor model: demand releases units (wagon slots) at their origins; units
 * wait in pools at the start of each leg; block trains leave a pool when full or at a timetable slot and
 * pass line sections and borders (gates); at ports units wait in the yard for a vessel of the crossing's
 * fleet, which is handled at a berth at both ends; delay legs (road, deep sea) move units after one sampled
 * time. Storms and dated closures shut ports and gates. Create, {@link #run()}, read the result; one model
 * per thread.
 *
 * <p>Pools: a crossing's yard is one pool; elsewhere units wait with the units that have the same remaining
 * path, so a block train is formed for a destination group and stays together through transshipments.
 *
 * <p>Data layout: units, trains ("consists") and vessels are dense int indexes into struct-of-arrays with
 * free lists; a queue of units is an intrusive singly linked list ({@code uNext}), so a train or vessel
 * takes its load by unlinking a prefix of a pool, and no object is created per event or per unit.
 */
public final class CorridorModel implements EventDispatcher {
  /*
   * Design. Event scheduling on the engine (Law [1] ch. 1), one event per train movement step rather than
   * per container: containers only exist as list nodes carried by trains and vessels (the "entity
   * aggregation" of transport DES, cf. [2]). Line capacity follows the usual path/headway abstraction of
   * capacity studies [3]: a section admits one train per 86400/paths seconds and trains then run for their
   * sampled running time, so sections can hold several trains. Borders and gauge changes are the same gate
   * with trains/day capacity followed by the CPMM dwell [4]. Ferries follow the fleet-cycle view of the
   * Caspian crossing (leave when full or on a timetable, no fixed schedule [5]). Storm closures are a
   * seasonal Poisson process of multi-day events [6]. All durations are drawn from per-purpose streams,
   * so changing one part of the model leaves the others' random numbers unchanged (common random numbers).
   *
   * [1] A. M. Law, Simulation Modeling and Analysis, 5th ed., 2015.
   * [2] J. Banks et al., Discrete-Event System Simulation, 5th ed., 2010, ch. 3 (entity and list processing).
   * [3] UIC Code 406, Capacity, 2nd ed., 2013 (occupation of infrastructure by train paths).
   * [4] ADB CAREC CPMM annual reports 2022/2023 (rail border-crossing time, Kazakhstan).
   * [5] OECD (2023), Realising the Potential of the Middle Corridor; BSEC-URTA consultation (no timetable).
   * [6] corridor-facts §5.1 and §10.2: SEANEWS220509, AZN250210, MINVAL (5–7 day closures, winter/spring).
   */

  private static final double YEAR_S = 365.0 * 86_400;
  private static final double DAY_S = 86_400;
  private static final double MINUTE_S = 60;
  private static final long HIST_MAX_MINUTES = 60L * 24 * 365 * 10;

  // Event types.
  private static final int DEMAND = 0;
  private static final int FORM_TIMETABLE = 1;
  private static final int GATE_RETRY = 2;
  private static final int GATE_FREE = 3;
  private static final int STEP_DONE = 4;
  private static final int LEG_END = 5;
  private static final int CROSSING_TIMETABLE = 6;
  private static final int BERTH_RETRY = 7;
  private static final int HANDLED = 8;
  private static final int BERTH_FREE = 9;
  private static final int DEPART_RETRY = 10;
  private static final int ARRIVED = 11;
  private static final int RETURNED = 12;
  private static final int SAMPLE = 13;
  private static final int WARMUP = 14;

  private static final int NONE = -1;
  private static final int LOADING = 1;
  private static final int SAILING = 2;
  private static final int UNLOADING = 3;
  private static final int RETURNING = 4;

  private static final int[] MONTH_START_DOY = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

  private final Layout layout;
  private final CorridorSpec spec;
  private final int replication;
  private final long seed;
  private final EventEngine engine = new EventEngine(1, 1024);
  private final long horizon;
  private final long warmup;

  // Random streams by purpose.
  private final SplittableRandom rngGate;
  private final SplittableRandom rngVessel;
  private final SplittableRandom rngDelay;
  private final SplittableRandom[] rngFlow;

  // Flows.
  private final int nFlows;
  private final int[][] flowLegs;
  private final double[] flowUnitsPerDay;
  private final double[] flowGrowth;
  private final int[] flowCorridor;

  // Legs.
  private final int nLegs;
  private final int[] legKind;
  private final int[][] legGates;
  private final int[] legCrossing;
  private final Distribution[] legDelay;
  private final long[] legEndHandling;

  // Units.
  private int[] uNext = new int[1024];
  private int[] uFlow = new int[1024];
  private int[] uLegPos = new int[1024];
  private long[] uRelease = new long[1024];
  private long[] uJoin = new long[1024];
  private int[] uFree = new int[1024];
  private int uFreeCount;
  private int uUsed;

  // Pools (see Layout: per remaining path, or per crossing yard): intrusive FIFO lists of units.
  private final int nPools;
  private final int[] poolLeg;
  private final int[][] flowPool;
  private final int[] pHead;
  private final int[] pTail;
  private final int[] pCount;

  // Consists (trains and delay-leg groups).
  private int[] cHead = new int[64];
  private int[] cTail = new int[64];
  private int[] cCount = new int[64];
  private int[] cLeg = new int[64];
  private int[] cStep = new int[64];
  private long[] cReq = new long[64];
  private int[] cFree = new int[64];
  private int cFreeCount;
  private int cUsed;

  // Gates.
  private final Resource[] gateRes;
  private final long[] gateHeadway;
  private final Distribution[] gateDelay;
  private final long[][] gateClosedStart;
  private final long[][] gateClosedEnd;

  // Ports.
  private final Resource[] berth;
  private final long[][] portClosedStart;
  private final long[][] portClosedEnd;
  private final int[] yardUnits;
  private final TimeWeightedStat[] yardStat;
  private final double[] stormDays = new double[1];

  // Crossings and vessels.
  private final int nCrossings;
  private final int[] xLeg;
  private final int[] xPool;
  private final int[] xFrom;
  private final int[] xTo;
  private final int[] xEffCap;
  private final Distribution[] xSail;
  private final Distribution[] xHandling;
  private final int[][] xIdle;
  private final int[] xIdleCount;
  private final TimeWeightedStat[] xBusy;
  private final int[] vCrossing;
  private final int[] vHead;
  private final int[] vTail;
  private final int[] vCount;
  private final int[] vPhase;
  private final long[] vReq;

  // Statistics (post warm-up unless said).
  private long created;
  private long deliveredAll;
  private final long[] flowDelivered;
  private final double[] legDoneTeu;
  private final double[] legDoneTonnes;
  private final double[] flowTeu;
  private final double[] flowTonnes;
  private final double[][] flowLegCumSum_s;
  private final long[][] flowLegCumCount;
  private final Histogram[] flowHist;
  private final Histogram[] corridorHist;
  private final int nRes;
  private final double[] resWait_s; // unit-seconds
  private final double[] resWaitEntity_s; // per served entity, seconds summed
  private final long[] resServed;
  private final double[] busyAreaAtWarmup;
  private final double[] queueAreaAtWarmup;
  private final float[][] series;
  private int sampleIndex;

  // Scratch list of legs touched while distributing units.
  private final int[] touched;
  private final boolean[] touchedMark;
  private int touchedCount;

  /**
   * Builds replication {@code replication} of {@code layout}'s spec with its own random streams.
   *
   * @param seed the replication's seed (the runner derives it from the scenario seed)
   */
  public CorridorModel(Layout layout, int replication, long seed) {
    this.layout = layout;
    this.spec = layout.spec;
    this.replication = replication;
    this.seed = seed;
    this.horizon = spec.horizon_s();
    this.warmup = spec.warmup_s();
    RandomStreams streams = new RandomStreams(seed);
    SplittableRandom rngStorm = streams.stream(0);
    rngGate = streams.stream(1);
    rngVessel = streams.stream(2);
    rngDelay = streams.stream(3);

    nFlows = spec.flows().size();
    rngFlow = new SplittableRandom[nFlows];
    flowLegs = new int[nFlows][];
    flowUnitsPerDay = new double[nFlows];
    flowGrowth = new double[nFlows];
    flowCorridor = layout.flowCorridor;
    for (int f = 0; f < nFlows; f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      rngFlow[f] = streams.stream(10 + f);
      flowLegs[f] = fl.legs();
      flowUnitsPerDay[f] = fl.unitsPerYear() / 365.0;
      flowGrowth[f] = fl.growthPerYear();
    }

    nLegs = spec.legs().size();
    legKind = new int[nLegs];
    legGates = new int[nLegs][];
    legCrossing = new int[nLegs];
    legDelay = new Distribution[nLegs];
    legEndHandling = new long[nLegs];
    for (int l = 0; l < nLegs; l++) {
      CorridorSpec.Leg leg = spec.legs().get(l);
      legKind[l] = leg.kind().ordinal();
      legGates[l] = leg.gates();
      legCrossing[l] = leg.crossing();
      legDelay[l] = dist(leg.delayMean_s(), leg.delaySd_s());
      legEndHandling[l] = Math.round(leg.endHandling_s());
    }
    nPools = layout.poolLeg.length;
    poolLeg = layout.poolLeg;
    flowPool = layout.flowPool;
    pHead = new int[nPools];
    pTail = new int[nPools];
    pCount = new int[nPools];
    Arrays.fill(pHead, NONE);
    Arrays.fill(pTail, NONE);

    EntityLinks consistLinks = new EntityLinks(256);
    int nGates = spec.gates().size();
    gateRes = new Resource[nGates];
    gateHeadway = new long[nGates];
    gateDelay = new Distribution[nGates];
    for (int g = 0; g < nGates; g++) {
      CorridorSpec.Gate gate = spec.gates().get(g);
      gateRes[g] = new Resource(engine, 1, consistLinks);
      gateHeadway[g] = Math.max(1, Math.round(DAY_S / gate.trainsPerDay()));
      gateDelay[g] = dist(gate.delayMean_s(), gate.delaySd_s());
    }

    int nPorts = spec.ports().size();
    EntityLinks vesselLinks = new EntityLinks(64);
    berth = new Resource[nPorts];
    yardUnits = new int[nPorts];
    yardStat = new TimeWeightedStat[nPorts];
    for (int p = 0; p < nPorts; p++) {
      berth[p] = new Resource(engine, spec.ports().get(p).berths(), vesselLinks);
      yardStat[p] = new TimeWeightedStat(0, 0);
    }

    // Closure windows: dated closures plus storms sampled for this replication.
    List<List<long[]>> portWin = new ArrayList<>();
    for (int p = 0; p < nPorts; p++) {
      portWin.add(new ArrayList<>());
    }
    List<List<long[]>> gateWin = new ArrayList<>();
    for (int g = 0; g < nGates; g++) {
      gateWin.add(new ArrayList<>());
    }
    for (CorridorSpec.Closure c : spec.closures()) {
      for (int p : c.ports()) {
        portWin.get(p).add(new long[] {c.start_s(), c.end_s()});
      }
      for (int g : c.gates()) {
        gateWin.get(g).add(new long[] {c.start_s(), c.end_s()});
      }
    }
    List<long[]> stormWindows = new ArrayList<>();
    for (CorridorSpec.Storm s : spec.storms()) {
      for (long[] w : sampleStorms(s, rngStorm)) {
        stormWindows.add(w);
        for (int p : s.ports()) {
          portWin.get(p).add(w);
        }
      }
    }
    List<long[]> measured = new ArrayList<>();
    for (long[] w : stormWindows) {
      measured.add(new long[] {Math.max(w[0], warmup), Math.min(w[1], horizon)});
    }
    stormDays[0] = mergedLength(measured) / DAY_S / ((horizon - warmup) / YEAR_S);
    portClosedStart = new long[nPorts][];
    portClosedEnd = new long[nPorts][];
    for (int p = 0; p < nPorts; p++) {
      long[][] m = merge(portWin.get(p));
      portClosedStart[p] = m[0];
      portClosedEnd[p] = m[1];
    }
    gateClosedStart = new long[nGates][];
    gateClosedEnd = new long[nGates][];
    for (int g = 0; g < nGates; g++) {
      long[][] m = merge(gateWin.get(g));
      gateClosedStart[g] = m[0];
      gateClosedEnd[g] = m[1];
    }

    nCrossings = spec.crossings().size();
    xPool = layout.crossingPool;
    xLeg = new int[nCrossings];
    Arrays.fill(xLeg, NONE);
    for (int l = 0; l < nLegs; l++) {
      if (legCrossing[l] >= 0) {
        xLeg[legCrossing[l]] = l;
      }
    }
    xFrom = new int[nCrossings];
    xTo = new int[nCrossings];
    xEffCap = new int[nCrossings];
    xSail = new Distribution[nCrossings];
    xHandling = new Distribution[nCrossings];
    xIdle = new int[nCrossings][];
    xIdleCount = new int[nCrossings];
    xBusy = new TimeWeightedStat[nCrossings];
    int vessels = 0;
    for (CorridorSpec.Crossing x : spec.crossings()) {
      vessels += x.fleet();
    }
    vCrossing = new int[vessels];
    vHead = new int[vessels];
    vTail = new int[vessels];
    vCount = new int[vessels];
    vPhase = new int[vessels];
    vReq = new long[vessels];
    int v = 0;
    for (int x = 0; x < nCrossings; x++) {
      CorridorSpec.Crossing c = spec.crossings().get(x);
      xFrom[x] = c.fromPort();
      xTo[x] = c.toPort();
      xEffCap[x] = Math.max(1, (int) Math.round(c.capacity_units() * (1 - c.lowWaterDerating())));
      xSail[x] = dist(c.sailMean_s(), c.sailSd_s());
      xHandling[x] = dist(c.handlingMean_s(), c.handlingSd_s());
      xIdle[x] = new int[c.fleet()];
      xBusy[x] = new TimeWeightedStat(0, 0);
      for (int k = 0; k < c.fleet(); k++) {
        vCrossing[v] = x;
        vHead[v] = NONE;
        vTail[v] = NONE;
        xIdle[x][xIdleCount[x]++] = v;
        v++;
      }
    }

    flowDelivered = new long[nFlows];
    legDoneTeu = new double[nLegs];
    legDoneTonnes = new double[nLegs];
    flowTeu = new double[nFlows];
    flowTonnes = new double[nFlows];
    for (int f = 0; f < nFlows; f++) {
      flowTeu[f] = spec.flows().get(f).teuPerUnit();
      flowTonnes[f] = spec.flows().get(f).tonnesPerUnit();
    }
    flowLegCumSum_s = new double[nFlows][];
    flowLegCumCount = new long[nFlows][];
    flowHist = new Histogram[nFlows];
    for (int f = 0; f < nFlows; f++) {
      flowLegCumSum_s[f] = new double[flowLegs[f].length];
      flowLegCumCount[f] = new long[flowLegs[f].length];
      flowHist[f] = newHistogram();
    }
    corridorHist = new Histogram[layout.corridors.size()];
    for (int c = 0; c < corridorHist.length; c++) {
      corridorHist[c] = newHistogram();
    }
    nRes = layout.resources.size();
    resWait_s = new double[nRes];
    resWaitEntity_s = new double[nRes];
    resServed = new long[nRes];
    busyAreaAtWarmup = new double[nRes];
    queueAreaAtWarmup = new double[nRes];
    series = new float[layout.seriesNames.size()][layout.samples];
    touched = new int[nPools];
    touchedMark = new boolean[nPools];
  }

  /** A histogram of door-to-door minutes (up to ten years, three significant digits). */
  public static Histogram newHistogram() {
    return new Histogram(HIST_MAX_MINUTES, 3);
  }

  /** Sets a listener that sees every event (for tests and traces). */
  public void setListener(EventListener listener) {
    engine.setListener(listener);
  }

  /** Runs the replication to the horizon and returns its result. Call once. */
  public ReplicationResult run() {
    for (int f = 0; f < nFlows; f++) {
      if (flowUnitsPerDay[f] > 0) {
        engine.schedule(f * 3_600L % 86_400L, DEMAND, f);
      }
    }
    long formation = spec.formationTimetable_s();
    for (int p = 0; p < nPools; p++) {
      if (legKind[poolLeg[p]] == CorridorSpec.LegKind.RAIL.ordinal() && formation > 0) {
        engine.schedule(formation / 2 + (p * 7_919L) % formation, FORM_TIMETABLE, p);
      }
    }
    for (int x = 0; x < nCrossings; x++) {
      long tt = spec.crossings().get(x).timetable_s();
      if (tt > 0) {
        engine.schedule((x * 21_601L) % tt, CROSSING_TIMETABLE, x);
      }
    }
    if (layout.samples > 0) {
      engine.schedule(0, 1, SAMPLE, 0);
    }
    engine.schedule(warmup, -1, WARMUP, 0);
    engine.runUntil(horizon, this);
    return result();
  }

  @Override
  public void dispatch(int type, int e) {
    switch (type) {
      case DEMAND -> onDemand(e);
      case FORM_TIMETABLE -> onFormationTimetable(e);
      case GATE_RETRY -> tryGate(e);
      case GATE_FREE -> onGateFree(e);
      case STEP_DONE -> {
        cStep[e]++;
        enterStep(e);
      }
      case LEG_END -> onLegEnd(e);
      case CROSSING_TIMETABLE -> onCrossingTimetable(e);
      case BERTH_RETRY -> berthRequest(e);
      case HANDLED -> onHandled(e);
      case BERTH_FREE -> freeBerth(e);
      case DEPART_RETRY -> depart(e);
      case ARRIVED -> {
        vPhase[e] = UNLOADING;
        vReq[e] = engine.now();
        berthRequest(e);
      }
      case RETURNED -> onReturned(e);
      case SAMPLE -> onSample();
      case WARMUP -> onWarmup();
      default -> throw new IllegalStateException("unknown event type " + type);
    }
  }

  // ---- demand ----

  private void onDemand(int f) {
    long now = engine.now();
    double mean = flowUnitsPerDay[f] * seasonFactor(now) * Math.pow(1 + flowGrowth[f], now / YEAR_S);
    int k = poisson(rngFlow[f], mean);
    int pool = flowPool[f][0];
    for (int i = 0; i < k; i++) {
      int u = newUnit();
      uFlow[u] = f;
      uLegPos[u] = 0;
      uRelease[u] = now;
      appendToPool(pool, u);
      created++;
    }
    if (k > 0) {
      touch(pool);
      processTouched();
    }
    long next = now + 86_400L;
    if (next < horizon) {
      engine.schedule(next, DEMAND, f);
    }
  }

  private double seasonFactor(long t_s) {
    int doy = (int) (((spec.startDayOfYear() - 1) + t_s / 86_400L) % 365);
    int m = 0;
    while (m < 11 && doy >= MONTH_START_DOY[m + 1]) {
      m++;
    }
    return spec.seasonality()[m];
  }

  /** Poisson draw: Knuth's product method below 30, else a rounded normal approximation. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = Math.exp(-mean);
      double p = rng.nextDouble();
      int k = 0;
      while (p > limit) {
        p *= rng.nextDouble();
        k++;
      }
      return k;
    }
    return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  // ---- pools and formation ----

  private void appendToPool(int pool, int u) {
    uNext[u] = NONE;
    uJoin[u] = engine.now();
    if (pTail[pool] == NONE) {
      pHead[pool] = u;
    } else {
      uNext[pTail[pool]] = u;
    }
    pTail[pool] = u;
    pCount[pool]++;
    int x = legCrossing[poolLeg[pool]];
    if (x >= 0) {
      int port = xFrom[x];
      yardUnits[port]++;
      yardStat[port].set(engine.now(), yardUnits[port]);
    }
  }

  /** Unlinks the first {@code n} units of a pool, accounting their wait to resource {@code res}; returns the head. */
  private int takeFromPool(int pool, int n, int res, int[] tailOut) {
    long now = engine.now();
    boolean measured = now >= warmup;
    int head = pHead[pool];
    int u = head;
    int last = NONE;
    for (int i = 0; i < n; i++) {
      if (measured) {
        resWait_s[res] += now - uJoin[u];
        resWaitEntity_s[res] += now - uJoin[u];
        resServed[res]++;
      }
      last = u;
      u = uNext[u];
    }
    uNext[last] = NONE;
    pHead[pool] = u;
    if (u == NONE) {
      pTail[pool] = NONE;
    }
    pCount[pool] -= n;
    tailOut[0] = last;
    return head;
  }

  private final int[] tailScratch = new int[1];

  private void touch(int pool) {
    if (!touchedMark[pool]) {
      touchedMark[pool] = true;
      touched[touchedCount++] = pool;
    }
  }

  private void processTouched() {
    for (int i = 0; i < touchedCount; i++) {
      int pool = touched[i];
      touchedMark[pool] = false;
      int leg = poolLeg[pool];
      switch (CorridorSpec.LegKind.values()[legKind[leg]]) {
        case RAIL -> {
          int cap = spec.trainCapacity_units();
          while (pCount[pool] >= cap) {
            departTrain(pool, cap);
          }
        }
        case CROSSING -> tryLoad(legCrossing[leg]);
        case DELAY -> {
          if (pCount[pool] > 0) {
            int c = newConsist(pool, pCount[pool], -1);
            engine.schedule(engine.now() + delayTicks(legDelay[leg], rngDelay) + legEndHandling[leg], LEG_END, c);
          }
        }
      }
    }
    touchedCount = 0;
  }

  private void onFormationTimetable(int pool) {
    if (pCount[pool] > 0) {
      departTrain(pool, Math.min(pCount[pool], spec.trainCapacity_units()));
    }
    long next = engine.now() + spec.formationTimetable_s();
    if (next < horizon) {
      engine.schedule(next, FORM_TIMETABLE, pool);
    }
  }

  private void departTrain(int pool, int n) {
    int c = newConsist(pool, n, layout.poolFormationResource[pool]);
    enterStep(c);
  }

  private int newConsist(int pool, int n, int res) {
    int c;
    if (cFreeCount > 0) {
      c = cFree[--cFreeCount];
    } else {
      c = cUsed++;
      if (c == cHead.length) {
        int cap = c * 2;
        cHead = Arrays.copyOf(cHead, cap);
        cTail = Arrays.copyOf(cTail, cap);
        cCount = Arrays.copyOf(cCount, cap);
        cLeg = Arrays.copyOf(cLeg, cap);
        cStep = Arrays.copyOf(cStep, cap);
        cReq = Arrays.copyOf(cReq, cap);
        cFree = Arrays.copyOf(cFree, cap);
      }
    }
    if (res >= 0) {
      cHead[c] = takeFromPool(pool, n, res, tailScratch);
    } else {
      cHead[c] = takeFromPoolUnmeasured(pool, n);
    }
    cTail[c] = tailScratch[0];
    cCount[c] = n;
    cLeg[c] = poolLeg[pool];
    cStep[c] = 0;
    return c;
  }

  private int takeFromPoolUnmeasured(int pool, int n) {
    int head = pHead[pool];
    int u = head;
    int last = NONE;
    for (int i = 0; i < n; i++) {
      last = u;
      u = uNext[u];
    }
    uNext[last] = NONE;
    pHead[pool] = u;
    if (u == NONE) {
      pTail[pool] = NONE;
    }
    pCount[pool] -= n;
    tailScratch[0] = last;
    return head;
  }

  private void freeConsist(int c) {
    cCount[c] = 0;
    cHead[c] = NONE;
    cTail[c] = NONE;
    cFree[cFreeCount++] = c;
  }

  // ---- gates ----

  private void enterStep(int c) {
    int leg = cLeg[c];
    int s = cStep[c];
    if (s == legGates[leg].length) {
      engine.schedule(engine.now() + legEndHandling[leg], LEG_END, c);
      return;
    }
    cReq[c] = engine.now();
    tryGate(c);
  }

  private void tryGate(int c) {
    int g = legGates[cLeg[c]][cStep[c]];
    long now = engine.now();
    long until = closedUntil(gateClosedStart[g], gateClosedEnd[g], now);
    if (until > now) {
      engine.schedule(until, GATE_RETRY, c);
      return;
    }
    if (gateRes[g].request(c)) {
      grant(c, g);
    }
  }

  private void grant(int c, int g) {
    long now = engine.now();
    if (now >= warmup) {
      recordWait(layout.gateResource[g], now - cReq[c], cCount[c]);
    }
    engine.schedule(now + gateHeadway[g], GATE_FREE, g);
    engine.schedule(now + delayTicks(gateDelay[g], rngGate), STEP_DONE, c);
  }

  private void onGateFree(int g) {
    long now = engine.now();
    long until = closedUntil(gateClosedStart[g], gateClosedEnd[g], now);
    if (until > now) {
      engine.schedule(until, GATE_FREE, g);
      return;
    }
    int next = gateRes[g].release();
    if (next != Resource.NONE) {
      grant(next, g);
    }
  }

  private void onLegEnd(int c) {
    int leg = cLeg[c];
    distribute(cHead[c], leg);
    freeConsist(c);
    processTouched();
  }

  /** Units of list {@code head} finished {@code leg}: each goes on to its next leg's pool or is delivered. */
  private void distribute(int head, int leg) {
    long now = engine.now();
    boolean measured = now >= warmup;
    int u = head;
    while (u != NONE) {
      int next = uNext[u];
      int f = uFlow[u];
      int pos = uLegPos[u];
      if (measured) {
        legDoneTeu[leg] += flowTeu[f];
        legDoneTonnes[leg] += flowTonnes[f];
      }
      if (uRelease[u] >= warmup) {
        flowLegCumSum_s[f][pos] += now - uRelease[u];
        flowLegCumCount[f][pos]++;
      }
      pos++;
      if (pos == flowLegs[f].length) {
        deliver(u, f);
      } else {
        uLegPos[u] = pos;
        int nextPool = flowPool[f][pos];
        appendToPool(nextPool, u);
        touch(nextPool);
      }
      u = next;
    }
  }

  private void deliver(int u, int f) {
    long now = engine.now();
    deliveredAll++;
    if (now >= warmup) {
      flowDelivered[f]++;
    }
    if (uRelease[u] >= warmup) {
      long minutes = Math.max(1, Math.round((now - uRelease[u]) / MINUTE_S));
      flowHist[f].recordValue(Math.min(minutes, HIST_MAX_MINUTES));
      corridorHist[flowCorridor[f]].recordValue(Math.min(minutes, HIST_MAX_MINUTES));
    }
    uFree[uFreeCount++] = u;
  }

  // ---- crossings ----

  private void tryLoad(int x) {
    int pool = xPool[x];
    while (xIdleCount[x] > 0 && pCount[pool] >= xEffCap[x]) {
      loadVessel(x, xEffCap[x]);
    }
  }

  private void onCrossingTimetable(int x) {
    int pool = xPool[x];
    if (xIdleCount[x] > 0 && pCount[pool] > 0) {
      loadVessel(x, Math.min(pCount[pool], xEffCap[x]));
    }
    long next = engine.now() + spec.crossings().get(x).timetable_s();
    if (next < horizon) {
      engine.schedule(next, CROSSING_TIMETABLE, x);
    }
  }

  private void loadVessel(int x, int n) {
    int v = xIdle[x][--xIdleCount[x]];
    long now = engine.now();
    xBusy[x].set(now, xIdle[x].length - xIdleCount[x]);
    vHead[v] = takeFromPool(xPool[x], n, layout.crossingYardResource[x], tailScratch);
    vTail[v] = tailScratch[0];
    vCount[v] = n;
    int port = xFrom[x];
    yardUnits[port] -= n;
    yardStat[port].set(now, yardUnits[port]);
    vPhase[v] = LOADING;
    vReq[v] = now;
    berthRequest(v);
  }

  private int vesselPort(int v) {
    int x = vCrossing[v];
    return vPhase[v] == LOADING ? xFrom[x] : xTo[x];
  }

  /** Books one service at resource {@code r} after a wait, weighted by the units the entity carries. */
  private void recordWait(int r, long wait, int units) {
    resWait_s[r] += (double) wait * units;
    resWaitEntity_s[r] += wait;
    resServed[r]++;
  }

  private void berthRequest(int v) {
    int port = vesselPort(v);
    long now = engine.now();
    long until = closedUntil(portClosedStart[port], portClosedEnd[port], now);
    if (until > now) {
      engine.schedule(until, BERTH_RETRY, v);
      return;
    }
    if (berth[port].request(v)) {
      berthGrant(v, port);
    }
  }

  private void berthGrant(int v, int port) {
    long now = engine.now();
    if (now >= warmup) {
      recordWait(layout.portResource[port], now - vReq[v], vCount[v]);
    }
    engine.schedule(now + delayTicks(xHandling[vCrossing[v]], rngVessel), HANDLED, v);
  }

  private void onHandled(int v) {
    int port = vesselPort(v);
    freeBerth(port);
    if (vPhase[v] == LOADING) {
      vPhase[v] = SAILING;
      vReq[v] = engine.now();
      depart(v);
    } else {
      int x = vCrossing[v];
      int head = vHead[v];
      vHead[v] = NONE;
      vTail[v] = NONE;
      vCount[v] = 0;
      distribute(head, xLeg[x]);
      processTouched();
      vPhase[v] = RETURNING;
      engine.schedule(engine.now() + delayTicks(xSail[x], rngVessel), RETURNED, v);
    }
  }

  private void freeBerth(int port) {
    long now = engine.now();
    long until = closedUntil(portClosedStart[port], portClosedEnd[port], now);
    if (until > now) {
      engine.schedule(until, BERTH_FREE, port);
      return;
    }
    int next = berth[port].release();
    if (next != Resource.NONE) {
      berthGrant(next, port);
    }
  }

  /** A loaded vessel leaves its port unless the port is closed, in which case it is held. */
  private void depart(int v) {
    int x = vCrossing[v];
    int port = xFrom[x];
    long now = engine.now();
    long until = closedUntil(portClosedStart[port], portClosedEnd[port], now);
    if (until > now) {
      engine.schedule(until, DEPART_RETRY, v);
      return;
    }
    if (now >= warmup && now > vReq[v]) {
      recordWait(layout.crossingFleetResource[x], now - vReq[v], vCount[v]);
    }
    engine.schedule(now + delayTicks(xSail[x], rngVessel), ARRIVED, v);
  }

  private void onReturned(int v) {
    int x = vCrossing[v];
    xIdle[x][xIdleCount[x]++] = v;
    xBusy[x].set(engine.now(), xIdle[x].length - xIdleCount[x]);
    tryLoad(x);
  }

  // ---- sampling, warm-up, results ----

  private void onSample() {
    if (sampleIndex < layout.samples) {
      int s = 0;
      for (int g : layout.borderSeriesGate) {
        series[s++][sampleIndex] = gateRes[g].queueLength();
      }
      for (int p = 0; p < yardUnits.length; p++) {
        series[s++][sampleIndex] = yardUnits[p];
      }
      for (int p = 0; p < berth.length; p++) {
        series[s++][sampleIndex] = berth[p].queueLength();
      }
      sampleIndex++;
    }
    long next = engine.now() + spec.sampleInterval_s();
    if (next <= horizon) {
      engine.schedule(next, 1, SAMPLE, 0);
    }
  }

  private void onWarmup() {
    for (int r = 0; r < nRes; r++) {
      busyAreaAtWarmup[r] = busyArea(r);
      queueAreaAtWarmup[r] = queueArea(r);
    }
  }

  private double busyArea(int r) {
    Layout.ResourceRef ref = layout.resources.get(r);
    long now = engine.now();
    return switch (ref.kind()) {
      case SECTION, BORDER -> gateRes[ref.index()].utilisation() * now;
      case BERTH -> berth[ref.index()].utilisation() * berth[ref.index()].capacity() * (double) now;
      case YARD -> yardStat[xFrom[ref.index()]].mean(now) * now;
      case FLEET -> xBusy[ref.index()].mean(now) * now;
      case FORMATION -> 0;
    };
  }

  private double queueArea(int r) {
    Layout.ResourceRef ref = layout.resources.get(r);
    long now = engine.now();
    return switch (ref.kind()) {
      case SECTION, BORDER -> gateRes[ref.index()].meanQueueLength() * now;
      case BERTH -> berth[ref.index()].meanQueueLength() * now;
      case YARD -> yardStat[xFrom[ref.index()]].mean(now) * now;
      case FORMATION, FLEET -> 0;
    };
  }

  private ReplicationResult result() {
    long now = engine.now();
    double span = now - warmup;
    double years = span / YEAR_S;
    double[] flowRate = new double[nFlows];
    for (int f = 0; f < nFlows; f++) {
      flowRate[f] = flowDelivered[f] / years;
    }
    double[] legTeu = new double[nLegs];
    double[] legTonnes = new double[nLegs];
    for (int l = 0; l < nLegs; l++) {
      legTeu[l] = legDoneTeu[l] / years;
      legTonnes[l] = legDoneTonnes[l] / years;
    }
    double[][] cum = new double[nFlows][];
    for (int f = 0; f < nFlows; f++) {
      cum[f] = new double[flowLegs[f].length];
      for (int k = 0; k < cum[f].length; k++) {
        cum[f][k] = flowLegCumCount[f][k] == 0 ? Double.NaN : flowLegCumSum_s[f][k] / flowLegCumCount[f][k];
      }
    }
    double[] util = new double[nRes];
    double[] wait = new double[nRes];
    double[] meanWait = new double[nRes];
    double[] meanQueue = new double[nRes];
    for (int r = 0; r < nRes; r++) {
      Layout.ResourceRef ref = layout.resources.get(r);
      double busy = (busyArea(r) - busyAreaAtWarmup[r]) / span;
      util[r] = switch (ref.kind()) {
        case SECTION, BORDER -> busy;
        case BERTH -> busy / berth[ref.index()].capacity();
        case YARD -> busy / Math.max(1, spec.ports().get(xFrom[ref.index()]).yardCapacity_units());
        case FLEET -> busy / spec.crossings().get(ref.index()).fleet();
        case FORMATION -> Double.NaN;
      };
      wait[r] = resWait_s[r] / 3600.0 / years;
      meanWait[r] = resServed[r] == 0 ? 0 : resWaitEntity_s[r] / 3600.0 / resServed[r];
      meanQueue[r] = (queueArea(r) - queueAreaAtWarmup[r]) / span;
      if (ref.kind() == ResourceKind.FORMATION) {
        meanQueue[r] = resWait_s[r] / span;
      }
    }
    return new ReplicationResult(replication, seed, created, deliveredAll, countInside(), flowRate, legTeu, legTonnes, cum,
        flowHist, corridorHist, util, wait, meanWait, meanQueue, resServed.clone(), series, engine.dispatched(),
        stormDays[0]);
  }

  /** Units inside the system, found by walking every pool, train and vessel (not from the counters). */
  private long countInside() {
    long n = 0;
    for (int p = 0; p < nPools; p++) {
      n += listLength(pHead[p]);
    }
    for (int c = 0; c < cUsed; c++) {
      n += listLength(cHead[c]);
    }
    for (int v = 0; v < vHead.length; v++) {
      n += listLength(vHead[v]);
    }
    return n;
  }

  private int listLength(int head) {
    int n = 0;
    for (int u = head; u != NONE; u = uNext[u]) {
      n++;
    }
    return n;
  }

  // ---- helpers ----

  private int newUnit() {
    if (uFreeCount > 0) {
      return uFree[--uFreeCount];
    }
    int u = uUsed++;
    if (u == uNext.length) {
      int cap = u * 2;
      uNext = Arrays.copyOf(uNext, cap);
      uFlow = Arrays.copyOf(uFlow, cap);
      uLegPos = Arrays.copyOf(uLegPos, cap);
      uRelease = Arrays.copyOf(uRelease, cap);
      uJoin = Arrays.copyOf(uJoin, cap);
      uFree = Arrays.copyOf(uFree, cap);
    }
    return u;
  }

  private long delayTicks(Distribution d, SplittableRandom rng) {
    return Math.round(d.sample(rng));
  }

  static Distribution dist(double mean, double sd) {
    if (mean <= 0) {
      return new Constant(0);
    }
    return sd > 0 ? LogNormal.ofMeanSd(mean, sd) : new Constant(mean);
  }

  /** The end of the closure window containing {@code t}, or {@code t} if none does. Windows are disjoint. */
  static long closedUntil(long[] starts, long[] ends, long t) {
    if (starts.length == 0) {
      return t;
    }
    int i = Arrays.binarySearch(starts, t);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && ends[i] > t ? ends[i] : t;
  }

  /** Sorts and merges windows into disjoint {@code [starts, ends]} arrays. */
  static long[][] merge(List<long[]> windows) {
    List<long[]> w = new ArrayList<>(windows);
    w.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] s = new long[w.size()];
    long[] e = new long[w.size()];
    int n = 0;
    for (long[] x : w) {
      if (x[1] <= x[0]) {
        continue;
      }
      if (n > 0 && x[0] <= e[n - 1]) {
        e[n - 1] = Math.max(e[n - 1], x[1]);
      } else {
        s[n] = x[0];
        e[n] = x[1];
        n++;
      }
    }
    return new long[][] {Arrays.copyOf(s, n), Arrays.copyOf(e, n)};
  }

  private static double mergedLength(List<long[]> windows) {
    long[][] m = merge(windows);
    double sum = 0;
    for (int i = 0; i < m[0].length; i++) {
      sum += m[1][i] - m[0][i];
    }
    return sum;
  }

  /**
   * Storm windows over the horizon: for each season of each year a Poisson number of events with uniform
   * start in the season and a triangular duration. Seasons: winter = Dec–Feb, spring = Mar–May, ...
   */
  private List<long[]> sampleStorms(CorridorSpec.Storm s, SplittableRandom rng) {
    List<long[]> out = new ArrayList<>();
    Triangular duration = new Triangular(s.durationMin_s(), s.durationMode_s(), s.durationMax_s());
    long startDoy = spec.startDayOfYear() - 1;
    // Iterate whole calendar years covering the horizon, seasons as day-of-year ranges.
    int[][] seasonDays = {{-31, 59}, {59, 151}, {151, 243}, {243, 334}};
    long firstYearStart_s = -startDoy * 86_400L;
    for (long y0 = firstYearStart_s; y0 < horizon; y0 += 365L * 86_400L) {
      for (int season = 0; season < 4; season++) {
        double rate = s.eventsPerSeason()[season];
        int k = poisson(rng, rate);
        for (int i = 0; i < k; i++) {
          double from = y0 + seasonDays[season][0] * DAY_S;
          double to = y0 + seasonDays[season][1] * DAY_S;
          long start = Math.round(from + rng.nextDouble() * (to - from));
          long end = start + Math.round(duration.sample(rng));
          if (end > 0 && start < horizon) {
            out.add(new long[] {Math.max(0, start), end});
          }
        }
      }
    }
    return out;
  }
}
