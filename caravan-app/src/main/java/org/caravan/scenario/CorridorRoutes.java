package org.caravan.scenario;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caravan.network.Corridors;
import org.caravan.network.Mode;
import org.caravan.network.Network;
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
 * simulation assigns its flows with it, the validation asks it for the router's values, and a
 * user's {@code route --corridor} gets its routes, so all three take a corridor to mean the same
 * routes.
 */
public final class CorridorRoutes {
  private final Router router;
  private final Corridors table;

  public CorridorRoutes(Router router, Corridors table) {
    this.router = router;
    this.table = table;
  }

  /**
   * A request for {@code teu} of general cargo weighing {@code mass_t} from {@code from} to {@code
   * to}, leaving at {@code departure_s}, on {@code modes} only.
   */
  public static RouteRequest request(
      int from, int to, long departure_s, double teu, double mass_t, Set<Mode> modes) {
    RouteRequest req =
        RouteRequest.of(from, to, departure_s).withCargo(teu, mass_t, CargoClass.GENERAL, 0);
    return modes.containsAll(EnumSet.allOf(Mode.class)) ? req : req.withModes(modes);
  }

  /** Wagons ride trains and rail ferries only, never container feeders or trucks. */
  public static Set<Mode> modes(boolean wagons) {
    return wagons ? EnumSet.of(Mode.RAIL, Mode.FERRY) : EnumSet.allOf(Mode.class);
  }

  /**
   * The router's 5 fastest routes (25 when none of the 5 is on the corridor) for {@code request}
   * ({@code feu} of its TEU in 40-ft boxes) that use a corridor, fastest first: {@code middle} must
   * cross the Caspian between KZ/TM and AZ and avoids RU, BY, IR, UA; {@code northern} must pass RU
   * or BY; {@code southern} must pass IR and avoids RU, BY, AZ, GE, UA; {@code sea} is the router's
   * sea corridor (between two seaports the sailing only; the countries of the two ends are not
   * avoided); {@code sea-cape} the same avoiding Suez; {@code any} takes them all. The one home of
   * the corridor rule for the simulation, the validation and the planner's {@code --corridor}.
   */
  public List<Route> all(RouteRequest request, double feu, String named) {
    Asked a = ask(request, named);
    // The 5 fastest, or, when another corridor fills all five (a Suez sailing beats a Middle
    // Corridor train held by a border congestion), the 25 fastest.
    List<Route> on = List.of();
    for (int k : new int[] {5, 25}) {
      RouteResponse resp = router.route(a.request().withObjective(Objective.TIME, k), feu);
      on = resp.routes().stream().filter(r -> matches(r, a.corridor())).toList();
      if (!on.isEmpty()) {
        break;
      }
    }
    return on;
  }

  /**
   * The answer to a user's request on one corridor: the routes of the request's own objective (the
   * Pareto set, or the k best by time, cost or CO2e among the corridor's exact Pareto routes; the
   * weighted objective by time) under the corridor's rule and carrying its label; when the rule
   * leaves routes of other labels only, the corridor's fastest ({@link #all}) less any route
   * another of them beats on days, cost, CO2e and p95 together ({@link Router#unbeaten}), and the
   * request says so (objective time).
   */
  public Answer answer(RouteRequest request, double feu, String named) {
    Asked a = ask(request, named);
    boolean pareto = request.objective() == Objective.PARETO;
    // One search: the Pareto set under the corridor's rule. The k best by one objective may all
    // lie elsewhere (the 25 cheapest routes under the Middle Corridor's rule are Cape sailings), so
    // a single objective takes the k best by it among the corridor's exact Pareto routes, which
    // hold the corridor's best by every single criterion.
    RouteResponse resp =
        router.route(
            pareto ? a.request() : a.request().withObjective(Objective.PARETO, 1).withEpsilon(0),
            feu);
    Comparator<Route> by =
        switch (request.objective()) {
          case COST -> Comparator.comparingLong(Route::cost_cents);
          case CO2E -> Comparator.comparingLong(Route::co2e_g);
          default -> Comparator.comparingLong(Route::arrival_s);
        };
    List<Route> on =
        resp.routes().stream()
            .filter(r -> matches(r, a.corridor()))
            .sorted(by.thenComparingLong(Route::arrival_s))
            .limit(pareto ? Long.MAX_VALUE : request.alternatives())
            .toList();
    if (!on.isEmpty()) {
      return new Answer(
          request, new RouteResponse(on, resp.capped(), resp.labels(), Optional.empty()));
    }
    List<Route> fastest = Router.unbeaten(all(request, feu, named), request.departure_s());
    return new Answer(
        request.withObjective(Objective.TIME, Math.max(1, fastest.size())),
        new RouteResponse(
            fastest,
            false,
            resp.labels(),
            fastest.isEmpty()
                ? Optional.of(
                    "no route on the "
                        + named
                        + " corridor among the 25 fastest that keep the other limits")
                : Optional.empty()));
  }

  /** A corridor's answer, and the request it answers (its objective time for the fastest list). */
  public record Answer(RouteRequest request, RouteResponse response) {}

  /**
   * The fastest route on a corridor through {@code via}, in order ({@link Router#through}, under
   * the corridor's rule): a figure that names its path (Altynkol, Aktau, Poti, Burgas) is timed on
   * that path.
   */
  public Optional<Route> through(RouteRequest request, double feu, String named, int[] via) {
    Asked a = ask(request, named);
    return router
        .through(a.request().withObjective(Objective.TIME, 1), via, feu)
        .filter(r -> matches(r, a.corridor()));
  }

