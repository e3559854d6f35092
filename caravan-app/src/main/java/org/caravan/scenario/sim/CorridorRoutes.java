package org.caravan.scenario.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caravan.network.Mode;
import org.caravan.network.Passage;
import org.caravan.routing.CargoClass;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;

/**
 * The corridor rule: which of the router's routes count as a route on a corridor (corridor
 * membership from data/network/corridors.csv, plus the countries each corridor avoids). The
 * simulation assigns its flows with it and the validation asks it for the router's values, so both
 * sides take a corridor to mean the same routes.
 */
final class CorridorRoutes {
  private final Router router;

  CorridorRoutes(Router router) {
    this.router = router;
  }

  /**
   * The fastest route (of the router's 5 fastest) that uses a corridor: {@code middle} must cross
   * the Caspian between KZ/TM and AZ and avoids RU, BY, IR, UA; {@code northern} must pass RU or
   * BY; {@code southern} must pass IR and avoids RU, BY, AZ, GE, UA; {@code sea} is the router's
   * sea corridor; {@code sea-cape} the same avoiding Suez; {@code any} takes the fastest. Wagons
   * ride trains and rail ferries only. The one home of the corridor rule for the simulation and the
   * validation.
   */
  Optional<Route> first(
      int from,
      int to,
      String corridor,
      boolean wagons,
      long departure_s,
      double teu,
      double mass_t) {
    return all(from, to, corridor, wagons, departure_s, teu, mass_t).stream().findFirst();
  }

  /** The router's 5 fastest routes that use the corridor (see {@link #first}), fastest first. */
  List<Route> all(
      int from,
      int to,
      String corridor,
      boolean wagons,
      long departure_s,
      double teu,
      double mass_t) {
    // Wagons ride trains and rail ferries only, never container feeders or trucks.
    Set<Mode> modes = wagons ? EnumSet.of(Mode.RAIL, Mode.FERRY) : EnumSet.allOf(Mode.class);
    return all(from, to, corridor, modes, departure_s, teu, mass_t);
  }

  List<Route> all(
      int from,
      int to,
      String corridor,
      Set<Mode> modes,
      long departure_s,
      double teu,
      double mass_t) {
    Set<String> avoid =
        switch (corridor) {
          case "middle" -> Set.of("RU", "BY", "IR", "UA");
          case "southern" -> Set.of("RU", "BY", "AZ", "GE", "UA");
          // By sea: no land bridge across Central Asia or Russia may be faster than the ship.
          case Route.SEA_CORRIDOR, CorridorLabels.SEA_CAPE ->
              Set.of("RU", "BY", "KZ", "MN", "AZ", "GE", "IR", "TM", "UA");
          default -> Set.of();
        };
    Set<Passage> passages =
        CorridorLabels.SEA_CAPE.equals(corridor) ? Set.of(Passage.SUEZ) : Set.of();
    RouteRequest req =
        RouteRequest.of(from, to, departure_s)
            .withCargo(teu, mass_t, CargoClass.GENERAL, 0)
            .withObjective(Objective.TIME, 5)
            .withAvoid(avoid, passages);
    if (!modes.containsAll(EnumSet.allOf(Mode.class))) {
      req = req.withModes(modes);
    }
    RouteResponse resp = router.route(req);
    return resp.routes().stream().filter(r -> matches(r, corridor)).toList();
  }

  /**
   * A route is on a corridor when the router labels it so (corridor membership:
   * data/network/corridors.csv); {@code sea-cape} is the sea corridor avoiding Suez.
   */
  private static boolean matches(Route r, String corridor) {
    if (CorridorLabels.ANY.equals(corridor)) {
      return true;
    }
    return (CorridorLabels.SEA_CAPE.equals(corridor) ? Route.SEA_CORRIDOR : corridor)
        .equals(r.corridor());
  }
}
