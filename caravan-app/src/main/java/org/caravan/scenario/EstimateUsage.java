package org.caravan.scenario;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.CarrierClass;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.network.Provenance;
import org.caravan.network.TransferSpec;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;

/**
 * Which estimated values the routes of a network depend on most: a sensitivity screen that tells
 * where better sources would change answers. Every ordered pair of terminals is routed (one TEU of
 * general cargo, the fastest route, departing on a fixed date so the result is reproducible); each
 * route marks the values it reads (link distance, duration and tariff; dwell at nodes passed;
 * handling at both ends; transfers at carrier changes; the frequency of services taken), and the
 * estimated ones (classes {@code ESTIMATE} and {@code BARE_ESTIMATE} of {@link Provenance}) are
 * ranked by the number of routes that read them.
 */
public final class EstimateUsage {
  /**
   * Departure used for every pair: a fixed Tuesday, so the ranking does not change with the clock.
   */
  public static final LocalDate DEPARTURE = LocalDate.of(2026, 12, 1);

  /**
   * One estimated value and how many of the routed pairs read it.
   *
   * @param value key {@code table/id#field}, as {@link Provenance.Value#key()}
   */
  public record Use(String value, String source, double number, int routes) {}

  /**
   * The ranking.
   *
   * @param pairs terminal pairs routed
   * @param routed pairs that have a route
   */
  public record Report(int pairs, int routed, List<Use> top) {}

  private EstimateUsage() {}

  /**
   * The {@code limit} estimated values read by the most routes between terminals of the network.
   */
  public static Report top(Network network, Router router, int limit) {
    NetworkSpec spec = network.spec();
    Map<String, Provenance.Value> estimated = new HashMap<>();
    Provenance.forEach(
        spec,
        v -> {
          if (v.kind() == Provenance.Kind.ESTIMATE || v.kind() == Provenance.Kind.BARE_ESTIMATE) {
            estimated.put(v.key(), v);
          }
        });
    Map<String, TransferSpec> transfers = new HashMap<>();
    spec.transfers().forEach(t -> transfers.put(t.key(), t));
    List<Integer> terminals = new ArrayList<>();
    for (int i = 0; i < network.nodeCount(); i++) {
      if (network.nodeKind(i) == NodeKind.TERMINAL) {
        terminals.add(i);
      }
    }
    long departure = DEPARTURE.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    Map<String, Integer> counts = new HashMap<>();
    int pairs = 0;
    int routed = 0;
    for (int a : terminals) {
      for (int b : terminals) {
        if (a == b) {
          continue;
        }
        pairs++;
        RouteRequest q = RouteRequest.of(a, b, departure).withObjective(Objective.TIME, 1);
        RouteResponse r = router.route(q);
        if (r.routes().isEmpty()) {
          continue;
        }
        routed++;
        for (String key : valuesRead(network, transfers, r.routes().getFirst())) {
          if (estimated.containsKey(key)) {
            counts.merge(key, 1, Integer::sum);
          }
        }
      }
    }
    List<Use> top =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .map(
                e -> {
                  Provenance.Value v = estimated.get(e.getKey());
                  return new Use(e.getKey(), v.source(), v.value(), e.getValue());
                })
            .toList();
    return new Report(pairs, routed, top);
  }

  /** Keys of the values a route reads (each once). */
  static Set<String> valuesRead(Network network, Map<String, TransferSpec> transfers, Route route) {
    Set<String> keys = new HashSet<>();
    List<Leg> legs = route.legs();
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      for (int l : leg.links()) {
        LinkSpec s = network.link(l);
        keys.add("links/" + s.id() + "#distance_km");
        keys.add("links/" + s.id() + "#duration_h");
        keys.add("links/" + s.id() + "#tariff_usd_teu");
      }
      if (!leg.service().isEmpty()) {
        keys.add("services/" + leg.service() + "#departures_per_week");
      }
      List<String> nodes = new ArrayList<>(leg.via());
      nodes.add(leg.from());
      nodes.add(leg.to());
      for (String n : nodes) {
        keys.add("nodes/" + n + "#dwell_h");
      }
      if (i + 1 < legs.size()
          && Leg.isTransfer(leg.carrierClass(), legs.get(i + 1).carrierClass())) {
        CarrierClass a = CarrierClass.values()[leg.carrierClass()];
        CarrierClass b = CarrierClass.values()[legs.get(i + 1).carrierClass()];
        TransferSpec t = transfers.get(TransferSpec.key(leg.to(), a, b));
        if (t != null) {
          String id = t.node() + "|" + t.fromClass().code() + "|" + t.toClass().code();
          keys.add("transfers/" + id + "#time_h");
          keys.add("transfers/" + id + "#cost_usd_teu");
        }
      }
    }
    if (!legs.isEmpty()) {
      for (String end : List.of(legs.getFirst().from(), legs.getLast().to())) {
        keys.add("nodes/" + end + "#handling_h");
        keys.add("nodes/" + end + "#handling_usd_teu");
      }
    }
    return keys;
  }
}
