package org.caravan.scenario.validation;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
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
        for (CorridorSpec.Crossing x : spec.crossings()) {
          if (x.id().endsWith("[" + t.origin() + ">" + t.destination() + "]")) {
            Optional<KpiStat> k = r.kpi("resource.yard." + x.id() + ".mean_wait_h");
            double served =
                r.kpi("resource.fleet." + x.id() + ".utilisation").map(KpiStat::mean).orElse(0.0);
            if (k.isPresent() && served > 0) {
              // The same wait the router charges: arrival at the port to the sailing.
              return new SimulatedValue(
                  OptionalDouble.of(WaitTable.departureWait(r, spec, x, network).total_h() / 24),
                  "mean wait from arrival at the port to the sailing (yard, berths, loading)");
            }
            return new SimulatedValue(OptionalDouble.empty(), "crossing carries no flow");
          }
        }
        return NONE;
      }
      case TRANSIT_DAYS -> {
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

  private static SimulatedValue transit(Target t, CorridorResult r, CorridorSpec spec) {
    for (int i = 0; i < spec.flows().size(); i++) {
      CorridorSpec.Flow f = spec.flows().get(i);
      if (same(t, f)) {
        double p = t.bestCase() ? Validator.FAST_END_PERCENTILE : 50;
        String of = (t.bestCase() ? "5th percentile" : "median") + " of flow " + f.id();
        if (t.departed().isPresent()) {
          // The flow's units that left in the figure's month (CorridorResult keeps them apart).
          int month0 = t.departed().get().getMonthValue() - 1;
          return new SimulatedValue(
              r.flowPercentileDays(i, p, month0),
              of
                  + ", units that left in "
                  + t.departed().get().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return new SimulatedValue(
            OptionalDouble.of(r.flowTransit()[i].getValueAtPercentile(p) / 1440.0), of);
      }
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
          // A dated figure: the units that left in its month.
          int flow = i;
          double[] cum =
              t.departed()
                  .map(m -> r.flowLegMonthCumulativeMean_s()[flow][m.getMonthValue() - 1])
                  .orElse(r.flowLegCumulativeMean_s()[i]);
          double before = start == 0 ? 0 : cum[start - 1];
          double v = (cum[k] - before) / 86_400;
          return new SimulatedValue(
              Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v),
              "mean, part of flow "
                  + f.id()
                  + t.departed()
                      .map(
                          m ->
                              ", units that left in "
                                  + m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                      .orElse(""));
        }
      }
    }
    return NONE;
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
}
