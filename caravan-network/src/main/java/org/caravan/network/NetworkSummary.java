package org.caravan.network;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts that describe a network: what {@code caravan network info} prints. Map keys are sorted, so
 * the JSON form is stable.
 *
 * @param links link rows of the files (a two-way row counts once)
 * @param directedLinks links the router sees (a two-way row counts twice)
 * @param plannedNodes nodes with status planned (counted in {@code nodes}; left out of routing by
 *     default)
 * @param plannedLinks links with status planned (counted in {@code links})
 * @param provenance the values in the four provenance classes of {@link Provenance}
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
    int plannedNodes,
    int plannedLinks,
    Provenance.Counts provenance) {

  /** Counts of the network as compiled (planned elements only when it was built with them). */
  public static NetworkSummary of(Network network) {
    return of(network.spec(), network.linkCount());
  }

  /** Counts of a spec as written in the files, planned elements included. */
  public static NetworkSummary of(NetworkSpec spec) {
    int directed = 0;
    for (LinkSpec l : spec.links()) {
      directed += l.directed() ? 1 : 2;
    }
    return of(spec, directed);
  }

  private static NetworkSummary of(NetworkSpec spec, int directedLinks) {
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> byCountry = new TreeMap<>();
    for (NodeSpec n : spec.nodes()) {
      byKind.merge(n.kind().code(), 1, Integer::sum);
      byCountry.merge(n.country(), 1, Integer::sum);
    }
    Map<String, Integer> byMode = new TreeMap<>();
    Map<String, Double> kmByMode = new TreeMap<>();
    Set<String> countries = new TreeSet<>(byCountry.keySet());
    for (LinkSpec l : spec.links()) {
      byMode.merge(l.mode().code(), 1, Integer::sum);
      kmByMode.merge(l.mode().code(), l.distance_km(), Double::sum);
      countries.addAll(l.countries());
    }
    kmByMode.replaceAll((k, v) -> Math.round(v * 10) / 10.0);
    int plannedNodes =
        (int) spec.nodes().stream().filter(n -> n.status() == Status.PLANNED).count();
    int plannedLinks =
        (int) spec.links().stream().filter(l -> l.status() == Status.PLANNED).count();
    return new NetworkSummary(
        spec.nodes().size(),
        spec.links().size(),
        directedLinks,
        countries.size(),
        spec.transfers().size(),
        spec.services().size(),
        spec.sources().size(),
        byKind,
        byMode,
        kmByMode,
        byCountry,
        plannedNodes,
        plannedLinks,
        Provenance.count(spec));
  }
}
