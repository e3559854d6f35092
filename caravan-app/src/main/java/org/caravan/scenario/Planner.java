package org.caravan.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.network.Corridors;
import org.caravan.network.Countries;
import org.caravan.network.Episodes;
import org.caravan.network.Geo;
import org.caravan.network.LaneSwitches;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.network.Passage;
import org.caravan.network.PlaceIndex;
import org.caravan.network.RateTables;
import org.caravan.routing.CargoClass;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.routing.Tariffs;

/**
 * Turns a user's {@link RouteQuery} into a {@link RouteRequest}: resolves places (a {@code lat,lon}
 * is joined to a terminal, port or city by a road access leg, see {@link #snap}), checks every
 * field, then asks the router. Thread-safe.
 */
public final class Planner {
  /** The ISO 3166-1 alpha-2 codes (the JDK's list). */
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * The most one container may weigh, tonnes: the maximum gross mass of ISO 668 (30,480 kg, for
   * 20-ft and 40-ft boxes alike).
   */
  static final double MAX_BOX_GROSS_T = 30.48;

  private static final Pattern LAT_LON =
      Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

  /** Road access legs: great-circle distance times this detour factor (Caravan estimate, EST). */
  public static final double ROAD_DETOUR_FACTOR = 1.3;

  /** Road access legs: average speed (EST). */
  public static final double ROAD_SPEED_KMH = 50;

  /**
   * Road access legs: price per truckload-km (one container or 20 t per truck; EST, the undated
   * road tariff of data/network/links.csv, from the CPMM road cost ranges of corridor-facts §4 and
   * §6.4).
   */
  public static final double ROAD_USD_PER_TRUCK_KM = 1.5;

  /** TOC of road access legs (ISO 14083 category, as the road links of the network). */
  public static final String ROAD_TOC = "road-hgv";

  /**
   * Access legs longer than this, by road, are refused: the point is not near the network. 300 km
   * is a day's drive at {@link #ROAD_SPEED_KMH} with the breaks of EU driving-time rules (9 h a
   * day); beyond it a planner should name a place instead.
   */
  public static final double MAX_ACCESS_KM = 300;

  /**
   * Default thinning of the Pareto set. The exact four-criteria set between distant places holds
   * dozens of routes that differ by hours or tens of dollars (13 for Xi'an to Duisburg departing
   * 2026-12-01); with 10 % every route left out has a returned one at most 10 % worse on each
   * criterion, and the fastest, cheapest, lowest-CO2e and most reliable routes are always returned.
   * The search itself stays exact.
   */
  public static final double DEFAULT_EPSILON = 0.10;

  private final Network net;
  private final PlaceIndex places;
  private final Router router;
  private final Countries polygons;
  private final EmissionCalculator emissions;
  private final NetworkEmissions networkEmissions;
  private final LaneSwitches lanes;
  private final Episodes episodes;

  private final Corridors corridorTable;
  private final CorridorRoutes corridorRoutes;

  /**
   * @param polygons country shapes for the countries of access legs
   * @param emissions the ISO 14083 calculator for the CO2e of access legs
   * @param lanes dated sea-lane switches (the Red Sea diversion), picked by the departure day
   * @param episodes dated border congestions and closures (the router applies them; the plan names
   *     those a route met)
   */
  Planner(
      Network net,
      PlaceIndex places,
      Router router,
      Countries polygons,
      EmissionCalculator emissions,
      NetworkEmissions networkEmissions,
      LaneSwitches lanes,
      Episodes episodes,
      Corridors corridors) {
    this.corridorTable = corridors;
    this.corridorRoutes = new CorridorRoutes(router, corridors);
    this.networkEmissions = networkEmissions;
    this.lanes = lanes;
    this.episodes = episodes;
    this.net = net;
    this.places = places;
    this.router = router;
    this.polygons = polygons;
    this.emissions = emissions;
  }

