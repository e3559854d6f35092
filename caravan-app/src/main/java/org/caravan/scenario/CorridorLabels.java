package org.caravan.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caravan.network.Corridors;
import org.caravan.routing.Route;

/**
 * The corridor words a scenario flow or a validation target may name. The corridors themselves come
 * from the data ({@code data/network/corridors.csv}, their route labels: {@code middle}, {@code
 * northern}, {@code southern} for the default table); {@value #ANY} takes the fastest route
 * whatever its corridor. A target may also name the router's sea corridor ({@value
 * Route#SEA_CORRIDOR}), {@value #SEA_CAPE}, the sea corridor avoiding Suez, and a single corridor
 * of the table by its id ({@link CorridorRoutes} applies the rule).
 *
 * @param labels the valid words, data labels first, in file order
 */
public record CorridorLabels(List<String> labels) {
  /** Any corridor: the fastest route. */
  public static final String ANY = "any";

  /** The sea corridor round the Cape of Good Hope (the sea corridor avoiding Suez). */
  public static final String SEA_CAPE = "sea-cape";

  public CorridorLabels {
    labels = List.copyOf(labels);
  }

  /** What a scenario flow may name: the corridors' labels, or {@value #ANY}. */
  public static CorridorLabels forFlows(Corridors corridors) {
    return of(corridors.labels(), List.of(ANY));
  }

  /**
   * What a validation target may name: the corridors' labels, {@value Route#SEA_CORRIDOR}, {@value
   * #SEA_CAPE}, {@value #ANY}, or one corridor of the table by its id (a branch such as {@code
   * northern-manchuria}, when a figure describes one branch of a label: {@link CorridorRoutes}).
   */
  public static CorridorLabels forTargets(Corridors corridors) {
    List<String> extra = new ArrayList<>(List.of(Route.SEA_CORRIDOR, SEA_CAPE, ANY));
    corridors.corridors().forEach(c -> extra.add(c.id()));
    return of(corridors.labels(), extra);
  }

  private static CorridorLabels of(List<String> data, List<String> extra) {
    Set<String> all = new LinkedHashSet<>(data);
    all.addAll(extra);
    return new CorridorLabels(new ArrayList<>(all));
  }

  public boolean contains(String label) {
    return labels.contains(label);
  }

  /** The labels for a message: {@code middle, northern, southern or any}. */
  public String describe() {
    if (labels.size() == 1) {
      return labels.getFirst();
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.getLast();
  }
}
