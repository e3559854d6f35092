package org.caravan.simulation.corridor;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The KPIs of the model's reactions (docs/SIMULATION.md, "Reactions"), defined only when the spec
 * switches them on, so a scenario that switches no reaction on has exactly the KPIs it had before:
 * re-routed volume and its extra door-to-door time, empty boxes apart from loaded ones, and the
 * time trains and groups are held before full port yards.
 */
final class ReactionKpis {
  private static final double S_PER_DAY = 86_400;
  private static final double S_PER_H = 3600;
  private static final double S_PER_YEAR = 365 * S_PER_DAY;

  /** Where a KPI goes: {@link KpiCatalogue#add}. */
  interface Sink {
    void add(String name, KpiUnit unit, ToDoubleFunction<KpiCatalogue.Replication> value);
  }

  private ReactionKpis() {}

  static void add(Layout layout, Sink kpis) {
    CorridorSpec spec = layout.spec;
    List<CorridorSpec.Flow> flows = spec.flows();
    // Defined for every flow whose rule is reroute, with or without alternatives (a study's
    // baseline
    // without closures has none), so the baseline and its closure variants have the same KPIs.
    if (flows.stream().anyMatch(f -> f.reaction().reroute())) {
      kpis.add("reroute.all.teu_per_year", KpiUnit.TEU_PER_YEAR, x -> x.reroutedTeu);
      kpis.add("reroute.all.tonnes_per_year", KpiUnit.TONNES_PER_YEAR, x -> x.reroutedTonnes);
      kpis.add(
          "reroute.all.extra_days",
          KpiUnit.DAYS,
          x -> x.result.reactions().reroutedExtra_s() / S_PER_DAY);
      kpis.add(
          "reroute.all.moved_units_per_year",
          KpiUnit.UNITS,
          x -> x.result.reactions().unitsMovedPerYear());
      for (int i = 0; i < flows.size(); i++) {
        CorridorSpec.Flow fl = flows.get(i);
        if (fl.reaction().reroute()) {
          int f = i;
          kpis.add(
              "reroute.flow." + fl.id() + ".teu_per_year",
              KpiUnit.TEU_PER_YEAR,
              x -> x.result.reactions().reroutedUnitsPerYear()[f] * fl.teuPerUnit());
        }
      }
    }
    if (flows.stream().anyMatch(f -> f.reaction().empty())) {
      kpis.add("throughput.empty.teu_per_year", KpiUnit.TEU_PER_YEAR, x -> x.allEmptyTeu);
      for (int i = 0; i < layout.corridors.size(); i++) {
        int c = i;
        kpis.add(
            "throughput.empty." + layout.corridors.get(c) + ".teu_per_year",
            KpiUnit.TEU_PER_YEAR,
            x -> x.corridorEmptyTeu[c]);
      }
      kpis.add(
          "empty.released.teu_per_year",
          KpiUnit.TEU_PER_YEAR,
          x -> {
            double teu = 0;
            for (int f = 0; f < flows.size(); f++) {
              teu += x.result.reactions().emptiesReleasedPerYear()[f] * flows.get(f).teuPerUnit();
            }
            return teu;
          });
    }
    for (int i = 0; i < spec.ports().size(); i++) {
      int p = i;
      CorridorSpec.Port port = spec.ports().get(p);
      if (!port.blocking()) {
        continue;
      }
      String prefix = "blocking." + port.node();
      kpis.add(
          prefix + ".held_share",
          KpiUnit.RATIO,
          x -> {
            long n = x.result.reactions().portArrivals()[p];
            return n == 0 ? 0 : (double) x.result.reactions().portHeld()[p] / n;
          });
      kpis.add(
          prefix + ".mean_held_h",
          KpiUnit.HOURS,
          x -> {
            long n = x.result.reactions().portHeld()[p];
            return n == 0 ? 0 : x.result.reactions().portHeld_s()[p] / n / S_PER_H;
          });
      kpis.add(
          prefix + ".held_unit_hours_per_year",
          KpiUnit.UNIT_HOURS_PER_YEAR,
          x -> x.result.reactions().portHeldUnit_s()[p] / S_PER_H / years(spec));
    }
  }

  private static double years(CorridorSpec spec) {
    return (spec.horizon_s() - spec.warmup_s()) / S_PER_YEAR;
  }
}
