package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Closure;

/**
 * The alternative routes of a re-routing flow, found once when the model is built: for every dated
 * closure that shuts a node on the flow's route, the fastest route of the router that avoids the
 * closed nodes, on any corridor (a closure is what makes a shipper leave its corridor). The router
 * has no "avoid node" constraint, so the search first takes the fastest of its alternatives that
 * passes none of the closed nodes, and else asks again avoiding the closed nodes' countries (except
 * the flow's origin and destination countries). Stateless apart from the network and router.
 */
final class ReactionRoutes {
  /** Alternatives asked of the router per search. */
  private static final int K = 10;

  private final Network network;
  private final Router router;

  ReactionRoutes(Network network, Router router) {
    this.network = network;
    this.router = router;
  }

  /**
   * The routes {@code cargo} from {@code from} to {@code to} may take around each closure that
   * touches {@code primary}, fastest first, without repeats and without the primary route itself.
   */
  List<Route> alternatives(
      Cargo cargo, int from, int to, Route primary, List<Closure> closures, long departure_s) {
    Set<String> onRoute = nodes(primary);
    List<Route> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(key(primary));
    for (Closure x : closures) {
      if (Collections.disjoint(onRoute, x.nodes())) {
        continue;
      }
      Set<String> closed = Set.copyOf(x.nodes());
      Route r = avoiding(cargo, from, to, closed, Set.of(), departure_s);
      if (r == null) {
        Set<String> countries = new HashSet<>();
        for (String n : closed) {
          countries.add(country(network.getNode(n)));
        }
        countries.remove(country(from));
        countries.remove(country(to));
        r = avoiding(cargo, from, to, closed, countries, departure_s);
      }
      if (r != null && seen.add(key(r))) {
        found.add(r);
      }
    }
    found.sort(
        (a, b) -> Long.compare(a.arrival_s() - a.departure_s(), b.arrival_s() - b.departure_s()));
    return found;
  }

  private Route avoiding(
      Cargo cargo, int from, int to, Set<String> closed, Set<String> countries, long departure_s) {
    RouteRequest req =
        RouteRequest.of(from, to, departure_s)
            .withObjective(Objective.TIME, K)
            .withAvoid(countries, Set.of());
    if (cargo == Cargo.WAGON) {
      // As for the flow's own route: wagons ride trains and rail ferries only.
      req = req.withModes(EnumSet.of(Mode.RAIL, Mode.FERRY));
    }
    for (Route r : router.route(req).routes()) {
      if (Collections.disjoint(nodes(r), closed)) {
        return r;
      }
    }
    return null;
  }

  /** Network ids of every node a route passes. */
  Set<String> nodes(Route r) {
    Set<String> ids = new HashSet<>();
    for (Leg leg : r.legs()) {
      for (int l : leg.links()) {
        ids.add(network.nodeId(network.linkFrom(l)));
        ids.add(network.nodeId(network.linkTo(l)));
      }
    }
    return ids;
  }

  private String country(int node) {
    return network.countryCode(network.nodeCountry(node));
  }

  private static String key(Route r) {
    StringBuilder b = new StringBuilder();
    for (Leg leg : r.legs()) {
      b.append(leg.mode()).append(java.util.Arrays.toString(leg.links()));
    }
    return b.toString();
  }
}
