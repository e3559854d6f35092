package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * the flow's origin and destination countries). The same rule gives a study variant's routes under
 * its closures ({@link #bestOpen}, docs/STUDIES.md). Stateless apart from the network and router.
 */
public final class ReactionRoutes {
  /** Alternatives asked of the router per search. */
  private static final int K = 10;

  private final Network network;
  private final Router router;

  public ReactionRoutes(Network network, Router router) {
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
      Optional<Route> r = bestOpen(cargo, from, to, Set.copyOf(x.nodes()), departure_s);
      if (r.isPresent() && seen.add(key(r.get()))) {
        found.add(r.get());
      }
    }
    found.sort(
        (a, b) -> Long.compare(a.arrival_s() - a.departure_s(), b.arrival_s() - b.departure_s()));
    return found;
  }

  /**
   * The fastest route from {@code from} to {@code to} that passes none of the {@code closed} nodes
   * (network ids): the fastest of the router's alternatives that avoids them, else the fastest
   * avoiding their countries (but the origin's and destination's); empty when there is none.
   */
  public Optional<Route> bestOpen(
      Cargo cargo, int from, int to, Set<String> closed, long departure_s) {
    Route r = avoiding(cargo, from, to, closed, Set.of(), departure_s);
    if (r == null) {
      Set<String> countries = new HashSet<>();
      for (String n : closed) {
        network.findNode(n).ifPresent(i -> countries.add(country(i)));
      }
      countries.remove(country(from));
      countries.remove(country(to));
      r = avoiding(cargo, from, to, closed, countries, departure_s);
    }
    return Optional.ofNullable(r);
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
  public Set<String> nodes(Route r) {
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
