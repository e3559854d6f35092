package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.ARRIVED;
import static org.caravan.simulation.corridor.Events.BERTH_FREE;
import static org.caravan.simulation.corridor.Events.BERTH_RETRY;
import static org.caravan.simulation.corridor.Events.CROSSING_TIMETABLE;
import static org.caravan.simulation.corridor.Events.DEPART_RETRY;
import static org.caravan.simulation.corridor.Events.HANDLED;
import static org.caravan.simulation.corridor.Events.NONE;
import static org.caravan.simulation.corridor.Events.RETURNED;
import static org.caravan.simulation.corridor.Events.YARD_ADMIT;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.caravan.simulation.engine.BlockingBuffer;
import org.caravan.simulation.engine.EntityLinks;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.Resource;
import org.caravan.simulation.random.Distribution;
import org.caravan.simulation.stats.TimeWeightedStat;

/**
 * Ports and sea crossings: units wait in the yard of the crossing's port; an idle vessel of the
 * crossing's fleet loads when the yard holds a full load (or at a timetable slot), is handled at a
 * berth, sails, is handled at a berth at the far port, and sails back, with what waits in the yard
 * of the opposite direction when that crossing names this one ({@code returnOf}). Closed ports hold
 * vessels at the berth queue and at departure. Low water derates the vessel's capacity for the
 * whole run.
 */
final class Crossings {
  /*
   * Design. Ferries follow the fleet-cycle view of the Caspian crossing: leave when full or on a timetable,
   * no fixed schedule (OECD 2023, Realising the Potential of the Middle Corridor; BSEC-URTA consultation).
   */

  private static final int LOADING = 1;
  private static final int SAILING = 2;
  private static final int UNLOADING = 3;
  private static final int RETURNING = 4;

  private final EventEngine engine;
  private final Layout layout;
  private final CorridorSpec spec;
  private final long horizon;
  private final long warmup;
  private final SplittableRandom rngVessel;
  private final Formation formation;
  private final Disruptions disruptions;
  private final ModelStats stats;

  // Ports.
  final Resource[] berth;
  final int[] yardUnits;
  final TimeWeightedStat[] yardStat;

  /** Per port: the blocking yard (back-pressure), or null when the yard does not block. */
  private final BlockingBuffer[] yard;

  private final boolean[] admitPending;

  // Crossings and vessels.
  private final int nCrossings;
  private final int[] xLeg;

  /**
   * Per crossing: the opposite crossing whose units its vessels carry on the way back, or -1; and
   * whether it is itself such a return direction (no fleet of its own).
   */
  private final int[] xBack;

  private final boolean[] xIsReturn;

  private final int[] xPool;
  final int[] xFrom;
  final int[] xTo;
  private final int[] xEffCap;
  private final Distribution[] xSail;
  private final Distribution[] xHandling;
  private final int[][] xIdle;
  private final int[] xIdleCount;
  final TimeWeightedStat[] xBusy;
  private final int[] vCrossing;
  final int[] vHead;
  private final int[] vTail;
  private final int[] vCount;
  private final int[] vPhase;
  private final long[] vReq;

