package org.caravan.simulation.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * The KPIs of a corridor run, each defined once with its name, unit and how its value is read from
 * one replication, so the three cannot drift apart. The order of definition is the order of every
 * output.
 */
final class KpiCatalogue {
  /** One KPI: its name, unit and the value it takes in a replication. */
  record Kpi(String name, KpiUnit unit, ToDoubleFunction<Replication> value) {}

  /** One replication's result with the totals the KPIs share, summed once per replication. */
  static final class Replication {
    final ReplicationResult result;
    final double[] corridorTeu;
    final double[] corridorTonnes;
    final double[] corridorCo2e_t;
    final double[] corridorEmptyTeu;
    double allEmptyTeu;
    double reroutedTeu;
    double reroutedTonnes;
    double allTeu;
    double allTonnes;
    double allCo2e_t;

    /** Door-to-door minutes of all corridors together. */
    final Histogram allTransit = CorridorModel.newHistogram();

    Replication(Layout layout, ReplicationResult r) {
      this.result = r;
      CorridorSpec spec = layout.spec;
      int nc = layout.corridors.size();
      corridorTeu = new double[nc];
      corridorTonnes = new double[nc];
      corridorCo2e_t = new double[nc];
      corridorEmptyTeu = new double[nc];
      for (int f = 0; f < spec.flows().size(); f++) {
        CorridorSpec.Flow fl = spec.flows().get(f);
        double u = r.flowUnitsPerYear()[f];
        int c = layout.flowCorridor[f];
        if (fl.reaction().empty()) {
          // Empty boxes are not cargo: reported apart from the loaded throughput.
          corridorEmptyTeu[c] += u * fl.teuPerUnit();
          allEmptyTeu += u * fl.teuPerUnit();
        } else {
          corridorTeu[c] += u * fl.teuPerUnit();
          corridorTonnes[c] += u * fl.tonnesPerUnit();
        }
        corridorCo2e_t[c] += co2ePerYear_g(layout, r, f) / 1e6;
        double rerouted = r.reactions().reroutedUnitsPerYear()[f];
        reroutedTeu += rerouted * fl.teuPerUnit();
        reroutedTonnes += rerouted * fl.tonnesPerUnit();
      }
      for (int c = 0; c < nc; c++) {
        allTeu += corridorTeu[c];
        allTonnes += corridorTonnes[c];
        allCo2e_t += corridorCo2e_t[c];
      }
      for (Histogram h : r.corridorTransit()) {
        allTransit.add(h);
      }
    }
  }

  /**
   * CO2e per year of flow {@code f}: its delivered units at its own route's CO2e, except the units
   * of a re-routing flow that took an alternative, charged at the alternative's.
   */
  static double co2ePerYear_g(Layout layout, ReplicationResult r, int f) {
    CorridorSpec.Flow fl = layout.spec.flows().get(f);
    double u = r.flowUnitsPerYear()[f];
    if (!fl.reaction().reroutes()) {
      return u * fl.co2ePerUnit_g();
    }
    int[] paths = layout.flowPath[f];
    double g = 0;
    double onAlternatives = 0;
    for (int k = 1; k < paths.length; k++) {
      double n = r.reactions().pathUnitsPerYear()[paths[k]];
      onAlternatives += n;
      g += n * fl.reaction().alternativeCo2e_g()[k - 1];
    }
    return g + (u - onAlternatives) * fl.co2ePerUnit_g();
  }

  private final List<Kpi> kpis = new ArrayList<>();

