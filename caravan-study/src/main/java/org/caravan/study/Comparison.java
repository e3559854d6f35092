package org.caravan.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caravan.simulation.stats.StudentT;

/**
 * Baseline against variant for every KPI, from the stored replications. Because replication {@code
 * r} of every variant shares its seed with the baseline's (common random numbers), the difference
 * is estimated from the paired differences d_r = variant_r − baseline_r: mean d̄ and the 95 %
 * half-width t(0.975, n−1)·s_d/√n (the paired-t interval, Law 5th ed. §10.2.1). Replications
 * missing in either, or with no value, are left out. A KPI with no pair (e.g. {@code
 * reroute.all.extra_days}, undefined in a baseline where nothing re-routes) is kept: each side's
 * own mean over the replications that have a value (NaN when none), no difference, no interval.
 */
public final class Comparison {
  /**
   * One KPI of one variant.
   *
   * @param halfWidth95 NaN when fewer than two pairs
   */
  public record KpiDiff(
      String kpi,
      String unit,
      double baseline,
      double variant,
      double diff,
      double halfWidth95,
      int pairs) {
    /** True when the 95 % interval excludes zero. */
    public boolean significant() {
      return Double.isFinite(halfWidth95) && Math.abs(diff) > halfWidth95;
    }
  }

  /** One variant against the baseline. */
  public record VariantDiff(
      String variant,
      String description,
      String source,
      int replications,
      String bottleneck,
      List<KpiDiff> kpis) {}

  /** A whole study. */
  public record Result(
      String study,
      String baselineBottleneck,
      int baselineReplications,
      List<VariantDiff> variants) {}

  private Comparison() {}

  /** Compares every stored variant of {@code study} with its baseline. */
  public static Result of(String study, StudyStore store) {
    Map<String, Map<String, Map<Integer, Double>>> kpis = store.kpis(study);
    Map<String, String> units = store.units(study);
    List<StudyStore.RunRow> runs = store.runs(study);
    Map<String, Map<Integer, Double>> base = kpis.getOrDefault(StudyFile.BASELINE, Map.of());
    List<VariantDiff> out = new ArrayList<>();
    for (StudyStore.VariantRow v : store.variants(study)) {
      if (v.variant().equals(StudyFile.BASELINE)) {
        continue;
      }
      Map<String, Map<Integer, Double>> var = kpis.getOrDefault(v.variant(), Map.of());
      List<KpiDiff> diffs = new ArrayList<>();
      for (Map.Entry<String, String> u : units.entrySet()) {
        diffs.add(
            paired(
                u.getKey(),
                u.getValue(),
                base.getOrDefault(u.getKey(), Map.of()),
                var.getOrDefault(u.getKey(), Map.of())));
      }
      int n = (int) runs.stream().filter(r -> r.variant().equals(v.variant())).count();
      out.add(
          new VariantDiff(
              v.variant(),
              v.description(),
              v.source(),
              n,
              binding(runs, v.variant()),
              List.copyOf(diffs)));
    }
    int nb = (int) runs.stream().filter(r -> r.variant().equals(StudyFile.BASELINE)).count();
    return new Result(study, binding(runs, StudyFile.BASELINE), nb, List.copyOf(out));
  }

  /** The paired difference of one KPI. */
  static KpiDiff paired(
      String kpi, String unit, Map<Integer, Double> base, Map<Integer, Double> var) {
    double sb = 0;
    double sv = 0;
    double sd = 0;
    int n = 0;
    List<Double> d = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : base.entrySet()) {
      Double v = var.get(e.getKey());
      if (v == null || Double.isNaN(v) || Double.isNaN(e.getValue())) {
        continue;
      }
      sb += e.getValue();
      sv += v;
      sd += v - e.getValue();
      d.add(v - e.getValue());
      n++;
    }
    if (n == 0) {
      return new KpiDiff(kpi, unit, mean(base), mean(var), Double.NaN, Double.NaN, 0);
    }
    double mean = sd / n;
    double hw = Double.NaN;
    if (n > 1) {
      double ss = 0;
      for (double x : d) {
        ss += (x - mean) * (x - mean);
      }
      hw = StudentT.twoSidedQuantile(0.95, n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }
    return new KpiDiff(kpi, unit, sb / n, sv / n, mean, hw, n);
  }

  /** The mean of the values that are numbers, in replication order; NaN when there is none. */
  private static double mean(Map<Integer, Double> values) {
    double sum = 0;
    int n = 0;
    for (Map.Entry<Integer, Double> e : new TreeMap<>(values).entrySet()) {
      if (!Double.isNaN(e.getValue())) {
        sum += e.getValue();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The resource that binds most often in a variant's replications (ties: by name); empty if none
   * ran.
   */
  static String binding(List<StudyStore.RunRow> runs, String variant) {
    Map<String, Integer> counts = new HashMap<>();
    for (StudyStore.RunRow r : runs) {
      if (r.variant().equals(variant)) {
        counts.merge(r.bottleneck(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey)
        .orElse("");
  }
}
