package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.FORM_TIMETABLE;
import static org.caravan.simulation.corridor.Events.LEG_END;
import static org.caravan.simulation.corridor.Events.MARSHALLED;
import static org.caravan.simulation.corridor.Events.NONE;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.random.Distribution;

/**
 * Units, pools and train formation. Units (wagon slots) wait in pools at the start of each leg (see
 * {@link Layout}: per remaining path, or per crossing yard); a block train leaves a pool when it is
 * full or at a formation timetable slot, a delay leg takes its whole pool as one group. Trains and
 * groups are "consists". When a consist or vessel finishes a leg, {@link #distribute} moves each
 * unit on to its next leg's pool or delivers it.
 *
 * <p>Data layout: units and consists are dense int indexes with free lists; units into
 * struct-of-arrays, consists into rows of one int array (a consist's fields are read together as it
 * moves, {@link #consistLeg} and friends); a queue of units is an intrusive singly linked list
 * ({@code uNext}), so a train or vessel takes its load by unlinking a prefix of a pool, and no
 * object is created per event or per unit.
 */
final class Formation {
  private final EventEngine engine;
  private final Layout layout;
  private final CorridorSpec spec;
  private final long horizon;
  private final long warmup;
  private final SplittableRandom rngDelay;
  private final SplittableRandom rngMarshal;
  private ModelStats stats;
  private Borders borders;
  private Crossings crossings;
  private UnitTrace trace;
  private Rerouting rerouting;

  // Paths (a flow's own route and its alternatives, Layout.flowPath) and each flow's current path.
  private final int[][] pathLegs;
  private final int[][] pathPool;
  final int[] flowCurrentPath;
  private final boolean[] flowReroutes;
  private final int[] flowEmpty;
  private final double[] flowEmptyShare;
  private final double[] emptyCredit;
  private final Distribution[] flowMarshal;
  private final int[] flowMarshalResource;

  /** Units in wagon groups still in the marshalling yards (released, not yet in a pool). */
  long marshalling;

  // Legs.
  final int nLegs;
  final int[] legKind;
  final int[][] legGates;
  final int[] legCrossing;
  private final Distribution[] legDelay;
  final long[] legEndHandling;

  // Units.
  int[] uNext = new int[1024];
  int[] uFlow = new int[1024];
  int[] uPath = new int[1024];
  int[] uLegPos = new int[1024];
  private long[] uRelease = new long[1024];
  private long[] uJoin = new long[1024];
  private int[] uFree = new int[1024];
  private int uFreeCount;
  private int uUsed;

  // Pools: intrusive FIFO lists of units.
  final int nPools;
  private final int[] poolLeg;
  final int[] pHead;
  final int[] pTail;
  final int[] pCount;

  // Consists (trains and delay-leg groups): row c of `consist` holds a consist's unit list, count,
  // leg and step on the leg (read together as it moves), cReq[c] when it asked for its gate.
  private static final int C_HEAD = 0;
  private static final int C_TAIL = 1;
  private static final int C_COUNT = 2;
  private static final int C_LEG = 3;
  private static final int C_STEP = 4;
  private static final int CONSIST = 5; // ints per consist
  private int[] consist = new int[64 * CONSIST];
  long[] cReq = new long[64];
  private int[] cFree = new int[64];
  private int cFreeCount;
  int cUsed;

  // Scratch list of pools touched while distributing units, and the tail of the last list taken.
  private final int[] touched;
  private final boolean[] touchedMark;
  private int touchedCount;
  private final int[] tailScratch = new int[1];