  KpiCatalogue(Layout layout) {
    CorridorSpec spec = layout.spec;
    List<String> corridors = layout.corridors;
    add("throughput.all.teu_per_year", KpiUnit.TEU_PER_YEAR, x -> x.allTeu);
    add("throughput.all.tonnes_per_year", KpiUnit.TONNES_PER_YEAR, x -> x.allTonnes);
    for (int i = 0; i < corridors.size(); i++) {
      int c = i;
      add(
          "throughput." + corridors.get(c) + ".teu_per_year",
          KpiUnit.TEU_PER_YEAR,
          x -> x.corridorTeu[c]);
      add(
          "throughput." + corridors.get(c) + ".tonnes_per_year",
          KpiUnit.TONNES_PER_YEAR,
          x -> x.corridorTonnes[c]);
    }
    for (int i = 0; i < spec.flows().size(); i++) {
      int f = i;
      CorridorSpec.Flow fl = spec.flows().get(f);
      add(
          "throughput.flow." + fl.id() + ".teu_per_year",
          KpiUnit.TEU_PER_YEAR,
          x -> x.result.flowUnitsPerYear()[f] * fl.teuPerUnit());
      add(
          "throughput.flow." + fl.id() + ".tonnes_per_year",
          KpiUnit.TONNES_PER_YEAR,
          x -> x.result.flowUnitsPerYear()[f] * fl.tonnesPerUnit());
    }
    for (int i = 0; i < spec.legs().size(); i++) {
      int l = i;
      String id = spec.legs().get(l).id();
      add(
          "segment." + id + ".teu_per_year",
          KpiUnit.TEU_PER_YEAR,
          x -> x.result.legTeuPerYear()[l]);
      add(
          "segment." + id + ".tonnes_per_year",
          KpiUnit.TONNES_PER_YEAR,
          x -> x.result.legTonnesPerYear()[l]);
    }
    transit("transit.all", x -> x.allTransit, true);
    for (int i = 0; i < corridors.size(); i++) {
      int c = i;
      transit("transit." + corridors.get(c), x -> x.result.corridorTransit()[c], true);
    }
    for (int i = 0; i < spec.flows().size(); i++) {
      int f = i;
      transit("transit.flow." + spec.flows().get(f).id(), x -> x.result.flowTransit()[f], false);
    }
    add("co2e.all.tonnes_per_year", KpiUnit.CO2E_TONNES_PER_YEAR, x -> x.allCo2e_t);
    for (int i = 0; i < corridors.size(); i++) {
      int c = i;
      add(
          "co2e." + corridors.get(c) + ".tonnes_per_year",
          KpiUnit.CO2E_TONNES_PER_YEAR,
          x -> x.corridorCo2e_t[c]);
    }
    for (int i = 0; i < layout.resources.size(); i++) {
      int r = i;
      Layout.ResourceRef ref = layout.resources.get(r);
      String p = resourcePrefix(ref);
      add(p + ".utilisation", KpiUnit.RATIO, x -> x.result.resourceUtilisation()[r]);
      add(
          p + ".wait_unit_hours_per_year",
          KpiUnit.UNIT_HOURS_PER_YEAR,
          x -> x.result.resourceWaitUnitHoursPerYear()[r]);
      add(p + ".mean_wait_h", KpiUnit.HOURS, x -> x.result.resourceMeanWait_h()[r]);
      add(p + ".mean_queue", queueUnit(ref.kind()), x -> x.result.resourceMeanQueue()[r]);
    }
    add("storm.closed_days_per_year", KpiUnit.DAYS_PER_YEAR, x -> x.result.stormDays());
    ReactionKpis.add(layout, this::add);
  }

  /** The name prefix of a resource's KPIs, e.g. {@code resource.border.KZ-CN}. */
  static String resourcePrefix(Layout.ResourceRef ref) {
    return "resource." + ref.kind().code() + "." + ref.id();
  }

  private static KpiUnit queueUnit(ResourceKind kind) {
    return switch (kind) {
      case BERTH -> KpiUnit.VESSELS;
      case SECTION, BORDER -> KpiUnit.TRAINS;
      case FORMATION, YARD, FLEET, MARSHALLING -> KpiUnit.UNITS;
    };
  }

  void add(String name, KpiUnit unit, ToDoubleFunction<Replication> value) {
    kpis.add(new Kpi(name, unit, value));
  }

  /** Median, 95th percentile and (optionally) mean door-to-door days of a histogram of minutes. */
  private void transit(
      String prefix, Function<Replication, Histogram> histogram, boolean withMean) {
    add(prefix + ".p50_days", KpiUnit.DAYS, x -> percentileDays(histogram.apply(x), 50));
    add(prefix + ".p95_days", KpiUnit.DAYS, x -> percentileDays(histogram.apply(x), 95));
    if (withMean) {
      add(
          prefix + ".mean_days",
          KpiUnit.DAYS,
          x -> {
            Histogram h = histogram.apply(x);
            return h.getTotalCount() == 0 ? Double.NaN : h.getMean() / MINUTES_PER_DAY;
          });
    }
  }

  private static final double MINUTES_PER_DAY = 60.0 * 24;

  private static double percentileDays(Histogram h, double percentile) {
    return h.getTotalCount() == 0
        ? Double.NaN
        : h.getValueAtPercentile(percentile) / MINUTES_PER_DAY;
  }

  /** The KPIs in output order. */
  List<Kpi> kpis() {
    return kpis;
  }

  /** Number of KPIs. */
  int size() {
    return kpis.size();
  }

  /** Every KPI's value in replication {@code x}, in catalogue order. */
  double[] values(Replication x) {
    double[] v = new double[kpis.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = kpis.get(i).value().applyAsDouble(x);
    }
    return v;
  }
}