  Crossings(
      EventEngine engine,
      Layout layout,
      SplittableRandom rngVessel,
      Formation formation,
      Disruptions disruptions,
      ModelStats stats) {
    this.engine = engine;
    this.layout = layout;
    this.spec = layout.spec;
    this.horizon = spec.horizon_s();
    this.warmup = spec.warmup_s();
    this.rngVessel = rngVessel;
    this.formation = formation;
    this.disruptions = disruptions;
    this.stats = stats;
    int nPorts = spec.ports().size();
    EntityLinks vesselLinks = new EntityLinks(64);
    berth = new Resource[nPorts];
    yardUnits = new int[nPorts];
    yardStat = new TimeWeightedStat[nPorts];
    yard = new BlockingBuffer[nPorts];
    admitPending = new boolean[nPorts];
    EntityLinks heldLinks = new EntityLinks(64);
    for (int p = 0; p < nPorts; p++) {
      CorridorSpec.Port port = spec.ports().get(p);
      berth[p] = new Resource(engine, port.berths(), vesselLinks);
      yardStat[p] = new TimeWeightedStat(0, 0);
      if (port.blocking()) {
        yard[p] = new BlockingBuffer(engine, Math.max(1, port.yardCapacity_units()), heldLinks);
      }
    }

    nCrossings = spec.crossings().size();
    xPool = layout.crossingPool;
    xLeg = new int[nCrossings];
    Arrays.fill(xLeg, NONE);
    for (int l = 0; l < formation.nLegs; l++) {
      if (formation.legCrossing[l] >= 0) {
        xLeg[formation.legCrossing[l]] = l;
      }
    }
    xBack = new int[nCrossings];
    xIsReturn = new boolean[nCrossings];
    Arrays.fill(xBack, NONE);
    for (int x = 0; x < nCrossings; x++) {
      int of = spec.crossings().get(x).returnOf();
      if (of >= 0) {
        xBack[of] = x;
        xIsReturn[x] = true;
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
      xSail[x] = Draws.dist(c.sailMean_s(), c.sailSd_s());
      xHandling[x] = Draws.dist(c.handlingMean_s(), c.handlingSd_s());
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
  }

  /** Schedules every crossing's timetable, staggered so crossings do not all fire at once. */
  void start() {
    for (int x = 0; x < nCrossings; x++) {
      long tt = spec.crossings().get(x).timetable_s();
      if (tt > 0 && !xIsReturn[x]) {
        engine.schedule((x * 21_601L) % tt, CROSSING_TIMETABLE, x);
      }
    }
  }

  /** A unit joined the yard of crossing {@code x}'s departure port. */
  void unitJoinedYard(int x) {
    int port = xFrom[x];
    yardUnits[port]++;
    yardStat[port].set(engine.now(), yardUnits[port]);
    if (yard[port] != null) {
      yard[port].enter(1);
    }
  }

  /**
   * Consist {@code c} of {@code units} reached the end of its leg and its units go into the yard of
   * crossing {@code x}: true if they may go in now; false if the port's yard blocks and is full, in
   * which case the consist is held where it is (back-pressure) and handed back to {@link
   * Formation#admitted} when vessels have made room.
   */
  boolean offerToYard(int x, int c, int units) {
    int port = xFrom[x];
    if (yard[port] == null) {
      return true;
    }
    boolean in = yard[port].offer(c, units);
    if (in) {
      stats.yardArrival(port, engine.now(), 0, units);
    }
    return in;
  }

  /** Vessels took units from a blocking yard: held consists enter while there is room. */
  void onYardAdmit(int port) {
    admitPending[port] = false;
    BlockingBuffer b = yard[port];
    int c;
    while ((c = b.admitNext()) != BlockingBuffer.NONE) {
      long held = b.lastHeldTicks();
      stats.yardArrival(port, engine.now() - held, held, formation.consistCount(c));
      formation.admitted(c);
    }
  }

  /** Loads idle vessels of crossing {@code x} while the yard holds a full load. */
  void tryLoad(int x) {
    if (xIsReturn[x]) {
      // A full return load waits and no vessel is coming: an idle vessel of the opposite crossing
      // goes over with what waits on its side (possibly nothing) to fetch it.
      int out = spec.crossings().get(x).returnOf();
      int outPool = xPool[out];
      if (xIdleCount[out] > 0 && formation.pCount[xPool[x]] >= xEffCap[out]) {
        loadVessel(out, Math.min(formation.pCount[outPool], xEffCap[out]));
      }
      return;
    }
    int pool = xPool[x];
    while (xIdleCount[x] > 0 && formation.pCount[pool] >= xEffCap[x]) {
      loadVessel(x, xEffCap[x]);
    }
  }

  void onCrossingTimetable(int x) {
    int pool = xPool[x];
    if (xIdleCount[x] > 0
        && (formation.pCount[pool] > 0
            || (xBack[x] >= 0 && formation.pCount[xPool[xBack[x]]] > 0))) {
      loadVessel(x, Math.min(formation.pCount[pool], xEffCap[x]));
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
    vPhase[v] = LOADING;
    vReq[v] = now;
    take(v, x, n);
    berthRequest(v);
  }

  /** Vessel {@code v} takes {@code n} units (0 or more) from the yard of crossing {@code x}. */
  private void take(int v, int x, int n) {
    long now = engine.now();
    vHead[v] = n == 0 ? NONE : formation.takeFromPool(xPool[x], n, layout.crossingYardResource[x]);
    vTail[v] = n == 0 ? NONE : formation.lastTail();
    vCount[v] = n;
    int port = xFrom[x];
    yardUnits[port] -= n;
    yardStat[port].set(now, yardUnits[port]);
    if (yard[port] != null) {
      yard[port].leave(n);
      if (yard[port].heldNow() > 0 && !admitPending[port]) {
        // Let the held trains in after this event, not inside the loading loop.
        admitPending[port] = true;
        engine.schedule(now, YARD_ADMIT, port);
      }
    }
  }

  private int vesselPort(int v) {
    int x = vCrossing[v];
    return vPhase[v] == LOADING ? xFrom[x] : xTo[x];
  }

  void berthRequest(int v) {
    int port = vesselPort(v);
    long now = engine.now();
    long until = disruptions.portClosedUntil(port, now);
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
      stats.recordWait(layout.portResource[port], now - vReq[v], vCount[v]);
    }
    engine.schedule(now + Draws.delayTicks(xHandling[vCrossing[v]], rngVessel), HANDLED, v);
  }

  void onHandled(int v) {
    int port = vesselPort(v);
    freeBerth(port);
    int x = vCrossing[v];
    if (vPhase[v] == LOADING) {
      vPhase[v] = SAILING;
      vReq[v] = engine.now();
      depart(v);
    } else {
      unload(v, xLeg[x]);
      vPhase[v] = RETURNING;
      int back = xBack[x];
      if (back >= 0 && formation.pCount[xPool[back]] > 0) {
        // The way back carries what waits in the opposite yard, loaded in the same port call.
        take(v, back, Math.min(formation.pCount[xPool[back]], xEffCap[x]));
      }
      engine.schedule(engine.now() + Draws.delayTicks(xSail[x], rngVessel), RETURNED, v);
    }
  }

  private void unload(int v, int leg) {
    int head = vHead[v];
    vHead[v] = NONE;
    vTail[v] = NONE;
    vCount[v] = 0;
    if (head != NONE) {
      formation.distribute(head, leg);
      formation.processTouched();
    }
  }

  void freeBerth(int port) {
    long now = engine.now();
    long until = disruptions.portClosedUntil(port, now);
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
  void depart(int v) {
    int x = vCrossing[v];
    int port = xFrom[x];
    long now = engine.now();
    long until = disruptions.portClosedUntil(port, now);
    if (until > now) {
      engine.schedule(until, DEPART_RETRY, v);
      return;
    }
    if (now >= warmup && now > vReq[v]) {
      stats.recordWait(layout.crossingFleetResource[x], now - vReq[v], vCount[v]);
    }
    engine.schedule(now + Draws.delayTicks(xSail[x], rngVessel), ARRIVED, v);
  }

  /** Vessel {@code v} reached the far port and queues for a berth to unload. */
  void onArrived(int v) {
    vPhase[v] = UNLOADING;
    vReq[v] = engine.now();
    berthRequest(v);
  }

  /**
   * Vessel {@code v} is back at its home port: a return load is put ashore at once (the handling of
   * a port call, 20 h on average at Baku, TREND250603, is the whole exchange of a call, so the
   * return load adds no berth time at either end) and the vessel is idle.
   */
  void onReturned(int v) {
    int x = vCrossing[v];
    if (vCount[v] > 0) {
      unload(v, xLeg[xBack[x]]);
    }
    xIdle[x][xIdleCount[x]++] = v;
    xBusy[x].set(engine.now(), xIdle[x].length - xIdleCount[x]);
    tryLoad(x);
  }
}