  /**
   * @param rngDelay draws of the delay legs' times
   * @param rngMarshal draws of the wagon groups' marshalling (a stream of its own, so a wagonload
   *     setting leaves the other draws unchanged)
   */
  Formation(
      EventEngine engine, Layout layout, SplittableRandom rngDelay, SplittableRandom rngMarshal) {
    this.engine = engine;
    this.layout = layout;
    this.spec = layout.spec;
    this.horizon = spec.horizon_s();
    this.warmup = spec.warmup_s();
    this.rngDelay = rngDelay;
    this.rngMarshal = rngMarshal;
    int nFlows = spec.flows().size();
    pathLegs = layout.pathLegs;
    pathPool = layout.pathPool;
    flowCurrentPath = new int[nFlows];
    flowReroutes = new boolean[nFlows];
    flowEmpty = new int[nFlows];
    flowEmptyShare = new double[nFlows];
    emptyCredit = new double[nFlows];
    flowMarshal = new Distribution[nFlows];
    flowMarshalResource = layout.flowMarshalResource;
    for (int f = 0; f < nFlows; f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      flowMarshal[f] = fl.wagonload() ? Draws.dist(fl.marshalMean_s(), fl.marshalSd_s()) : null;
      CorridorSpec.Reaction r = fl.reaction();
      flowCurrentPath[f] = layout.flowPath[f][0];
      flowReroutes[f] = r.reroutes();
      flowEmpty[f] = r.emptyFlow();
      flowEmptyShare[f] = r.emptyReturnShare();
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
      legDelay[l] = Draws.dist(leg.delayMean_s(), leg.delaySd_s());
      legEndHandling[l] = Math.round(leg.endHandling_s());
    }
    nPools = layout.poolLeg.length;
    poolLeg = layout.poolLeg;
    pHead = new int[nPools];
    pTail = new int[nPools];
    pCount = new int[nPools];
    Arrays.fill(pHead, NONE);
    Arrays.fill(pTail, NONE);
    touched = new int[nPools];
    touchedMark = new boolean[nPools];
  }

  /** Connects the parts this one hands units to; called once by the model before the run. */
  void wire(ModelStats stats, Borders borders, Crossings crossings, Rerouting rerouting) {
    this.stats = stats;
    this.borders = borders;
    this.crossings = crossings;
    this.rerouting = rerouting;
  }

  /** Sets the trace that sees every unit move, or none ({@code null}). */
  void setTrace(UnitTrace trace) {
    this.trace = trace;
  }

  /**
   * Schedules the formation timetable of every rail pool, staggered so pools do not all fire at
   * once.
   */
  void start() {
    long formation = spec.formationTimetable_s();
    for (int p = 0; p < nPools; p++) {
      if (legKind[poolLeg[p]] == CorridorSpec.LegKind.RAIL.ordinal() && formation > 0) {
        engine.schedule(formation / 2 + (p * 7_919L) % formation, FORM_TIMETABLE, p);
      }
    }
  }

  /**
   * Releases {@code k} new units of flow {@code f} into its origin pool and forms what is now full.
   */
  void release(int f, int k, long now) {
    releaseUnits(f, k, now);
    processTouched();
  }

  /** Appends {@code k} new units of flow {@code f} to the origin pool of its current path. */
  private void releaseUnits(int f, int k, long now) {
    int path = flowReroutes[f] ? rerouting.choose(f, flowCurrentPath[f], 0) : flowCurrentPath[f];
    if (path != f) {
      stats.rerouted(f, k);
    }
    int pool = pathPool[path][0];
    if (flowMarshal[f] != null) {
      // A wagon group: its units go through the yards of the first rail section together and join
      // the origin's pool when the group is through (one event for the group, its units linked).
      int head = NONE;
      int last = NONE;
      for (int i = 0; i < k; i++) {
        int u = releasedUnit(f, path, now);
        uNext[u] = NONE;
        if (last == NONE) {
          head = u;
        } else {
          uNext[last] = u;
        }
        last = u;
      }
      if (head != NONE) {
        marshalling += k;
        engine.schedule(now + Draws.delayTicks(flowMarshal[f], rngMarshal), MARSHALLED, head);
      }
      return;
    }
    for (int i = 0; i < k; i++) {
      appendToPool(pool, releasedUnit(f, path, now));
    }
    touch(pool);
  }

  private int releasedUnit(int f, int path, long now) {
    int u = newUnit();
    uFlow[u] = f;
    uPath[u] = path;
    uLegPos[u] = 0;
    uRelease[u] = now;
    if (trace != null) {
      trace.released(u, f, now);
    }
    return u;
  }

