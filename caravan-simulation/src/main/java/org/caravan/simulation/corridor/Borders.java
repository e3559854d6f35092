package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.DAY_S;
import static org.caravan.simulation.corridor.Events.GATE_FREE;
import static org.caravan.simulation.corridor.Events.GATE_RETRY;
import static org.caravan.simulation.corridor.Events.LEG_END;
import static org.caravan.simulation.corridor.Events.STEP_DONE;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.caravan.network.Episodes;
import org.caravan.simulation.engine.EntityLinks;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.Resource;
import org.caravan.simulation.random.Distribution;

/**
 * Line sections and borders ("gates") on a rail leg: a train takes the gate's next path, holds it
 * for one headway (86400 / trains per day), then runs or dwells for a sampled time; closed gates
 * hold trains until they open. A train passes its leg's gates in order, then the leg's end
 * handling. A dated border episode ({@link CorridorSpec.Hold}) holds a train of its leg after the
 * dwell, by the router's rule ({@link Episodes#release_s}); the gate's queue statistic stays the
 * queue before the gate.
 */
final class Borders {
  /*
   * Design. Line capacity follows the path/headway abstraction of capacity studies (UIC Code 406, Capacity,
   * 2nd ed., 2013): a section admits one train per 86400/paths seconds and trains then run for their sampled
   * running time, so sections can hold several trains. Borders and gauge changes are the same gate with
   * trains/day capacity followed by the CPMM dwell (ADB CAREC CPMM annual reports 2022/2023).
   * Dated episodes (data/network/episodes.csv) use the one release rule of Episodes, which the router
   * applies after the same dwell: a closure holds until its end; a congestion holds a train that ends
   * its dwell in the period by its own delay d, drawn from normal(D, sd) truncated at 0 on a stream of
   * its own (so a run without episodes draws exactly as before), and its backlog drains at end + D
   * with the mean D: release_s(CONGESTION, start, end + D - d, d, t) = min(t + d, end + D) on
   * [start, end + D). Holds are kept per leg and gate step, so an episode toward one country holds
   * only the legs that leave the border for it.
   */

  private final EventEngine engine;
  private final Layout layout;
  private final long warmup;
  private final SplittableRandom rngGate;
  private final Formation formation;
  private final Disruptions disruptions;
  private final ModelStats stats;

  final Resource[] gateRes;
  private final long[] gateHeadway;
  private final Distribution[] gateDelay;

  // Dated episodes: per leg and gate step the indexes of its holds (null: no hold anywhere).
  private static final int[] NO_HOLDS = new int[0];
  private final int[][][] stepHolds;
  private final Episodes.Kind[] holdKind;
  private final long[] holdStart;
  private final long[] holdEnd;
  private final long[] holdDelay;
  private final long[] holdSd;
  private final SplittableRandom rngEpisode;

  Borders(
      EventEngine engine,
      Layout layout,
      SplittableRandom rngGate,
      SplittableRandom rngEpisode,
      Formation formation,
      Disruptions disruptions,
      ModelStats stats) {
    this.engine = engine;
    this.layout = layout;
    this.warmup = layout.spec.warmup_s();
    this.rngGate = rngGate;
    this.rngEpisode = rngEpisode;
    this.formation = formation;
    this.disruptions = disruptions;
    this.stats = stats;
    EntityLinks consistLinks = new EntityLinks(256);
    int nGates = layout.spec.gates().size();
    gateRes = new Resource[nGates];
    gateHeadway = new long[nGates];
    gateDelay = new Distribution[nGates];
    for (int g = 0; g < nGates; g++) {
      CorridorSpec.Gate gate = layout.spec.gates().get(g);
      gateRes[g] = new Resource(engine, 1, consistLinks);
      gateHeadway[g] = Math.max(1, Math.round(DAY_S / gate.trainsPerDay()));
      gateDelay[g] = Draws.dist(gate.delayMean_s(), gate.delaySd_s());
    }
    List<CorridorSpec.Hold> holds = layout.spec.hazards().holds();
    int nHolds = holds.size();
    holdKind = new Episodes.Kind[nHolds];
    holdStart = new long[nHolds];
    holdEnd = new long[nHolds];
    holdDelay = new long[nHolds];
    holdSd = new long[nHolds];
    stepHolds = nHolds == 0 ? null : new int[layout.spec.legs().size()][][];
    for (int h = 0; h < nHolds; h++) {
      CorridorSpec.Hold x = holds.get(h);
      holdKind[h] = x.kind();
      holdStart[h] = x.start_s();
      holdEnd[h] = x.end_s();
      holdDelay[h] = x.delay_s();
      holdSd[h] = x.delaySd_s();
      int[][] steps = stepHolds[x.leg()];
      if (steps == null) {
        steps = new int[layout.spec.legs().get(x.leg()).gates().length][];
        Arrays.fill(steps, NO_HOLDS);
        stepHolds[x.leg()] = steps;
      }
      int[] old = steps[x.step()];
      steps[x.step()] = Arrays.copyOf(old, old.length + 1);
      steps[x.step()][old.length] = h;
    }
  }

  /** Consist {@code c} is at its next step: the next gate of its leg, or the leg's end handling. */
  void enterStep(int c) {
    int leg = formation.consistLeg(c);
    int s = formation.consistStep(c);
    if (s == formation.legGates[leg].length) {
      engine.schedule(engine.now() + formation.legEndHandling[leg], LEG_END, c);
      return;
    }
    formation.cReq[c] = engine.now();
    tryGate(c);
  }

  /** Consist {@code c} passed its current gate. */
  void onStepDone(int c) {
    formation.passGate(c);
    enterStep(c);
  }

  void tryGate(int c) {
    int g = formation.legGates[formation.consistLeg(c)][formation.consistStep(c)];
    long now = engine.now();
    long until = disruptions.gateClosedUntil(g, now);
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
      stats.recordWait(layout.gateResource[g], now - formation.cReq[c], formation.consistCount(c));
    }
    engine.schedule(now + gateHeadway[g], GATE_FREE, g);
    long done = now + Draws.delayTicks(gateDelay[g], rngGate);
    if (stepHolds != null) {
      done = release(formation.consistLeg(c), formation.consistStep(c), done);
    }
    engine.schedule(done, STEP_DONE, c);
  }

  /**
   * When a train of {@code leg} whose dwell at gate step {@code step} ends at {@code t} may go on:
   * the latest release of the episodes held there.
   */
  private long release(int leg, int step, long t) {
    int[][] steps = stepHolds[leg];
    if (steps == null) {
      return t;
    }
    long r = t;
    for (int h : steps[step]) {
      long mean = Episodes.release_s(holdKind[h], holdStart[h], holdEnd[h], holdDelay[h], t);
      if (mean > t && holdKind[h] == Episodes.Kind.CONGESTION && holdSd[h] > 0) {
        // This train's own delay d; the backlog still drains at end + D (see the design note).
        long d = Draws.truncatedNormalTicks(rngEpisode, holdDelay[h], holdSd[h]);
        long end = holdEnd[h] + holdDelay[h] - d;
        r = Math.max(r, Episodes.release_s(Episodes.Kind.CONGESTION, holdStart[h], end, d, t));
      } else {
        r = Math.max(r, mean);
      }
    }
    return r;
  }

  void onGateFree(int g) {
    long now = engine.now();
    long until = disruptions.gateClosedUntil(g, now);
    if (until > now) {
      engine.schedule(until, GATE_FREE, g);
      return;
    }
    int next = gateRes[g].release();
    if (next != Resource.NONE) {
      grant(next, g);
    }
  }
}
