package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.ARRIVED;
import static org.caravan.simulation.corridor.Events.BERTH_FREE;
import static org.caravan.simulation.corridor.Events.BERTH_RETRY;
import static org.caravan.simulation.corridor.Events.CLOSURE_EDGE;
import static org.caravan.simulation.corridor.Events.CROSSING_TIMETABLE;
import static org.caravan.simulation.corridor.Events.DEMAND;
import static org.caravan.simulation.corridor.Events.DEPART_RETRY;
import static org.caravan.simulation.corridor.Events.FORM_TIMETABLE;
import static org.caravan.simulation.corridor.Events.GATE_FREE;
import static org.caravan.simulation.corridor.Events.GATE_RETRY;
import static org.caravan.simulation.corridor.Events.HANDLED;
import static org.caravan.simulation.corridor.Events.LEG_END;
import static org.caravan.simulation.corridor.Events.MARSHALLED;
import static org.caravan.simulation.corridor.Events.RETURNED;
import static org.caravan.simulation.corridor.Events.SAMPLE;
import static org.caravan.simulation.corridor.Events.STEP_DONE;
import static org.caravan.simulation.corridor.Events.WARMUP;
import static org.caravan.simulation.corridor.Events.YARD_ADMIT;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;
import org.caravan.simulation.engine.EventDispatcher;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.EventListener;
import org.caravan.simulation.random.RandomStreams;

/**
 * One replication of the corridor model: demand releases units (wagon slots) at their origins;
 * units wait in pools at the start of each leg; block trains leave a pool when full or at a
 * timetable slot and pass line sections and borders (gates); at ports units wait in the yard for a
 * vessel of the crossing's fleet, which is handled at a berth at both ends; delay legs (road, deep
 * sea) move units after one sampled time. Storms and dated closures shut ports and gates. Create,
 * {@link #run()}, read the result; one model per thread.
 *
 * <p>The model is split by concern, each part owning its primitive arrays: {@link Demand}
 * (releases), {@link Formation} (units, pools, trains), {@link Borders} (sections and border
 * gates), {@link Crossings} (ports, berths, fleets, low water), {@link Disruptions} (storms and
 * closures) and {@link ModelStats}. This class wires them and routes each event to its part; no
 * object is created per event or per unit.
 */
public final class CorridorModel implements EventDispatcher {
  /*
   * Design. Event scheduling on the engine (Law [1] ch. 1), one event per train movement step rather than
   * per container: containers only exist as list nodes carried by trains and vessels (the "entity
   * aggregation" of transport DES, cf. [2]). The parts cite their own sources (UIC 406 and CPMM for gates,
   * OECD 2023 for the fleet cycle, corridor-facts §5.1/§10.2 for storms). All durations are drawn from
   * per-purpose streams, so changing one part of the model leaves the others' random numbers unchanged
   * (common random numbers).
   *
   * [1] A. M. Law, Simulation Modeling and Analysis, 5th ed., 2015.
   * [2] J. Banks et al., Discrete-Event System Simulation, 5th ed., 2010, ch. 3 (entity and list processing).
   */

  private final EventEngine engine = new EventEngine(1, 1024);
  private final long horizon;
  private final long warmup;
  private final Demand demand;
  private final Formation formation;
  private final Borders borders;
  private final Crossings crossings;
  private final Rerouting rerouting;
  private final Disruptions disruptions;
  private final ModelStats stats;

  /**
   * Builds replication {@code replication} of {@code layout}'s spec with its own random streams.
   *
   * @param seed the replication's seed (the runner derives it from the scenario seed)
   */
  public CorridorModel(Layout layout, int replication, long seed) {
    CorridorSpec spec = layout.spec;
    this.horizon = spec.horizon_s();
    this.warmup = spec.warmup_s();
    RandomStreams streams = new RandomStreams(seed);
    stats = new ModelStats(engine, layout, replication, seed);
    formation = new Formation(engine, layout, streams.stream(3), streams.stream(5));
    disruptions = new Disruptions(spec, streams.stream(0), warmup, horizon);
    borders =
        new Borders(
            engine, layout, streams.stream(1), streams.stream(4), formation, disruptions, stats);
    crossings = new Crossings(engine, layout, streams.stream(2), formation, disruptions, stats);
    demand = new Demand(engine, spec, streams, formation, stats);
    rerouting = new Rerouting(engine, layout, formation, disruptions, crossings, stats);
    formation.wire(stats, borders, crossings, rerouting);
  }

  /** A histogram of door-to-door minutes (up to ten years, three significant digits). */
  public static Histogram newHistogram() {
    return new Histogram(ModelStats.HIST_MAX_MINUTES, 3);
  }

  /**
   * A histogram of door-to-door minutes for one flow and month of release: two significant digits
   * and int counts (about 9 kB each, twelve per flow), enough for a median to 1 %.
   */
  public static AbstractHistogram newMonthHistogram() {
    return new IntCountsHistogram(ModelStats.HIST_MAX_MINUTES, 2);
  }

  /** Sets a listener that sees every event (for tests and traces). */
  public void setListener(EventListener listener) {
    engine.setListener(listener);
  }

  /**
   * Sets a trace that sees every unit released, departing and arriving (for replaying simulated
   * shipments); none by default.
   */
  public void setUnitTrace(UnitTrace trace) {
    formation.setTrace(trace);
  }

  /** Runs the replication to the horizon and returns its result. Call once. */
  public ReplicationResult run() {
    demand.start();
    formation.start();
    crossings.start();
    stats.start();
    rerouting.start();
    engine.schedule(warmup, -1, WARMUP, 0);
    engine.runUntil(horizon, this);
    return stats.result(formation, borders, crossings, disruptions);
  }

  @Override
  public void dispatch(int type, int e) {
    switch (type) {
      case DEMAND -> demand.onDemand(e);
      case FORM_TIMETABLE -> formation.onFormationTimetable(e);
      case GATE_RETRY -> borders.tryGate(e);
      case GATE_FREE -> borders.onGateFree(e);
      case STEP_DONE -> borders.onStepDone(e);
      case LEG_END -> formation.onLegEnd(e);
      case CROSSING_TIMETABLE -> crossings.onCrossingTimetable(e);
      case BERTH_RETRY -> crossings.berthRequest(e);
      case HANDLED -> crossings.onHandled(e);
      case BERTH_FREE -> crossings.freeBerth(e);
      case DEPART_RETRY -> crossings.depart(e);
      case ARRIVED -> crossings.onArrived(e);
      case RETURNED -> crossings.onReturned(e);
      case SAMPLE -> stats.onSample(borders, crossings);
      case WARMUP -> stats.onWarmup(borders, crossings);
      case CLOSURE_EDGE -> rerouting.onEdge(e);
      case YARD_ADMIT -> crossings.onYardAdmit(e);
      case MARSHALLED -> formation.onMarshalled(e);
      default -> throw new IllegalStateException("unknown event type " + type);
    }
  }
}
