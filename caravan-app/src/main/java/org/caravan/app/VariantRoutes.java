package org.caravan.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ReactionRoutes;
import org.caravan.scenario.sim.ResolvedScenario;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;

/**
 * What a study variant changes on the map and in routing (docs/STUDIES.md, "Routes under each
 * variant"). <b>Changes</b>: the nodes and links a variant's overlay names ({@code [node=ID]},
 * {@code [link=ID]} selectors, and the {@code nodes}/{@code node}/{@code link} fields of what it
 * sets, e.g. a closure's nodes), plus whether it touches every crossing. <b>Routes</b>: for the
 * origin–destination pairs of the study baseline's flows, the fastest route (the router's time
 * objective) on today's network against the route under the variant's closures: a pair whose route
 * passes no closed node keeps it, the others take the best open route by the simulation's
 * re-routing rule ({@link ReactionRoutes}); a variant that switches planned links on ({@code
 * network.include_planned}) routes every pair on the network with them. A variant that does neither
 * leaves routing as it is. Stateless.
 */
final class VariantRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SELECTOR = Pattern.compile("\\[(node|link)=([^\\]]+)]");

  /** The overlay path of the planned links a variant switches on (docs/SIMULATION.md). */
  private static final String INCLUDE_PLANNED = "network.include_planned";

  /** A pair's fastest route, reduced to what the comparison needs. */
  private record Best(String corridor, List<String> legs, double days, double usd, double kg) {}

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
        if (e.getKey().equals(INCLUDE_PLANNED)) {
          e.getValue().forEach(l -> links.add(l.asText()));
        }
      }
    }
    ObjectNode o = JSON.createObjectNode();
    nodes.forEach(o.putArray("nodes")::add);
    links.forEach(o.putArray("links")::add);
    o.put("all_crossings", allCrossings);
    o.set("closed_nodes", closedNodes(overlay));
    ArrayNode planned = o.putArray("planned_links");
    overlay.path("set").path(INCLUDE_PLANNED).forEach(l -> planned.add(l.asText()));
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
   * Adds {@code changes} and, with {@code withRoutes}, {@code routes} to every variant of a
   * comparison ({@link StudyViews#compareJson}); {@code overlays} by variant name as {@code study
   * show} has them. The baseline scenario is loaded only when it is needed (routes, or a variant
   * that changes every crossing), so the changes alone cost no model work.
   */
  static void annotate(
      ObjectNode comparison,
      String baseline,
      Map<String, JsonNode> overlays,
      Caravan caravan,
      boolean withRoutes) {
    Scenario[] sc = new Scenario[1];
    Supplier<Scenario> scenario =
        () -> sc[0] != null ? sc[0] : (sc[0] = ScenarioLoader.loadResource(baseline, caravan));
    Pairs pairs = null;
    Map<Set<String>, Pairs> withPlanned = new LinkedHashMap<>();
    for (JsonNode v : comparison.path("variants")) {
      ObjectNode vo = (ObjectNode) v;
      ObjectNode ch = changes(overlays.getOrDefault(v.path("variant").asText(), JSON.nullNode()));
      if (ch.path("all_crossings").asBoolean()) {
        // "crossings[*]": every crossing the baseline scenario names, by its link
        Set<String> links = new TreeSet<>();
        ch.path("links").forEach(l -> links.add(l.asText()));
        links.addAll(scenario.get().model().capacities().crossings().keySet());
        ArrayNode a = ch.putArray("links");
        links.forEach(a::add);
      }
      vo.set("changes", ch);
      if (!withRoutes) {
        continue;
      }
      if (pairs == null) {
        pairs = Pairs.of(scenario.get(), caravan);
      }
      Set<String> closed = new TreeSet<>();
      ch.path("closed_nodes").forEach(n -> closed.add(n.asText()));
      Set<String> planned = new TreeSet<>();
      ch.path("planned_links").forEach(n -> planned.add(n.asText()));
      // Planned links: the same pairs routed on the network with them, then the closures.
      Scenario base = scenario.get();
      Pairs on =
          planned.isEmpty()
              ? pairs
              : withPlanned.computeIfAbsent(
                  planned, k -> Pairs.of(base, caravan.withPlannedLinks(k)));
      boolean changed = !closed.isEmpty() || !planned.isEmpty();
      vo.set("routes", summary(pairs.keys(), pairs.base(), on.under(closed), changed));
    }
  }

  /**
   * The baseline's origin–destination pairs (one per origin, destination and cargo) with their
   * fastest route on today's network, and the rule for the routes under a closure: a pair whose
   * route passes no closed node keeps it; any other takes the best open route by the rule flows
   * re-route by in the simulation ({@link ReactionRoutes#bestOpen}), so no network is compiled anew
   * and no search runs for a pair a closure does not touch.
   */
  private record Pairs(
      Map<String, Optional<Best>> base,
      Map<String, Flow> flows,
      Map<String, Set<String>> nodes,
      ReactionRoutes rule,
      Caravan caravan,
      long departure_s) {

    Set<String> keys() {
      return flows.keySet();
    }

    static Pairs of(Scenario sc, Caravan caravan) {
      Map<String, Flow> flows = new LinkedHashMap<>();
      for (ResolvedScenario.Flow f : sc.model().demand().flows()) {
        flows.putIfAbsent(f.from() + ">" + f.to() + ":" + f.cargo().code(), f);
      }
      long departure_s = sc.start().getEpochSecond();
      ReactionRoutes rule = new ReactionRoutes(caravan.network(), caravan.router());
      Map<String, Optional<Best>> base = new LinkedHashMap<>();
      Map<String, Set<String>> nodes = new LinkedHashMap<>();
      for (Map.Entry<String, Flow> e : flows.entrySet()) {
        Optional<Route> r = fastest(caravan, e.getValue(), departure_s);
        base.put(e.getKey(), r.map(VariantRoutes::best));
        nodes.put(e.getKey(), r.map(rule::nodes).orElse(Set.of()));
      }
      return new Pairs(base, flows, nodes, rule, caravan, departure_s);
    }

    Map<String, Optional<Best>> under(Set<String> closed) {
      if (closed.isEmpty()) {
        return base;
      }
      Network net = caravan.network();
      Map<String, Optional<Best>> out = new LinkedHashMap<>();
      for (Map.Entry<String, Flow> e : flows.entrySet()) {
        String k = e.getKey();
        Flow f = e.getValue();
        if (base.get(k).isEmpty() || Collections.disjoint(nodes.get(k), closed)) {
          out.put(k, base.get(k));
          continue;
        }
        int from = net.getNode(f.from());
        int to = net.getNode(f.to());
        out.put(
            k, rule.bestOpen(f.cargo(), from, to, closed, departure_s).map(VariantRoutes::best));
      }
      return out;
    }
  }

  private static ObjectNode summary(
      Set<String> pairs,
      Map<String, Optional<Best>> base,
      Map<String, Optional<Best>> moved,
      boolean networkChanged) {
    List<Change> changed = new ArrayList<>();
    for (String k : pairs) {
      Optional<Best> a = base.get(k);
      Optional<Best> b = moved.get(k);
      if (a.isEmpty()) {
        continue;
      }
      if (b.isEmpty()) {
        changed.add(new Lost(k, a.get().corridor(), true));
      } else if (!a.get().legs().equals(b.get().legs())) {
        changed.add(Moved.of(k, a.get(), b.get()));
      }
    }
    return ROUTES.valueToTree(new RouteSummary(pairs.size(), networkChanged, changed));
  }

  /** The routes document of a variant (docs/STUDIES.md), snake_case. */
  private static final ObjectMapper ROUTES = JsonDocuments.mapper();

  /**
   * How a variant moves the fastest routes of the scenario's pairs: the counts and the mean
   * difference (over the pairs whose route changes; zero when none does) follow from {@code
   * changed}, the pairs whose route differs, in pair order.
   */
  @JsonPropertyOrder({
    "pairs",
    "network_changed",
    "route_changed",
    "corridor_changed",
    "no_route",
    "mean",
    "changed"
  })
  private record RouteSummary(int pairs, boolean networkChanged, List<Change> changed) {
    @JsonProperty
    int routeChanged() {
      return moved().size();
    }

    @JsonProperty
    int corridorChanged() {
      return (int) moved().stream().filter(m -> !m.fromCorridor().equals(m.toCorridor())).count();
    }

    @JsonProperty
    int noRoute() {
      return changed.size() - moved().size();
    }

    @JsonProperty
    @JsonUnwrapped(suffix = "_diff_mean")
    Diff mean() {
      return Diff.mean(moved().stream().map(Moved::diff).toList());
    }

    private List<Moved> moved() {
      return changed.stream().filter(Moved.class::isInstance).map(Moved.class::cast).toList();
    }
  }

  /** A pair whose fastest route differs under the variant. */
  private sealed interface Change permits Lost, Moved {}

  /** A pair that has no route under the variant. */
  private record Lost(String pair, String fromCorridor, boolean lost) implements Change {}

  /** A pair whose fastest route changes: the corridors and the difference. */
  private record Moved(
      String pair,
      String fromCorridor,
      String toCorridor,
      @JsonUnwrapped(suffix = "_diff") Diff diff)
      implements Change {
    static Moved of(String pair, Best a, Best b) {
      return new Moved(
          pair,
          a.corridor(),
          b.corridor(),
          new Diff(b.days() - a.days(), b.usd() - a.usd(), b.kg() - a.kg()));
    }
  }

  /** Variant minus base: transit days, USD per TEU, kg CO2e per TEU. */
  private record Diff(double transitDays, double costUsdTeu, double co2eKgTeu) {
    /** The mean of each, summed in list order (zero for none). */
    static Diff mean(List<Diff> all) {
      if (all.isEmpty()) {
        return new Diff(0, 0, 0);
      }
      double days = 0;
      double usd = 0;
      double kg = 0;
      for (Diff d : all) {
        days += d.transitDays;
        usd += d.costUsdTeu;
        kg += d.co2eKgTeu;
      }
      int n = all.size();
      return new Diff(days / n, usd / n, kg / n);
    }
  }

  /** The fastest route of a flow's pair on today's network (wagons by rail and ferry only). */
  private static Optional<Route> fastest(Caravan caravan, Flow f, long departure_s) {
    Network net = caravan.network();
    var from = net.findNode(f.from());
    var to = net.findNode(f.to());
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    RouteRequest req =
        RouteRequest.of(from.getAsInt(), to.getAsInt(), departure_s)
            .withObjective(Objective.TIME, 1);
    if (f.cargo() == Cargo.WAGON) {
      req = req.withModes(EnumSet.of(Mode.RAIL, Mode.FERRY));
    }
    return caravan.router().route(req).routes().stream().findFirst();
  }

  private static Best best(Route r) {
    List<String> legs = new ArrayList<>();
    r.legs().forEach(l -> legs.add(l.from() + ">" + l.to() + ":" + l.mode()));
    return new Best(
        r.corridor(), legs, r.transitDays(), r.cost_cents() / 100.0, r.co2e_g() / 1000.0);
  }
}
