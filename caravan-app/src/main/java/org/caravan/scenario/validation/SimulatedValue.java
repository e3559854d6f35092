package org.caravan.scenario.validation;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;

/**
 * The simulation's value for a target, and how it was read ({@code basis}, shown in the report):
 * the median (or, for a promise or a record, the 5th percentile) of the flow with the same origin,
 * destination and corridor, of its units that left in the figure's month when the figure is dated;
 * the mean time between two legs for a part of a flow; the per-resource statistics for waits,
 * border and handling times; the corridor's throughput. {@link #NONE} where the run has no such
 * flow or resource.
 */
record SimulatedValue(OptionalDouble value, String basis) {

  private static final SimulatedValue NONE =
      new SimulatedValue(OptionalDouble.empty(), "not simulated");

  /** The simulation's value for {@code t} in a finished run, with how it was read. */
  static SimulatedValue of(Target t, CorridorResult r, CorridorSpec spec, Network network) {
    switch (t.quantity()) {
      case THROUGHPUT_MT -> {
        return kpi(
            r, "throughput." + t.corridor() + ".tonnes_per_year", 1e6, "mean over replications");
      }
      case THROUGHPUT_TEU -> {
        return kpi(r, "throughput." + t.corridor() + ".teu_per_year", 1, "mean over replications");
      }
      case BORDER_H -> {
        for (CorridorSpec.Gate g : spec.gates()) {
          if (g.kind() == CorridorSpec.GateKind.BORDER && g.node().equals(t.origin())) {
            double q =
                r.kpi("resource.border." + g.id() + ".mean_wait_h").map(KpiStat::mean).orElse(0.0);
            return new SimulatedValue(
                OptionalDouble.of(q + g.delayMean_s() / 3600), "queue + dwell at the border gate");
          }
        }
        return NONE;
      }
      case HANDLING_H -> {
        for (CorridorSpec.Crossing x : spec.crossings()) {
          if (spec.ports().get(x.toPort()).node().equals(t.origin())
              || spec.ports().get(x.fromPort()).node().equals(t.origin())) {
            return new SimulatedValue(
                OptionalDouble.of(x.handlingMean_s() / 3600), "vessel handling of " + x.id());
          }
        }
        return NONE;
      }
      case WAIT_DAYS -> {
        // The ferry line where one sails between the two ports (the waits reported are
        // travellers', who ride the ferries), else the one line there is.
        List<CorridorSpec.Crossing> lines = new ArrayList<>();
        for (CorridorSpec.Crossing x : spec.crossings()) {
          if (x.id().endsWith("[" + t.origin() + ">" + t.destination() + "]")) {
            lines.add(x);
          }
        }
        if (lines.isEmpty()) {
          return NONE;
        }
        CorridorSpec.Crossing x =
            lines.stream().filter(c -> isFerry(network, c)).findFirst().orElse(lines.getFirst());
        Optional<KpiStat> k = r.kpi("resource.yard." + x.id() + ".mean_wait_h");
        double served =
            r.kpi("resource.fleet." + x.id() + ".utilisation").map(KpiStat::mean).orElse(0.0);
        if (k.isPresent() && served > 0) {
          // The same wait the router charges: arrival at the port to the sailing.
          return new SimulatedValue(
              OptionalDouble.of(WaitTable.departureWait(r, spec, x, network).total_h() / 24),
              "mean wait from arrival at the port to the sailing (yard, berths, loading) on "
                  + x.id());
        }
        return new SimulatedValue(OptionalDouble.empty(), "crossing carries no flow");
      }
      case TRANSIT_DAYS -> {
        if (!t.via().isEmpty()) {
          // The flows take the paths the simulation assigned them, not a path a figure names.
          return NONE;
        }
        return transit(t, r, spec);
      }
      case CO2E_KG_TEU -> {
        for (int i = 0; i < spec.flows().size(); i++) {
          CorridorSpec.Flow f = spec.flows().get(i);
          if (same(t, f) && f.teuPerUnit() > 0) {
            return new SimulatedValue(
                OptionalDouble.of(
                    f.co2ePerUnit_g()
                        / f.teuPerUnit()
                        / 1000
                        * 10
                        / (f.tonnesPerUnit() / f.teuPerUnit())),
                "flow " + f.id());
          }
        }
        return NONE;
      }
      default -> {
        return NONE;
      }
    }
  }

