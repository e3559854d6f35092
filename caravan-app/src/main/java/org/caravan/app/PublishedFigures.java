package org.caravan.app;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.caravan.network.Network;
import org.caravan.scenario.validation.Target;
import org.caravan.scenario.validation.TargetTable;

/**
 * The published figures for a route's two places: the rows of the target table ({@code
 * data/validation/targets.csv}, the figures {@code caravan validate} compares the model with) whose
 * origin and destination are the answer's, shown beside its routes so a forwarder can set the
 * answer against what operators, forwarders and studies report, each with its kind (promised,
 * guidance, observed, record), year and source. The comparison itself, with the misses explained,
 * is {@code docs/VALIDATION.md}.
 */
final class PublishedFigures {

  /** The table read once per network (a network overlay gets its own read). */
  private static final Map<Network, List<Target>> TABLES = new WeakHashMap<>();

  private PublishedFigures() {}

  /** The figures from {@code from} to {@code to} (node ids), in table order. */
  static List<RouteViews.Published> between(Network net, String from, String to) {
    return table(net).stream()
        .filter(t -> t.origin().equals(from) && t.destination().equals(to))
        .map(PublishedFigures::view)
        .toList();
  }

  private static List<Target> table(Network net) {
    synchronized (TABLES) {
      return TABLES.computeIfAbsent(
          net,
          n -> {
            try {
              return TargetTable.loadDefault(n);
            } catch (RuntimeException e) {
              // An overlay that renames a node the table names: the answer goes without the
              // figures (they are context, not part of the routes); validate reports the table.
              return List.of();
            }
          });
    }
  }

  private static RouteViews.Published view(Target t) {
    return new RouteViews.Published(
        t.id(),
        t.corridor(),
        t.via(),
        t.quantity().key(),
        t.low(),
        t.high(),
        t.quantity().unit(),
        t.kind(),
        t.year(),
        t.departed().map(Object::toString).orElse(""),
        t.blockTrain(),
        t.input().isPresent(),
        t.source(),
        t.note());
  }
}