  /**
   * A road leg from a point to a node (or from the node to the point), for the whole shipment.
   *
   * @param countries countries the leg crosses, in travel order from the point to the node
   * @param co2e_g well-to-wheel CO2e of the leg for the shipment's mass (ISO 14083 calculator, road
   *     TOC)
   * @param cost_usd road price for the shipment (per truckload, see {@link Tariffs})
   */
  public record Access(
      double lat,
      double lon,
      int node,
      double distance_km,
      double duration_h,
      double cost_usd,
      List<String> countries,
      double co2e_g) {
    public Access {
      countries = List.copyOf(countries);
    }
  }

  /**
   * The answer: the router's routes and the access legs added at either end.
   *
   * @param departure when the cargo leaves the door (the start of the access leg, if any)
   * @param feu how many of the request's TEU travel in 40-ft boxes
   * @param rateDay the day whose dated rate tables priced the routes
   * @param rates the dated rate tables the router priced with
   * @param emissions the per-link CO2e the routes were charged with, for the per-leg WTT/TTW/range
   *     breakdown
   * @param lanes the sea-lane switches in force on the departure day (their passages were avoided)
   * @param episodes the dated border congestions and closures a returned route met ({@link
   *     #episodesMet})
   */
  public record Plan(
      Instant departure,
      RouteRequest request,
      RouteResponse response,
      Optional<Access> access,
      Optional<Access> egress,
      double feu,
      LocalDate rateDay,
      RateTables rates,
      NetworkEmissions emissions,
      List<LaneSwitches.Switch> lanes,
      List<Episodes.Episode> episodes) {
    public Plan {
      lanes = List.copyOf(lanes);
      episodes = List.copyOf(episodes);
    }
  }

