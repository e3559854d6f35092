package org.caravan.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where the numbers of a network come from, in four classes, so that "every value carries its
 * source" can be counted. A value's source cell is classified as:
 *
 * <ul>
 *   <li>{@link Kind#BARE_ESTIMATE}: {@code EST} alone, an estimate that names no basis;
 *   <li>{@link Kind#ESTIMATE}: {@code EST+ids}, or any cell that names a method note ({@code
 *       kind=method} in sources.csv): an estimate with its basis;
 *   <li>{@link Kind#DATASET}: only dataset ids (UN/LOCODE coordinates, port list, marnet
 *       distances);
 *   <li>{@link Kind#PUBLICATION}: anything else, i.e. at least one publication and no estimate
 *       step.
 * </ul>
 *
 * <p>The values counted are the ones a route or a simulation reads: node coordinates, dwell,
 * handling time and cost, capacity; link distance, duration, tariff, capacity; transfer time and
 * cost; service frequency and capacity. Standard deviations follow their mean and are not counted
 * separately.
 */
public final class Provenance {
  /** The class of one value's source. */
  public enum Kind {
    PUBLICATION,
    DATASET,
    ESTIMATE,
    BARE_ESTIMATE
  }

  /** One numeric value of the network files and its source cell. */
  public record Value(
      String table, String id, String field, double value, String source, Kind kind) {
    /** Stable key such as {@code links/KZ-DOSTYK-KZ-AKTOGAY-rail#tariff_usd_teu}. */
    public String key() {
      return table + "/" + id + "#" + field;
    }
  }

  private Provenance() {}

  /** Every counted value of the spec with its class, in file order. */
  public static void forEach(NetworkSpec spec, Consumer<Value> sink) {
    Set<String> datasets =
        spec.sources().stream()
            .filter(SourceSpec::isDataset)
            .map(SourceSpec::id)
            .collect(Collectors.toSet());
    Set<String> methods =
        spec.sources().stream()
            .filter(SourceSpec::isMethod)
            .map(SourceSpec::id)
            .collect(Collectors.toSet());
    Classifier c = new Classifier(datasets, methods, sink);
    for (NodeSpec n : spec.nodes()) {
      c.add("nodes", n.id(), n.sources(), n.citedValues());
    }
    for (LinkSpec l : spec.links()) {
      c.add("links", l.id(), l.sources(), l.citedValues());
    }
    for (TransferSpec t : spec.transfers()) {
      String id = t.node() + "|" + t.fromClass().code() + "|" + t.toClass().code();
      c.add("transfers", id, t.sources(), t.citedValues());
    }
    for (ServiceSpec s : spec.services()) {
      c.add("services", s.id(), s.sources(), s.citedValues());
    }
  }

  /** The class of a source cell such as {@code EST+CPMM23KZ} or {@code UNLOCODE}. */
  public static Kind classify(String source, Set<String> datasets, Set<String> methods) {
    if (source.equals(SourceSpec.ESTIMATE)) {
      return Kind.BARE_ESTIMATE;
    }
    if (source.startsWith(SourceSpec.ESTIMATE + "+")) {
      return Kind.ESTIMATE;
    }
    boolean allDatasets = true;
    for (String id : source.split("\\+")) {
      String s = id.trim();
      if (methods.contains(s)) {
        return Kind.ESTIMATE;
      }
      allDatasets &= datasets.contains(s);
    }
    return allDatasets ? Kind.DATASET : Kind.PUBLICATION;
  }

  private record Classifier(Set<String> datasets, Set<String> methods, Consumer<Value> sink) {
    /** The headline values of a row that are given. */
    void add(String table, String id, Map<String, String> sources, List<CitedValue> values) {
      for (CitedValue v : values) {
        if (v.headline() && !Double.isNaN(v.value())) {
          String s = sources.getOrDefault(v.group(), sources.getOrDefault("", ""));
          sink.accept(
              new Value(table, id, v.field(), v.value(), s, classify(s, datasets, methods)));
        }
      }
    }
  }
}