  /**
   * A wagon group is through the marshalling yards: its units, linked from {@code head}, join the
   * origin pool of their path; their time since release is the flow's marshalling wait.
   */
  void onMarshalled(int head) {
    long now = engine.now();
    int u = head;
    while (u != NONE) {
      int next = uNext[u];
      if (now >= warmup) {
        stats.recordUnitWait(flowMarshalResource[uFlow[u]], now - uRelease[u]);
      }
      int pool = pathPool[uPath[u]][0];
      appendToPool(pool, u);
      touch(pool);
      marshalling--;
      u = next;
    }
    processTouched();
  }

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
      crossings.unitJoinedYard(x);
    }
  }

  /**
   * Unlinks the first {@code n} units of a pool, accounting their wait to resource {@code res}
   * (none when negative); returns the head and leaves the tail in {@link #lastTail()}.
   */
  int takeFromPool(int pool, int n, int res) {
    long now = engine.now();
    boolean measured = res >= 0 && now >= warmup;
    int head = pHead[pool];
    int u = head;
    int last = NONE;
    for (int i = 0; i < n; i++) {
      if (measured) {
        stats.recordUnitWait(res, now - uJoin[u]);
      }
      if (trace != null) {
        trace.departed(u, uLegPos[u], now);
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
    tailScratch[0] = last;
    return head;
  }

  /** The tail of the list the last {@link #takeFromPool} returned. */
  int lastTail() {
    return tailScratch[0];
  }

  private void touch(int pool) {
    if (!touchedMark[pool]) {
      touchedMark[pool] = true;
      touched[touchedCount++] = pool;
    }
  }

  /**
   * Lets every pool that gained units since the last call dispatch what it can: trains, vessels,
   * groups.
   */
  void processTouched() {
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
        case CROSSING -> crossings.tryLoad(legCrossing[leg]);
        case DELAY -> {
          if (pCount[pool] > 0) {
            int c = newConsist(pool, pCount[pool], -1);
            engine.schedule(
                engine.now() + Draws.delayTicks(legDelay[leg], rngDelay) + legEndHandling[leg],
                LEG_END,
                c);
          }
        }
      }
    }
    touchedCount = 0;
  }

  void onFormationTimetable(int pool) {
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
    borders.enterStep(c);
  }

  private int newConsist(int pool, int n, int res) {
    int c;
    if (cFreeCount > 0) {
      c = cFree[--cFreeCount];
    } else {
      c = cUsed++;
      if (c == cReq.length) {
        int cap = c * 2;
        consist = Arrays.copyOf(consist, cap * CONSIST);
        cReq = Arrays.copyOf(cReq, cap);
        cFree = Arrays.copyOf(cFree, cap);
      }
    }
    int r = c * CONSIST;
    consist[r + C_HEAD] = takeFromPool(pool, n, res);
    consist[r + C_TAIL] = tailScratch[0];
    consist[r + C_COUNT] = n;
    consist[r + C_LEG] = poolLeg[pool];
    consist[r + C_STEP] = 0;
    return c;
  }

  /** First unit of consist {@code c}'s list. */
  int consistHead(int c) {
    return consist[c * CONSIST + C_HEAD];
  }

  /** Units in consist {@code c}. */
  int consistCount(int c) {
    return consist[c * CONSIST + C_COUNT];
  }

  /** The leg consist {@code c} is on. */
  int consistLeg(int c) {
    return consist[c * CONSIST + C_LEG];
  }

  /** Gates of its leg consist {@code c} has passed. */
  int consistStep(int c) {
    return consist[c * CONSIST + C_STEP];
  }

  /** Consist {@code c} passed its current gate. */
  void passGate(int c) {
    consist[c * CONSIST + C_STEP]++;
  }

  /**
   * Consist {@code c} finished its leg: its units move on and the consist is freed, unless their
   * next pool is a full blocking port yard, where the consist is held until there is room.
   */
  void onLegEnd(int c) {
    int u = consistHead(c);
    int pos = uLegPos[u] + 1;
    int[] legs = pathLegs[uPath[u]];
    if (pos < legs.length) {
      int x = legCrossing[legs[pos]];
      if (x >= 0 && !crossings.offerToYard(x, c, consistCount(c))) {
        return;
      }
    }
    admitted(c);
  }

  /** Consist {@code c}'s units move on to their next pools; the consist is freed. */
  void admitted(int c) {
    int leg = consistLeg(c);
    distribute(consistHead(c), leg);
    freeConsist(c);
    processTouched();
  }

  private void freeConsist(int c) {
    int r = c * CONSIST;
    consist[r + C_COUNT] = 0;
    consist[r + C_HEAD] = NONE;
    consist[r + C_TAIL] = NONE;
    cFree[cFreeCount++] = c;
  }

  /**
   * Units of list {@code head} finished {@code leg}: each goes on to its next leg's pool or is
   * delivered.
   */
  void distribute(int head, int leg) {
    long now = engine.now();
    boolean measured = now >= warmup;
    int u = head;
    while (u != NONE) {
      int next = uNext[u];
      int f = uFlow[u];
      int path = uPath[u];
      int pos = uLegPos[u];
      if (measured) {
        stats.legDone(leg, f);
      }
      if (uRelease[u] >= warmup && path == f) {
        stats.legCumulative(f, pos, now - uRelease[u]);
      }
      if (trace != null) {
        trace.arrived(u, pos, now);
      }
      pos++;
      if (pos == pathLegs[path].length) {
        deliver(u, f, path);
      } else {
        if (flowReroutes[f]) {
          int to = rerouting.choose(f, path, pos);
          if (path == f && to != f) {
            stats.rerouted(f, 1);
          }
          path = to;
          uPath[u] = path;
        }
        uLegPos[u] = pos;
        int nextPool = pathPool[path][pos];
        appendToPool(nextPool, u);
        touch(nextPool);
      }
      u = next;
    }
  }

  private void deliver(int u, int f, int path) {
    long now = engine.now();
    stats.delivered(f, now, uRelease[u]);
    if (flowReroutes[f]) {
      stats.reroutableDelivered(f, path, now, uRelease[u]);
    }
    uFree[uFreeCount++] = u;
    if (flowEmptyShare[f] > 0) {
      // Empty repositioning: every delivered box adds its share of an empty box to go back; whole
      // boxes are released at once into the empty flow's origin pool (docs/SIMULATION.md).
      emptyCredit[f] += flowEmptyShare[f];
      int n = (int) emptyCredit[f];
      if (n > 0) {
        emptyCredit[f] -= n;
        releaseUnits(flowEmpty[f], n, now);
        stats.emptiesReleased(flowEmpty[f], n);
      }
    }
  }

  /**
   * A dated closure started or ended: every waiting unit of a re-routing flow outside the port
   * yards whose path is closed ahead moves to the pool of the best open route that continues from
   * where it is ({@link Rerouting#choose}); returns the number of units moved.
   */
  int rerouteWaiting() {
    long now = engine.now();
    int moved = 0;
    for (int pool = 0; pool < nPools; pool++) {
      if (legCrossing[poolLeg[pool]] >= 0) {
        continue;
      }
      int prev = NONE;
      int u = pHead[pool];
      while (u != NONE) {
        int next = uNext[u];
        int f = uFlow[u];
        int path = uPath[u];
        int to = flowReroutes[f] ? rerouting.choose(f, path, uLegPos[u]) : path;
        if (to == path) {
          prev = u;
        } else {
          if (prev == NONE) {
            pHead[pool] = next;
          } else {
            uNext[prev] = next;
          }
          if (pTail[pool] == u) {
            pTail[pool] = prev;
          }
          pCount[pool]--;
          int res = layout.poolFormationResource[pool];
          if (res >= 0 && now >= warmup) {
            stats.recordUnitWait(res, now - uJoin[u]);
          }
          if (path == f) {
            stats.rerouted(f, 1);
          }
          uPath[u] = to;
          int np = pathPool[to][uLegPos[u]];
          appendToPool(np, u);
          touch(np);
          moved++;
        }
        u = next;
      }
    }
    processTouched();
    return moved;
  }

  private int newUnit() {
    if (uFreeCount > 0) {
      return uFree[--uFreeCount];
    }
    int u = uUsed++;
    if (u == uNext.length) {
      int cap = u * 2;
      uNext = Arrays.copyOf(uNext, cap);
      uFlow = Arrays.copyOf(uFlow, cap);
      uPath = Arrays.copyOf(uPath, cap);
      uLegPos = Arrays.copyOf(uLegPos, cap);
      uRelease = Arrays.copyOf(uRelease, cap);
      uJoin = Arrays.copyOf(uJoin, cap);
      uFree = Arrays.copyOf(uFree, cap);
    }
    return u;
  }

  /** Units in list {@code head}, counted by walking it. */
  int listLength(int head) {
    int n = 0;
    for (int u = head; u != NONE; u = uNext[u]) {
      n++;
    }
    return n;
  }
}