  /**
   * Plans routes.
   *
   * @throws UserException naming the field when the query is invalid or no route exists
   */
  public Plan plan(RouteQuery q) {
    RouteQuery.Limits limits = q.limits();
    Set<String> countries = new HashSet<>();
    for (String c : limits.avoidCountries()) {
      String code = c.trim().toUpperCase(Locale.ROOT);
      // Two letters that name no country (XX, UK for GB) would be avoided trivially: refused, as a
      // name is, so that a typo never passes for a constraint the route keeps.
      if (!code.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(code)) {
        throw new UserException(
            "avoid_countries",
            "'" + c + "' is not an ISO 3166-1 alpha-2 country code (e.g. RU, BY, IR)");
      }
      countries.add(code);
    }
    double teu = cargoTeu(q);
    double feu = q.feu().orElse(0.0);
    double mass_t = q.tonnes().orElse(teu * RouteRequest.DEFAULT_TEU_MASS_T);
    if (q.tonnes().isPresent() && (q.teu().isPresent() || q.feu().isPresent())) {
      checkTonnes(mass_t);
      double boxes = q.feu().isPresent() ? feu : teu;
      if (mass_t > boxes * MAX_BOX_GROSS_T) {
        throw new UserException(
            "tonnes",
            String.format(
                Locale.ROOT,
                "%s t do not fit in %s container(s): at most %.2f t each (ISO 668 maximum gross"
                    + " mass); give more containers ({teu}, {feu}) or fewer tonnes",
                num(mass_t),
                num(boxes),
                MAX_BOX_GROSS_T));
      }
    }
    double truckloads = Tariffs.truckloads(teu - feu, mass_t);
    Optional<Access> access = snap("from", q.from(), countries, mass_t, truckloads, true);
    Optional<Access> egress = snap("to", q.to(), countries, mass_t, truckloads, false);
    int from = access.map(Access::node).orElseGet(() -> resolvePlace(places, "from", q.from()));
    int to = egress.map(Access::node).orElseGet(() -> resolvePlace(places, "to", q.to()));
    if (from == to) {
      throw new UserException("to", "from and to are the same place (" + net.nodeId(from) + ")");
    }
    CargoClass cargo =
        CargoClass.parse(q.cargo())
            .orElseThrow(
                () ->
                    new UserException(
                        "cargo",
                        "unknown cargo class '"
                            + q.cargo()
                            + "'; expected "
                            + Choices.orList(Choices.CARGO_CLASSES)));
    int unClass = q.unClass().orElse(0);
    if (cargo == CargoClass.DANGEROUS && (unClass < 1 || unClass > 9)) {
      throw new UserException(
          "un_class", "dangerous goods need their UN hazard class 1-9 ({un_class})");
    }
    if (cargo != CargoClass.DANGEROUS && q.unClass().isPresent()) {
      throw new UserException("un_class", "a UN class is only for {cargo} dg");
    }
    for (String code : countries) {
      if (code.equals(net.node(from).country()) || code.equals(net.node(to).country())) {
        throw new UserException(
            "avoid_countries", "cannot avoid " + code + ": the route starts or ends there");
      }
    }
    Set<Passage> passages = EnumSet.noneOf(Passage.class);
    for (String p : limits.avoidPassages()) {
      String code =
          p.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("babalmandab", "babelmandeb");
      passages.add(
          Passage.parse(code)
              .orElseThrow(
                  () ->
                      new UserException(
                          "avoid_passages",
                          "unknown sea passage '"
                              + p
                              + "'; expected one of "
                              + String.join(", ", Choices.PASSAGES))));
    }
    Set<Mode> modes = EnumSet.noneOf(Mode.class);
    for (String m : limits.modes()) {
      modes.add(
          Mode.parse(m.trim().toLowerCase(Locale.ROOT))
              .orElseThrow(
                  () ->
                      new UserException(
                          "modes",
                          "unknown mode '" + m + "'; expected " + Choices.orList(Choices.MODES))));
    }
    if (modes.isEmpty()) {
      modes = EnumSet.allOf(Mode.class);
    }
    Objective objective =
        Objective.parse(q.objective())
            .orElseThrow(
                () ->
                    new UserException(
                        "objective",
                        "unknown objective '"
                            + q.objective()
                            + "'; expected "
                            + Choices.orList(Choices.OBJECTIVES)));
    if (q.alternatives() < 1 || q.alternatives() > 20) {
      throw new UserException(
          "alternatives", "alternatives must be between 1 and 20, found " + q.alternatives());
    }
    double epsilon = q.epsilon().orElse(DEFAULT_EPSILON);
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new UserException("epsilon", "epsilon must be in [0, 1], found " + epsilon);
    }
    if (q.labelCap() < 0) {
      throw new UserException("label_cap", "label cap must not be negative");
    }
    int maxHops = limits.maxTransshipments().orElse(-1);
    if (limits.maxTransshipments().isPresent() && (maxHops < 0 || maxHops > 50)) {
      throw new UserException(
          "max_transshipments", "max transshipments must be between 0 and 50, found " + maxHops);
    }
    long maxDuration =
        limits
            .maxDays()
            .map(
                d -> {
                  if (!(d > 0 && d <= 365)) {
                    throw new UserException("max_days", "max days must be in (0, 365], found " + d);
                  }
                  return Math.round(d * 86_400);
                })
            .orElse(-1L);
    long maxCost =
        limits
            .maxBudgetUsd()
            .map(
                b -> {
                  if (!(b > 0 && b < 1e9)) {
                    throw new UserException(
                        "max_budget_usd",
                        "max budget must be a positive amount in USD below 1e9, found " + b);
                  }
                  return Math.round(b * 100);
                })
            .orElse(-1L);
    LocalDate day = q.depart().orElse(LocalDate.now(ZoneOffset.UTC));
    if (day.getYear() < 2000 || day.getYear() > 2100) {
      throw new UserException(
          "depart", "departure date must be between 2000 and 2100, found " + day);
    }
    Instant departure = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    long accessTime_s = access.map(a -> Math.round(a.duration_h() * 3600)).orElse(0L);
    // A dated lane switch (the Red Sea diversion) routes sea links round its passages, as if asked.
    List<LaneSwitches.Switch> inForce = inForce(lanes, departure.getEpochSecond() + accessTime_s);
    inForce.forEach(s -> passages.addAll(s.avoid()));
    RouteRequest request =
        new RouteRequest(
            from,
            to,
            departure.getEpochSecond() + accessTime_s,
            teu,
            mass_t,
            cargo,
            unClass,
            countries,
            passages,
            modes,
            maxHops,
            maxDuration,
            maxCost,
            objective,
            q.alternatives(),
            q.labelCap(),
            epsilon);
    CorridorRoutes.Answer searched = search(request, limits, from, to, feu);
    request = searched.request();
    RouteResponse response = searched.response();
    if (response.routes().isEmpty()) {
      throw new UserException(
          ErrorCode.NO_ROUTE, "constraints", response.noRoute().orElse("no route"));
    }
    return new Plan(
        departure,
        request,
        response,
        access,
        egress,
        feu,
        Tariffs.pricingDay(request.departure_s()),
        router.rates(),
        networkEmissions,
        inForce,
        episodesMet(net, episodes, response.routes()));
  }

  /**
   * The routes for a checked request: the router's answer, or, when the query names them, the
   * fastest route through its via places ({@link Router#through}) or the answer on one corridor
   * ({@link CorridorRoutes#answer}); with the request as answered (its objective time for a via
   * route or a corridor's fastest list).
   */
  private CorridorRoutes.Answer search(
      RouteRequest request, RouteQuery.Limits limits, int from, int to, double feu) {
    List<Integer> via = new ArrayList<>();
    for (String name : limits.via()) {
      if (name == null || name.isBlank()) {
        throw new UserException("via", "a place to pass must not be blank");
      }
      int v = resolvePlace(places, "via", name.trim());
      if (v == from || v == to || via.contains(v)) {
        throw new UserException(
            "via", "'" + name + "' (" + net.nodeId(v) + ") is already a stop of the route");
      }
      via.add(v);
    }
    if (!via.isEmpty() && limits.corridor().isPresent()) {
      throw new UserException("via", "give either {corridor} or {via}, not both");
    }
    if (!via.isEmpty()) {
      // Places to pass: the fastest route through them, in order.
      RouteRequest fastest = request.withObjective(Objective.TIME, 1);
      Optional<Route> through =
          router.through(fastest, via.stream().mapToInt(Integer::intValue).toArray(), feu);
      return new CorridorRoutes.Answer(
          fastest,
          new RouteResponse(
              through.stream().toList(),
              false,
              0,
              through.isPresent()
                  ? Optional.empty()
                  : Optional.of(
                      "no route through "
                          + via.stream().map(net::nodeId).toList()
                          + " that keeps the other limits")));
    }
    if (limits.corridor().isPresent()) {
      // One corridor, by the rule the simulation and the validation use.
      String corridor = limits.corridor().get().trim().toLowerCase(Locale.ROOT);
      CorridorLabels words = CorridorLabels.forTargets(corridorTable);
      if (!words.contains(corridor) || corridor.equals(CorridorLabels.ANY)) {
        throw new UserException(
            "corridor",
            "unknown corridor '"
                + limits.corridor().get()
                + "'; expected "
                + String.join(
                    ", ",
                    words.labels().stream().filter(w -> !w.equals(CorridorLabels.ANY)).toList()));
      }
      // One corridor: the request's own objective under the corridor's rule.
      return corridorRoutes.answer(request, feu, corridor);
    }
    return new CorridorRoutes.Answer(request, router.route(request, feu));
  }

  /**
   * The episodes that held a returned route: a leg the router held ({@code Leg.held_s}) passes one
   * of the episode's nodes, leaving it toward the episode's country, while the episode holds trains
   * there (its period and a congestion's backlog overlap the leg's time from its arrival at its
   * first node to its end): the reason a dated answer is slower than the usual one.
   */
  static List<Episodes.Episode> episodesMet(Network net, Episodes all, List<Route> routes) {
    List<Episodes.Episode> met = new ArrayList<>();
    for (Episodes.Episode e : all.episodes()) {
      long holdsUntil = e.end_s() + e.delay_s();
      boolean hit = false;
      for (Route r : routes) {
        for (Leg l : r.legs()) {
          long reached_s = l.ready_s() - l.dwellAtFrom_s() - l.transfer_s();
          if (hit || l.held_s() == 0 || l.arrive_s() < e.start_s() || reached_s >= holdsUntil) {
            continue;
          }
          List<String> path = new ArrayList<>();
          path.add(l.from());
          path.addAll(l.via());
          path.add(l.to());
          for (int i = 0; i + 1 < path.size() && !hit; i++) {
            String next = path.get(i + 1);
            hit =
                e.nodes().contains(path.get(i))
                    && e.holdsToward(net.node(net.findNode(next).getAsInt()).country());
          }
        }
      }
      if (hit) {
        met.add(e);
      }
    }
    return met;
  }

  private static double cargoTeu(RouteQuery q) {
    int given = (q.teu().isPresent() ? 1 : 0) + (q.feu().isPresent() ? 1 : 0);
    if (given > 1) {
      throw new UserException("teu", "give either {teu} or {feu}, not both");
    }
    if (q.teu().isPresent()) {
      return checkCount("teu", q.teu().get());
    }
    if (q.feu().isPresent()) {
      return 2 * checkCount("feu", q.feu().get());
    }
    if (q.tonnes().isPresent()) {
      double t = checkTonnes(q.tonnes().get());
      return Math.ceil(t / RouteRequest.TEU_PAYLOAD_T);
    }
    return 1;
  }

  private static double checkTonnes(double t) {
    if (!(t > 0 && t <= 100_000)) {
      throw new UserException("tonnes", "tonnes must be in (0, 100000], found " + t);
    }
    return t;
  }

  /** A number as typed: no trailing ".0". */
  private static String num(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }

  private static double checkCount(String field, double n) {
    if (!(n > 0 && n <= 10_000) || Double.isNaN(n)) {
      throw new UserException(field, field + " must be in (0, 10000], found " + n);
    }
    return n;
  }

  /**
   * A {@code lat,lon} place joined to the network by road, or empty when the text is not a point.
   *
   * <p>Candidates are terminals, ports and cities within {@link #MAX_ACCESS_KM} by road whose road
   * leg crosses no avoided country. Among them a node in the point's own country is preferred (a
   * shipper in Tashkent is served from a Tashkent terminal, not from the nearest Kazakh one; Lyon
   * is not served from Milan across the Alps), then the nearest. The leg's countries come from the
   * country polygons ({@link Countries}).
   *
   * @param outbound true for the leg from the point to the network, false for the leg from the
   *     network to it
   * @throws UserException when the point is far from the network (naming the nearest place and its
   *     distance) or lies in, or can only be reached through, an avoided country
   */
  Optional<Access> snap(
      String field,
      String text,
      Set<String> avoid,
      double mass_t,
      double truckloads,
      boolean outbound) {
    Matcher m = LAT_LON.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    double lat = Double.parseDouble(m.group(1));
    double lon = Double.parseDouble(m.group(2));
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw new UserException(
          field, "'" + text + "' is not a valid lat,lon (latitude -90..90, longitude -180..180)");
    }
    Optional<String> home = polygons.at(lat, lon);
    if (home.isPresent() && avoid.contains(home.get())) {
      throw new UserException(
          "avoid_countries", "cannot avoid " + home.get() + ": " + text + " lies in " + home.get());
    }
    List<Integer> nodes = new ArrayList<>();
    int nearest = -1;
    for (int v = 0; v < net.nodeCount(); v++) {
      NodeKind k = net.nodeKind(v);
      if (k != NodeKind.TERMINAL && k != NodeKind.PORT && k != NodeKind.CITY) {
        continue;
      }
      double road = Geo.km(lat, lon, net.lat(v), net.lon(v)) * ROAD_DETOUR_FACTOR;
      if (nearest < 0
          || road < Geo.km(lat, lon, net.lat(nearest), net.lon(nearest)) * ROAD_DETOUR_FACTOR) {
        nearest = v;
      }
      if (road <= MAX_ACCESS_KM) {
        nodes.add(v);
      }
    }
    if (nodes.isEmpty()) {
      double km =
          nearest < 0
              ? Double.NaN
              : Geo.km(lat, lon, net.lat(nearest), net.lon(nearest)) * ROAD_DETOUR_FACTOR;
      throw new UserException(
          field,
          String.format(
              Locale.ROOT,
              "%s is too far from the network: the nearest place is %s (%s), %.0f km by road; points within %.0f km by road"
                  + " are served",
              text,
              nearest < 0 ? "none" : net.node(nearest).name(),
              nearest < 0 ? "" : net.nodeId(nearest),
              km,
              MAX_ACCESS_KM));
    }
    nodes.sort(java.util.Comparator.comparingDouble(v -> Geo.km(lat, lon, net.lat(v), net.lon(v))));
    if (home.isPresent()) {
      String c = home.get();
      List<Integer> same = nodes.stream().filter(v -> net.node(v).country().equals(c)).toList();
      List<Integer> other = nodes.stream().filter(v -> !net.node(v).country().equals(c)).toList();
      nodes = new ArrayList<>(same);
      nodes.addAll(other);
    }
    String blocked = "";
    for (int v : nodes) {
      double km = Geo.km(lat, lon, net.lat(v), net.lon(v)) * ROAD_DETOUR_FACTOR;
      Countries.Crossing crossing = polygons.along(lat, lon, net.lat(v), net.lon(v), km);
      List<String> order = new ArrayList<>(crossing.countries());
      String nodeCountry = net.node(v).country();
      if (!order.contains(nodeCountry)) {
        order.add(nodeCountry);
      }
      Optional<String> avoided = order.stream().filter(avoid::contains).findFirst();
      if (avoided.isPresent()) {
        if (blocked.isEmpty()) {
          blocked = net.node(v).name() + " (" + net.nodeId(v) + ") through " + avoided.get();
        }
        continue;
      }
      List<CountryKm> split = new ArrayList<>();
      crossing.km().forEach((c, k) -> split.add(new CountryKm(c, k)));
      if (split.isEmpty()) {
        split.add(new CountryKm(nodeCountry, km));
      }
      double co2e_g = emissions.co2eWtw_g(ROAD_TOC, km, mass_t, split);
      if (!outbound) {
        order = order.reversed();
      }
      return Optional.of(
          new Access(
              lat,
              lon,
              v,
              km,
              km / ROAD_SPEED_KMH,
              km * ROAD_USD_PER_TRUCK_KM * truckloads,
              order,
              co2e_g));
    }
    throw new UserException(
        "avoid_countries",
        "cannot avoid "
            + String.join(",", new java.util.TreeSet<>(avoid))
            + ": every road "
            + "leg from "
            + text
            + " to the network within "
            + Math.round(MAX_ACCESS_KM)
            + " km crosses an avoided country"
            + " (nearest: "
            + blocked
            + ")");
  }

  /**
   * The dated sea-lane switches in force for a departure (the Red Sea diversion round the Cape),
   * picked by the same day as the rate tables: a route sails its sea links round their passages as
   * if asked to avoid them. The one home of the rule, for the planner and the CRM risk view.
   */
  public static List<LaneSwitches.Switch> inForce(LaneSwitches lanes, long departure_s) {
    return lanes.on(Tariffs.pricingDay(departure_s));
  }

  /**
   * The node a user means by a name, alias or UN/LOCODE.
   *
   * @throws UserException naming the closest places when nothing matches exactly
   */
  static int resolvePlace(PlaceIndex places, String field, String query) {
    return places
        .resolve(query)
        .map(PlaceIndex.Match::node)
        .orElseThrow(
            () -> {
              List<PlaceIndex.Match> close = places.search(query, 5);
              if (close.isEmpty()) {
                close = places.closest(query, 5);
              }
              String hint =
                  "closest: "
                      + close.stream()
                          .map(m -> m.name() + " (" + m.id() + ")")
                          .collect(Collectors.joining(", "));
              return new UserException(
                  ErrorCode.UNKNOWN_PLACE,
                  field,
                  "unknown place '" + query + "' in " + field + "; " + hint);
            });
  }
}
