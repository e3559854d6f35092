package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.DAY_S;
import static org.caravan.simulation.corridor.Events.GATE_FREE;
import static org.caravan.simulation.corridor.Events.GATE_RETRY;
import static org.caravan.simulation.corridor.Events.LEG_END;
import static org.caravan.simulation.corridor.Events.STEP_DONE;

import java.util.SplittableRandom;
import org.caravan.simulation.engine.EntityLinks;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.Resource;
import org.caravan.simulation.random.Distribution;

/**
 * Line sections and borders ("gates") on a rail leg: a train takes the gate's next path, holds it
 * for one headway (86400 / trains per day), then runs or dwells for a sampled time; closed gates
 * hold trains until they open. A train passes its leg's gates in order, then the leg's end
 * handling.
 */
final class Borders {
  /*
   * Design. Line capacity follows the path/headway abstraction of capacity studies (UIC Code 406, Capacity,
   * 2nd ed., 2013): a section admits one train per 86400/paths seconds and trains then run for their sampled
   * running time, so sections can hold several trains. Borders and gauge changes are the same gate with
   * trains/day capacity followed by the CPMM dwell (ADB CAREC CPMM annual reports 2022/2023).
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

  Borders(
      EventEngine engine,
      Layout layout,
      SplittableRandom rngGate,
      Formation formation,
      Disruptions disruptions,
      ModelStats stats) {
    this.engine = engine;
    this.layout = layout;
    this.warmup = layout.spec.warmup_s();
    this.rngGate = rngGate;
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
    engine.schedule(now + Draws.delayTicks(gateDelay[g], rngGate), STEP_DONE, c);
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
