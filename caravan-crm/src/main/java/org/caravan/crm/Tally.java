package org.caravan.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.MaterialRisk;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Share;

/**
 * Sums over routed tonnes: a material's chokepoint shares (per chokepoint and per exact set, the
 * latter summing to the flow), the Herfindahl–Hirschman concentration index and tonne-weighted
 * means. Shared by the risk view and the simulation's demand layer.
 */
final class Tally {
  private Tally() {}

  /** Per material: its flows, chokepoint shares and sets, and the two concentration indices. */
  static List<MaterialRisk> materials(CrmDataset data, Map<String, FlowRoutes> flows) {
    List<MaterialRisk> out = new ArrayList<>();
    for (Material m : data.materials()) {
      List<FlowRoutes> fs =
          data.flows().stream()
              .filter(f -> f.material().equals(m.id()))
              .map(f -> flows.get(f.id()))
              .toList();
      double total = fs.stream().mapToDouble(FlowRoutes::tonnes_yr).sum();
      Map<String, Double> byRoute = new LinkedHashMap<>();
      Map<String, Double> byChoke = new LinkedHashMap<>();
      Map<String, Double> bySet = new LinkedHashMap<>();
      data.risks().chokepoints().forEach(c -> byChoke.put(c.id(), 0.0));
      for (FlowRoutes f : fs) {
        for (RoutedPart p : f.routes()) {
          byRoute.merge(String.join("|", p.legs()), p.tonnes_yr(), Double::sum);
          p.chokepoints().forEach(c -> byChoke.merge(c, p.tonnes_yr(), Double::sum));
          String set = p.chokepoints().isEmpty() ? "none" : String.join("+", p.chokepoints());
          bySet.merge(set, p.tonnes_yr(), Double::sum);
        }
        if (f.unrouted_t() > 0) {
          bySet.merge("unrouted", f.unrouted_t(), Double::sum);
        }
      }
      out.add(
          new MaterialRisk(
              m.id(),
              m.name(),
              m.euList(),
              m.cargo().code(),
              m.unClass(),
              total,
              fs,
              shares(byChoke, total),
              shares(bySet, total),
              hhi(byRoute.values(), total),
              hhi(bySet.values(), total)));
    }
    return out;
  }

  static List<Share> shares(Map<String, Double> tonnes, double total) {
    return tonnes.entrySet().stream()
        .map(
            e ->
                new Share(
                    e.getKey(), round2(e.getValue()), total > 0 ? round4(e.getValue() / total) : 0))
        .toList();
  }

  /** Herfindahl–Hirschman index on the 0–10,000 scale; 0 for an empty total. */
  static double hhi(Iterable<Double> tonnes, double total) {
    if (total <= 0) {
      return 0;
    }
    double s = 0;
    for (double t : tonnes) {
      s += (t / total) * (t / total);
    }
    return Math.round(s * 10_000);
  }

  static double weighted(List<RoutedPart> parts, ToDoubleFunction<RoutedPart> f) {
    double t = parts.stream().mapToDouble(RoutedPart::tonnes_yr).sum();
    return t <= 0
        ? 0
        : parts.stream().mapToDouble(p -> p.tonnes_yr() * f.applyAsDouble(p)).sum() / t;
  }

  static double total(List<RoutedPart> parts, ToDoubleFunction<RoutedPart> f) {
    return parts.stream().mapToDouble(p -> p.tonnes_yr() * f.applyAsDouble(p)).sum();
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
