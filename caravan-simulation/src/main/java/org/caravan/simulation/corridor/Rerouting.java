package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.CLOSURE_EDGE;

import org.caravan.simulation.engine.EventEngine;

/**
 * Re-routing around dated closures. A flow whose rule is {@code reroute} has precomputed
 * alternative routes (best first, from the router, {@link CorridorSpec.Reaction}); when a dated
 * closure starts or ends, every waiting unit of such a flow whose path is closed ahead takes the
 * best open route that continues from where it is, and while a closure is in force every unit that
 * is released or joins a pool does the same. Units on a moving train or vessel finish their current
 * leg first; units with no open route (or of a {@code wait} flow) wait at the closed element until
 * it reopens. Storms are not dated closures: they are waited out.
 */
final class Rerouting {
  /*
   * Design. The decision rule of a myopic shipper: re-plan at each decision point on the current state of
   * the network, with no forecast of the reopening (the real-time re-planning class of M. SteadieSeifi et
   * al., "Multimodal freight transportation planning: a literature review", EJOR 233(1), 2014, §5; design
   * §5 "re-planned on a disruption if the scenario says so"). Alternatives are routed once per flow and
   * closure by the scenario layer (the router with the closed nodes avoided), so no route is searched during
   * the run: a decision is a scan of a few precomputed paths against the closure windows.
   */

  private final EventEngine engine;
  private final Layout layout;
  private final Formation formation;
  private final Disruptions disruptions;
  private final Crossings crossings;
  private final ModelStats stats;
  private final long[] edges;
  private final boolean any;
  private int active;

  Rerouting(
      EventEngine engine,
      Layout layout,
      Formation formation,
      Disruptions disruptions,
      Crossings crossings,
      ModelStats stats) {
    this.engine = engine;
    this.layout = layout;
    this.formation = formation;
    this.disruptions = disruptions;
    this.crossings = crossings;
    this.stats = stats;
    this.edges = disruptions.datedEdges();
    boolean reroutes = false;
    for (CorridorSpec.Flow f : layout.spec.flows()) {
      reroutes |= f.reaction().reroutes();
    }
    this.any = reroutes;
  }

  /**
   * Schedules a decision at every start and end of a dated closure, before the other events of that
   * second (priority -1), when some flow re-routes.
   */
  void start() {
    if (!any) {
      return;
    }
    for (int i = 0; i < edges.length; i++) {
      engine.schedule(edges[i], -1, CLOSURE_EDGE, i);
    }
  }

  /** A dated closure starts or ends: waiting units re-decide. */
  void onEdge(int i) {
    long now = engine.now();
    int n = 0;
    for (int p = 0; p < layout.spec.gates().size(); p++) {
      n += disruptions.gateDatedClosed(p, now) ? 1 : 0;
    }
    for (int p = 0; p < layout.spec.ports().size(); p++) {
      n += disruptions.portDatedClosed(p, now) ? 1 : 0;
    }
    active = n;
    stats.rerouteMoved(formation.rerouteWaiting());
  }

  /**
   * The path a unit of flow {@code f} on {@code path}, about to start leg {@code pos}, takes now:
   * its own path when that is open from {@code pos} on (or no closure is in force); else the first
   * of the flow's routes (own route, then alternatives) that has travelled the same legs so far and
   * is open from {@code pos} on; else its own path (it waits).
   */
  int choose(int f, int path, int pos) {
    long now = engine.now();
    if (active == 0 || open(path, pos, now)) {
      return path;
    }
    int[] paths = layout.flowPath[f];
    for (int candidate : paths) {
      if (candidate != path && samePrefix(candidate, path, pos) && open(candidate, pos, now)) {
        return candidate;
      }
    }
    return path;
  }

  private boolean samePrefix(int a, int b, int pos) {
    int[] la = layout.pathLegs[a];
    int[] lb = layout.pathLegs[b];
    if (la.length <= pos || lb.length <= pos) {
      return false;
    }
    for (int k = 0; k < pos; k++) {
      if (la[k] != lb[k]) {
        return false;
      }
    }
    return true;
  }

  /** No gate or port on {@code path} from leg {@code pos} on is in a dated closure at {@code t}. */
  private boolean open(int path, int pos, long t) {
    int[] legs = layout.pathLegs[path];
    for (int k = pos; k < legs.length; k++) {
      int leg = legs[k];
      for (int g : formation.legGates[leg]) {
        if (disruptions.gateDatedClosed(g, t)) {
          return false;
        }
      }
      int x = formation.legCrossing[leg];
      if (x >= 0
          && (disruptions.portDatedClosed(crossings.xFrom[x], t)
              || disruptions.portDatedClosed(crossings.xTo[x], t))) {
        return false;
      }
    }
    return true;
  }
}
