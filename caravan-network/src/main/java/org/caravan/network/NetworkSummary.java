package org.caravan.network;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts that describe a network: what {@code caravan network info} prints. Map keys are sorted, so the JSON
 * form is stable.
 *
 * @param links link rows of the files (a two-way row counts once)
 * @param directedLinks links the router sees (a two-way row counts twice)
 * @param estimatedValues numeric values whose source is the project's own estimate ({@code EST})
 * @param citedValues numeric values with a source other than an estimate alone
 */
public record NetworkSummary(
    int nodes,
    int links,
    int directedLinks,
    int countries,
    int transfers,
    int services,
    int sources,
    Map<String, Integer> nodesByKind,
    Map<String, Integer> linksByMode,
    Map<String, Double> linkKmByMode,
    Map<String, Integer> nodesByCountry,
    int estimatedValues,
    int citedValues) {

  public static NetworkSummary of(Network network) {
    NetworkSpec spec = network.spec();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> byCountry = new TreeMap<>();
    int[] est = new int[2];
    for (NodeSpec n : spec.nodes()) {
      byKind.merge(n.kind().code(), 1, Integer::sum);
      byCountry.merge(n.country(), 1, Integer::sum);
      count(est, n.sources(), "coord", n.lat());
      count(est, n.sources(), "coord", n.lon());
      count(est, n.sources(), "dwell", n.dwell_h());
      count(est, n.sources(), "handling", n.handling_h());
      count(est, n.sources(), "handling", n.handling_usd_teu());
      count(est, n.sources(), "capacity", n.capacity_teu_day());
    }
    Map<String, Integer> byMode = new TreeMap<>();
    Map<String, Double> kmByMode = new TreeMap<>();
    java.util.Set<String> countries = new java.util.TreeSet<>(byCountry.keySet());
    for (LinkSpec l : spec.links()) {
      byMode.merge(l.mode().code(), 1, Integer::sum);
      kmByMode.merge(l.mode().code(), l.distance_km(), Double::sum);
      countries.addAll(l.countries());
      count(est, l.sources(), "distance", l.distance_km());
      count(est, l.sources(), "duration", l.duration_h());
      count(est, l.sources(), "tariff", l.tariff_usd_teu());
      count(est, l.sources(), "capacity", l.capacity_teu_day());
    }
    kmByMode.replaceAll((k, v) -> Math.round(v * 10) / 10.0);
    return new NetworkSummary(spec.nodes().size(), spec.links().size(), network.linkCount(), countries.size(),
        spec.transfers().size(), spec.services().size(), spec.sources().size(), byKind, byMode, kmByMode, byCountry,
        est[0], est[1]);
  }

  private static void count(int[] est, Map<String, String> sources, String group, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    String s = sources.getOrDefault(group, sources.getOrDefault("", ""));
    if (s.equals(SourceSpec.ESTIMATE) || s.startsWith(SourceSpec.ESTIMATE + "+")) {
      est[0]++;
    } else {
      est[1]++;
    }
  }
}