  /**
   * The default flow whose value a transit-time target takes: the first with the target's origin,
   * destination and corridor.
   */
  static OptionalInt flowOf(Target t, CorridorSpec spec) {
    for (int i = 0; i < spec.flows().size(); i++) {
      if (same(t, spec.flows().get(i))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static SimulatedValue transit(Target t, CorridorResult r, CorridorSpec spec) {
    OptionalInt whole = flowOf(t, spec);
    if (whole.isPresent()) {
      int i = whole.getAsInt();
      CorridorSpec.Flow f = spec.flows().get(i);
      double p = t.bestCase() ? Validator.FAST_END_PERCENTILE : 50;
      String of = (t.bestCase() ? "5th percentile" : "median") + " of flow " + f.id();
      if (t.departed().isPresent()) {
        // The flow's units that left in the figure's month (CorridorResult keeps them apart).
        int month0 = t.departed().get().getMonthValue() - 1;
        SimulatedValue v =
            new SimulatedValue(
                r.flowPercentileDays(i, p, month0),
                of
                    + ", units that left in "
                    + t.departed().get().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        return t.blockTrain() ? v.lessFormation(r, spec, f) : v;
      }
      SimulatedValue v =
          new SimulatedValue(
              OptionalDouble.of(r.flowTransit()[i].getValueAtPercentile(p) / 1440.0), of);
      return t.blockTrain() ? v.lessFormation(r, spec, f) : v;
    }
    Optional<Part> part = partOf(t, spec);
    if (part.isEmpty()) {
      return NONE;
    }
    int flow = part.get().flow();
    CorridorSpec.Flow f = spec.flows().get(flow);
    // A dated figure: the units that left in its month.
    double[] cum =
        t.departed()
            .map(m -> r.flowLegMonthCumulativeMean_s()[flow][m.getMonthValue() - 1])
            .orElse(r.flowLegCumulativeMean_s()[flow]);
    // From the arrival at the origin to the arrival at the destination, as the router reads a part:
    // the simulation counts the handling at a leg's end in that leg (a train's transfer to the next
    // carrier, a vessel's unloading at the far port), so it is taken off at both ends of the span.
    int[] legs = f.legs();
    int first = part.get().first();
    int last = part.get().last();
    double before = first == 0 ? 0 : cum[first - 1] - endHandling_s(spec, legs[first - 1]);
    double v = (cum[last] - endHandling_s(spec, legs[last]) - before) / 86_400;
    return new SimulatedValue(
        Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v),
        "mean, part of flow "
            + f.id()
            + " (arrival to arrival)"
            + t.departed()
                .map(
                    m ->
                        ", units that left in "
                            + m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .orElse(""));
  }

  /**
   * The handling a leg's time ends with in the simulation: a rail or delay leg's transfer at its
   * end node, a crossing's vessel handling at the far port.
   */
  private static double endHandling_s(CorridorSpec spec, int leg) {
    CorridorSpec.Leg l = spec.legs().get(leg);
    return l.crossing() >= 0
        ? spec.crossings().get(l.crossing()).handlingMean_s()
        : l.endHandling_s();
  }

  /**
   * A span of a default flow's path: leg positions {@code first..last} of flow {@code flow} (the
   * positions of its legs in the simulation and of the planner's route it was made from alike).
   */
  record Part(int flow, int first, int last) {}

  /**
   * The part of a default flow's path a transit time with no flow of its own describes (a Kazakh
   * section, one crossing): the first flow on the target's corridor with a leg leaving the origin
   * and a later (or the same) leg reaching the destination. Empty for a whole flow's figure.
   */
  static Optional<Part> partOf(Target t, CorridorSpec spec) {
    if (flowOf(t, spec).isPresent()) {
      return Optional.empty();
    }
    for (int i = 0; i < spec.flows().size(); i++) {
      CorridorSpec.Flow f = spec.flows().get(i);
      if (!corridorMatches(t.corridor(), f.corridor())) {
        continue;
      }
      int[] legs = f.legs();
      int start = -1;
      for (int k = 0; k < legs.length; k++) {
        CorridorSpec.Leg leg = spec.legs().get(legs[k]);
        if (start < 0 && leg.from().equals(t.origin())) {
          start = k;
        }
        if (start >= 0 && leg.to().equals(t.destination())) {
          return Optional.of(new Part(i, start, k));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One block train's figure against a flow of pooled units: the value less the mean formation
   * waits its units had at the nodes where they boarded a train (the unit-weighted mean of the
   * pools for the flow's destination and corridor at each), since a block train forms none, as the
   * router's train load ({@code RouteRequest.FULL_TRAIN_TEU}) does not.
   */
  private SimulatedValue lessFormation(CorridorResult r, CorridorSpec spec, CorridorSpec.Flow f) {
    if (value.isEmpty()) {
      return this;
    }
    Set<String> boarding = new HashSet<>();
    for (int leg : f.legs()) {
      boarding.add(spec.legs().get(leg).from());
    }
    Map<String, double[]> byNode = new HashMap<>();
    for (WaitTable.PoolWait w : WaitTable.pools(r)) {
      WaitTable.FormationPool pool = w.pool();
      if (boarding.contains(pool.node())
          && pool.destination().equals(f.to())
          && pool.corridor().equals(f.corridor())) {
        double[] acc = byNode.computeIfAbsent(pool.node(), x -> new double[2]);
        acc[0] += w.mean_h() * w.units();
        acc[1] += w.units();
      }
    }
    double formation_d = 0;
    for (double[] acc : byNode.values()) {
      formation_d += acc[0] / acc[1] / 24;
    }
    return new SimulatedValue(
        OptionalDouble.of(value.getAsDouble() - formation_d),
        basis
            + String.format(
                Locale.ROOT,
                ", less the %.1f d its units waited for trains to be formed (a block train forms"
                    + " none)",
                formation_d));
  }

  private static boolean same(Target t, CorridorSpec.Flow f) {
    return f.from().equals(t.origin())
        && f.to().equals(t.destination())
        && corridorMatches(t.corridor(), f.corridor());
  }

  private static boolean corridorMatches(String target, String flow) {
    return target.equals("any") || target.equals(flow);
  }

  private static SimulatedValue kpi(CorridorResult r, String name, double scale, String basis) {
    return r.kpi(name)
        .map(k -> new SimulatedValue(OptionalDouble.of(k.mean() / scale), basis))
        .orElse(NONE);
  }

  /** Whether a crossing sails a ferry link (wagons and travellers on board), by its link's mode. */
  private static boolean isFerry(Network network, CorridorSpec.Crossing x) {
    return WaitTable.linkIndex(network, WaitTable.crossingLink(x))
        .map(l -> network.linkMode(l) == Mode.FERRY)
        .orElse(false);
  }
}
