package org.caravan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.network.Network;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ResolvedScenario;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;

/**
 * What a study variant changes on the map and in routing (docs/STUDIES.md, "Routes under each
 * variant"). <b>Changes</b>: the nodes and links a variant's overlay names ({@code [node=ID]},
 * {@code [link=ID]} selectors, and the {@code nodes}/{@code node}/{@code link} fields of what it
 * sets, e.g. a closure's nodes), plus whether it touches every crossing. <b>Routes</b>: for the
 * origin–destination pairs of the study baseline's flows, the fastest route (the router's time
 * objective, the rule the simulation routes flows by) on today's network against the fastest route
 * on the network the variant leaves: without every link touching a node its disruptions close. A
 * variant that closes nothing leaves routing as it is (its count is 0 without routing). Stateless.
 */
final class VariantRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SELECTOR = Pattern.compile("\\[(node|link)=([^\\]]+)]");

  /** A pair's fastest route, reduced to what the comparison needs. */
  private record Best(String corridor, List<String> legs, double days, double usd, double kg) {}

  /**
   * Routes by baseline scenario and closed nodes, for the default network: compiling a network and
   * routing every pair takes seconds, and a comparison is asked for again and again (web page).
   * Bounded by the distinct closures of the studies compared in this process.
   */
  private static final Map<String, Map<String, Optional<Best>>> CACHE = new ConcurrentHashMap<>();

  private VariantRoutes() {}

  /** The nodes and links an overlay ({@code {"set": ..., "scale": ...}}) names. */
  static ObjectNode changes(JsonNode overlay) {
    Set<String> nodes = new TreeSet<>();
    Set<String> links = new TreeSet<>();
    boolean allCrossings = false;
    for (String part : List.of("set", "scale")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = overlay.path(part).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Matcher m = SELECTOR.matcher(e.getKey());
        while (m.find()) {
          (m.group(1).equals("node") ? nodes : links).add(m.group(2));
        }
        allCrossings |= e.getKey().contains("crossings[*]");
        collect(e.getValue(), nodes, links);
      }
    }
    ObjectNode o = JSON.createObjectNode();
    nodes.forEach(o.putArray("nodes")::add);
    links.forEach(o.putArray("links")::add);
    o.put("all_crossings", allCrossings);
    o.set("closed_nodes", closedNodes(overlay));
    return o;
  }

  private static void collect(JsonNode v, Set<String> nodes, Set<String> links) {
    if (v.isObject()) {
      v.path("nodes").forEach(n -> nodes.add(n.asText()));
      if (v.path("node").isTextual()) {
        nodes.add(v.path("node").asText());
      }
      if (v.path("link").isTextual()) {
        links.add(v.path("link").asText());
      }
    }
  }

  /** The nodes the overlay's added disruptions close (their {@code nodes}). */
  private static ArrayNode closedNodes(JsonNode overlay) {
    Set<String> closed = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.path("set").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("disruptions")) {
        e.getValue().path("nodes").forEach(n -> closed.add(n.asText()));
        if (e.getValue().path("node").isTextual()) {
          closed.add(e.getValue().path("node").asText());
        }
      }
    }
    ArrayNode a = JSON.createArrayNode();
    closed.forEach(a::add);
    return a;
  }

  /**
   * Adds {@code changes} and {@code routes} to every variant of a comparison ({@link
   * StudyViews#compareJson}); {@code overlays} by variant name as {@code study show} has them.
   */
  static void annotate(
      ObjectNode comparison,
      String baseline,
      Map<String, JsonNode> overlays,
      Caravan caravan,
      boolean withRoutes) {
    Scenario sc = ScenarioLoader.loadResource(baseline, caravan);
    Map<String, String[]> pairs = new LinkedHashMap<>();
    for (ResolvedScenario.Flow f : sc.model().demand().flows()) {
      pairs.putIfAbsent(f.from() + ">" + f.to(), new String[] {f.from(), f.to()});
    }
    long departure_s = sc.start().getEpochSecond();
    Map<String, Optional<Best>> base =
        !withRoutes
            ? Map.of()
            : CACHE.computeIfAbsent(
                System.identityHashCode(caravan) + "|" + baseline + "|",
                k -> routeAll(caravan, pairs, departure_s));
    for (JsonNode v : comparison.path("variants")) {
      ObjectNode vo = (ObjectNode) v;
      ObjectNode ch = changes(overlays.getOrDefault(v.path("variant").asText(), JSON.nullNode()));
      if (ch.path("all_crossings").asBoolean()) {
        // "crossings[*]": every crossing the baseline scenario names, by its link
        Set<String> links = new TreeSet<>();
        ch.path("links").forEach(l -> links.add(l.asText()));
        links.addAll(sc.model().capacities().crossings().keySet());
        ArrayNode a = ch.putArray("links");
        links.forEach(a::add);
      }
      vo.set("changes", ch);
      if (!withRoutes) {
        continue;
      }
      Set<String> closed = new TreeSet<>();
      ch.path("closed_nodes").forEach(n -> closed.add(n.asText()));
      Map<String, Optional<Best>> moved =
          closed.isEmpty()
              ? base
              : CACHE.computeIfAbsent(
                  System.identityHashCode(caravan) + "|" + baseline + "|" + closed,
                  k -> routeAll(caravan.closing(closed, false), pairs, departure_s));
      vo.set("routes", summary(pairs, base, moved, !closed.isEmpty()));
    }
  }

  private static ObjectNode summary(
      Map<String, String[]> pairs,
      Map<String, Optional<Best>> base,
      Map<String, Optional<Best>> moved,
      boolean networkChanged) {
    ObjectNode o = JSON.createObjectNode();
    o.put("pairs", pairs.size());
    o.put("network_changed", networkChanged);
    int routeChanged = 0;
    int corridorChanged = 0;
    int lost = 0;
    double days = 0;
    double usd = 0;
    double kg = 0;
    ArrayNode list = JSON.createArrayNode();
    for (String k : pairs.keySet()) {
      Optional<Best> a = base.get(k);
      Optional<Best> b = moved.get(k);
      if (a.isEmpty()) {
        continue;
      }
      if (b.isEmpty()) {
        lost++;
        list.addObject().put("pair", k).put("from_corridor", a.get().corridor()).put("lost", true);
        continue;
      }
      if (a.get().legs().equals(b.get().legs())) {
        continue;
      }
      routeChanged++;
      boolean corr = !a.get().corridor().equals(b.get().corridor());
      corridorChanged += corr ? 1 : 0;
      days += b.get().days() - a.get().days();
      usd += b.get().usd() - a.get().usd();
      kg += b.get().kg() - a.get().kg();
      list.addObject()
          .put("pair", k)
          .put("from_corridor", a.get().corridor())
          .put("to_corridor", b.get().corridor())
          .put("transit_days_diff", b.get().days() - a.get().days())
          .put("cost_usd_teu_diff", b.get().usd() - a.get().usd())
          .put("co2e_kg_teu_diff", b.get().kg() - a.get().kg());
    }
    o.put("route_changed", routeChanged);
    o.put("corridor_changed", corridorChanged);
    o.put("no_route", lost);
    o.put("transit_days_diff_mean", routeChanged == 0 ? 0 : days / routeChanged);
    o.put("cost_usd_teu_diff_mean", routeChanged == 0 ? 0 : usd / routeChanged);
    o.put("co2e_kg_teu_diff_mean", routeChanged == 0 ? 0 : kg / routeChanged);
    o.set("changed", list);
    return o;
  }

  private static Map<String, Optional<Best>> routeAll(
      Caravan caravan, Map<String, String[]> pairs, long departure_s) {
    Network net = caravan.network();
    Map<String, Optional<Best>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> p : pairs.entrySet()) {
      var from = net.findNode(p.getValue()[0]);
      var to = net.findNode(p.getValue()[1]);
      if (from.isEmpty() || to.isEmpty()) {
        out.put(p.getKey(), Optional.empty());
        continue;
      }
      RouteResponse r =
          caravan
              .router()
              .route(
                  RouteRequest.of(from.getAsInt(), to.getAsInt(), departure_s)
                      .withObjective(Objective.TIME, 1));
      out.put(
          p.getKey(),
          r.routes().stream()
              .findFirst()
              .filter(best -> best.transitDays() * 24 < Caravan.CLOSED_LINK_H) // over a closed link
              .map(
                  best -> {
                    List<String> legs = new ArrayList<>();
                    best.legs().forEach(l -> legs.add(l.from() + ">" + l.to() + ":" + l.mode()));
                    return new Best(
                        best.corridor(),
                        legs,
                        best.transitDays(),
                        best.cost_cents() / 100.0,
                        best.co2e_g() / 1000.0);
                  }));
    }
    return out;
  }
}