  /** A request under a corridor's rule, and the label its routes must carry. */
  private record Asked(RouteRequest request, String corridor) {}

  private Asked ask(RouteRequest request, String named) {
    // A branch of a label (a corridor of the table by its id, e.g. northern-manchuria): the label's
    // rule, avoiding the countries only its sibling branches pass (Kazakhstan and Mongolia for the
    // direct China-Russia crossing).
    Optional<Corridors.Corridor> branch =
        table.corridors().stream()
            .filter(c -> c.id().equals(named) && !c.label().equals(named))
            .findFirst();
    String corridor = branch.map(Corridors.Corridor::label).orElse(named);
    Set<String> avoid =
        switch (corridor) {
          case "middle" -> Set.of("RU", "BY", "IR", "UA");
          case "southern" -> Set.of("RU", "BY", "AZ", "GE", "UA");
          // By sea: no land bridge across Central Asia or Russia may be faster than the ship.
          case Route.SEA_CORRIDOR, CorridorLabels.SEA_CAPE ->
              Set.of("RU", "BY", "KZ", "MN", "AZ", "GE", "IR", "TM", "UA");
          default -> Set.of();
        };
    if (isSea(corridor)) {
      // A ship may sail to a port in one of those countries (Shanghai -> Poti): the countries of
      // the two ends are where the cargo starts and ends, not a land bridge.
      Network network = router.network();
      Set<String> ends =
          Set.of(
              network.countryCode(network.nodeCountry(request.from())),
              network.countryCode(network.nodeCountry(request.to())));
      avoid = avoid.stream().filter(c -> !ends.contains(c)).collect(Collectors.toSet());
    }
    if (branch.isPresent()) {
      Set<String> more = new HashSet<>(avoid);
      more.addAll(siblingCountries(branch.get()));
      avoid = more;
    }
    Set<Passage> passages =
        switch (corridor) {
          case CorridorLabels.SEA_CAPE -> Set.of(Passage.SUEZ);
          // A land bridge never sails the deep-sea lanes between China and Europe; without them a
          // Suez sailing cannot fill the fastest routes when a border congestion holds the trains.
          case "middle", "northern", "southern" ->
              Set.of(Passage.MALACCA, Passage.SUEZ, Passage.BABELMANDEB, Passage.GIBRALTAR);
          default -> Set.of();
        };
    RouteRequest asked = request;
    if (isSea(corridor)
        && seaport(router.network(), request.from())
        && seaport(router.network(), request.to())) {
      // Between two seaports the sea corridor is the sailing itself, not a sea-rail land bridge
      // (Shanghai -> Piraeus -> rail -> Rotterdam is a route of its own).
      asked = request.withModes(EnumSet.of(Mode.SEA));
    }
    // What the request already avoids (a user's own limits) stays avoided.
    Set<String> countries = new HashSet<>(avoid);
    countries.addAll(request.avoidCountries());
    Set<Passage> sailed = EnumSet.noneOf(Passage.class);
    sailed.addAll(passages);
    sailed.addAll(request.avoidPassages());
    return new Asked(asked.withAvoid(countries, sailed), corridor);
  }

  /**
   * The countries the other corridors of a branch's label pass and the branch does not: what a
   * route on the branch avoids.
   */
  private Set<String> siblingCountries(Corridors.Corridor branch) {
    Network network = router.network();
    int own = table.corridors().indexOf(branch);
    Set<String> mine = new HashSet<>();
    Set<String> theirs = new HashSet<>();
    for (int v = 0; v < network.nodeCount(); v++) {
      int mask = table.mask(v);
      String country = network.countryCode(network.nodeCountry(v));
      for (int i = 0; i < table.corridors().size(); i++) {
        if ((mask & (1 << i)) == 0) {
          continue;
        }
        if (i == own) {
          mine.add(country);
        } else if (table.corridors().get(i).label().equals(branch.label())) {
          theirs.add(country);
        }
      }
    }
    theirs.removeAll(mine);
    return theirs;
  }

  private static boolean isSea(String corridor) {
    return Route.SEA_CORRIDOR.equals(corridor) || CorridorLabels.SEA_CAPE.equals(corridor);
  }

  /** A node that a sea link leaves (a deep-sea or feeder port). */
  private static boolean seaport(Network network, int node) {
    for (int i = network.firstOut(node); i < network.endOut(node); i++) {
      if (network.linkMode(network.outLink(i)) == Mode.SEA) {
        return true;
      }
    }
    return false;
  }

  /**
   * A route is on a corridor when the router labels it so (corridor membership:
   * data/network/corridors.csv), and on the sea corridor too when it only sails; {@code sea-cape}
   * is the sea corridor avoiding Suez.
   */
  private static boolean matches(Route r, String corridor) {
    if (CorridorLabels.ANY.equals(corridor)) {
      return true;
    }
    if (isSea(corridor) && r.legs().stream().allMatch(l -> l.mode() == Mode.SEA)) {
      // Sailings only: between two ports of one corridor (Poti -> Constanța) the route carries
      // that corridor's label, but by sea is by sea.
      return true;
    }
    return (CorridorLabels.SEA_CAPE.equals(corridor) ? Route.SEA_CORRIDOR : corridor)
        .equals(r.corridor());
  }
}
