package org.caravan.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.Scenario;
import org.caravan.simulation.corridor.CorridorModel;
import org.caravan.simulation.corridor.CorridorRunner;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.Layout;
import org.caravan.simulation.corridor.UnitTrace;
import org.caravan.tracking.Classifier;
import org.caravan.tracking.ContainerNumber;
import org.caravan.tracking.EventType;
import org.caravan.tracking.TrackingEvent;
import org.caravan.tracking.TransportMode;
import org.caravan.tracking.eta.Observations;
import org.caravan.tracking.eta.Segment;

/**
 * One replication of a corridor scenario with every unit traced: release, and the departure and
 * arrival of each leg, on the simulation clock. These are the "true" shipments the ETA evaluation
 * replays and the sample event file is cut from. Traces are held in flat primitive arrays (a unit's
 * legs at {@code offset[t]}), so a year of the default scenario costs a few arrays, not an object
 * per event.
 */
final class SimReplay implements UnitTrace {
  final CorridorSpec spec;
  final List<Route> plans;
  final long start_s; // epoch seconds of simulation time zero
  final long warmup_s;

  private int[] traceOfUnit = new int[1024];
  int[] flow = new int[1024];
  long[] release = new long[1024];
  int[] offset = new int[1024];
  long[] depart = new long[4096];
  long[] arrive = new long[4096];
  int traces;
  private int used;

  private SimReplay(CorridorSpec spec, List<Route> plans, long start_s, long warmup_s) {
    this.spec = spec;
    this.plans = plans;
    this.start_s = start_s;
    this.warmup_s = warmup_s;
  }

  /** Runs one replication of {@code sc} with seed {@code seed} (the scenario's own derivation). */
  static SimReplay run(Caravan caravan, Scenario sc, long seed) {
    ModelBuilder.Built built = new ModelBuilder(caravan).build(sc);
    SimReplay r =
        new SimReplay(built.spec(), built.plans(), sc.start().getEpochSecond(), sc.warmup_s());
    CorridorModel m =
        new CorridorModel(Layout.of(built.spec()), 0, CorridorRunner.replicationSeeds(seed, 1)[0]);
    m.setUnitTrace(r);
    m.run();
    return r;
  }

  @Override
  public void released(int unit, int f, long t_s) {
    if (unit >= traceOfUnit.length) {
      traceOfUnit = Arrays.copyOf(traceOfUnit, Math.max(unit + 1, traceOfUnit.length * 2));
    }
    int t = traces++;
    if (t == flow.length) {
      flow = Arrays.copyOf(flow, t * 2);
      release = Arrays.copyOf(release, t * 2);
      offset = Arrays.copyOf(offset, t * 2);
    }
    int legs = spec.flows().get(f).legs().length;
    if (used + legs > depart.length) {
      int cap = Math.max(used + legs, depart.length * 2);
      depart = Arrays.copyOf(depart, cap);
      arrive = Arrays.copyOf(arrive, cap);
    }
    Arrays.fill(depart, used, used + legs, -1);
    Arrays.fill(arrive, used, used + legs, -1);
    traceOfUnit[unit] = t;
    flow[t] = f;
    release[t] = t_s;
    offset[t] = used;
    used += legs;
  }

  @Override
  public void departed(int unit, int legPos, long t_s) {
    depart[offset[traceOfUnit[unit]] + legPos] = t_s;
  }

  @Override
  public void arrived(int unit, int legPos, long t_s) {
    arrive[offset[traceOfUnit[unit]] + legPos] = t_s;
  }

  int legs(int t) {
    return spec.flows().get(flow[t]).legs().length;
  }

  /** Whether trace {@code t} reached its destination within the run. */
  boolean delivered(int t) {
    return arrive[offset[t] + legs(t) - 1] >= 0;
  }

  /** Delivery time on the simulation clock (trace must be delivered). */
  long delivery(int t) {
    return arrive[offset[t] + legs(t) - 1];
  }

  String corridor(int t) {
    return spec.flows().get(flow[t]).corridor();
  }

  /** The planner's route of trace {@code t}'s flow. */
  Route plan(int t) {
    return plans.get(flow[t]);
  }

  /** Every completed leg of every trace as an observation, dated on the simulation clock. */
  Observations observations() {
    Observations.Builder b = new Observations.Builder();
    for (int t = 0; t < traces; t++) {
      List<Leg> legs = plan(t).legs();
      long prev = release[t];
      for (int p = 0; p < legs.size(); p++) {
        long d = depart[offset[t] + p];
        long a = arrive[offset[t] + p];
        if (d < 0 || a < 0) {
          break;
        }
        b.add(
            Segment.key(legs.get(p).from(), legs.get(p).to(), mode(legs.get(p)).name()),
            a,
            d - prev,
            a - d);
        prev = a;
      }
    }
    return b.build();
  }

  /**
   * The actual events of trace {@code t} up to {@code until_s} (simulation clock), as a tracking
   * system would have received them: gate-in at the origin, then per leg a departure (DEPA by rail,
   * FRLD onto a ferry, LOAD onto a ship, GTOT by road) and an arrival (ARRI, or DISC off a vessel).
   */
  List<TrackingEvent> events(int t, long until_s, String shipmentId) {
    List<TrackingEvent> out = new ArrayList<>();
    List<Leg> legs = plan(t).legs();
    String container = ContainerNumber.of("CRVU", t % 1_000_000);
    String dest = legs.getLast().to();
    if (release[t] > until_s) {
      return out;
    }
    out.add(
        event(
            shipmentId,
            0,
            container,
            EventType.GTIN,
            release[t],
            legs.getFirst().from(),
            mode(legs.getFirst()),
            dest));
    for (int p = 0; p < legs.size(); p++) {
      Leg l = legs.get(p);
      long d = depart[offset[t] + p];
      long a = arrive[offset[t] + p];
      TransportMode m = mode(l);
      if (d < 0 || d > until_s) {
        break;
      }
      EventType dep =
          switch (m) {
            case FERRY -> EventType.FRLD;
            case VESSEL, BARGE -> EventType.LOAD;
            case TRUCK -> EventType.GTOT;
            case RAIL -> EventType.DEPA;
          };
      out.add(event(shipmentId, 2 * p + 1, container, dep, d, l.from(), m, dest));
      if (a < 0 || a > until_s) {
        break;
      }
      EventType arr =
          m == TransportMode.FERRY || m == TransportMode.VESSEL ? EventType.DISC : EventType.ARRI;
      out.add(event(shipmentId, 2 * p + 2, container, arr, a, l.to(), m, dest));
    }
    return out;
  }

  private TrackingEvent event(
      String shipment,
      int k,
      String container,
      EventType type,
      long t_s,
      String location,
      TransportMode mode,
      String dest) {
    return new TrackingEvent(
        shipment + "-" + String.format(Locale.ROOT, "%02d", k),
        shipment,
        container,
        type,
        Classifier.ACT,
        start_s + t_s,
        location,
        Optional.empty(),
        Optional.of(mode),
        Optional.of(dest),
        List.of());
  }

  static TransportMode mode(Leg l) {
    return ShipmentTracker.mode(l);
  }
}
