package org.caravan.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.network.Corridors;
import org.caravan.network.Episodes;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.network.RateTables;

/**
 * The routing service: answers {@link RouteRequest}s on one network. Thread-safe: each thread gets
 * its own reusable search state; prepared constraint sets and sea-lane detours are cached and
 * shared.
 */
public final class Router {
  private static final int CONTEXT_CACHE_SIZE = 64;

  private final Network network;
  private final EmissionModel emissions;
  private final CargoRules rules;
  private final SeaLaneOverrides sea;
  private final Corridors corridors;
  private final RouteExplainer explainer;
  private final SeasonalRisks risks;
  private final ThreadLocal<LabelSearch> searches;
  private final Map<Integer, SeaLaneOverrides.Result> overrides = new ConcurrentHashMap<>();
  private final RateTables rates;
  private final Map<ContextKey, QueryContext> contexts =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ContextKey, QueryContext> e) {
              return size() > CONTEXT_CACHE_SIZE;
            }
          });
  private final boolean useBounds;
  private final ExpectedWaits waits;
  private final Episodes.Compiled episodes;

  /**
   * What a router knows beyond the network and its cost models; {@link #NONE} for none.
   *
   * @param corridors corridor membership: routes stay in one corridor unless none does, and are
   *     labelled by it
   * @param risks seasonal closure risks added to the spread of the routes that cross them
   * @param rates dated rate tables, picked per query by its departure day (see {@link Tariffs})
   * @param waits expected waits at borders, train formation and sailings charged on top of the
   *     network (the calibrated simulation's, in Caravan)
   * @param useBounds whether Pareto searches compute backward lower bounds first (A*-like pruning)
   * @param episodes dated border congestions and closures that hold a train reaching them in their
   *     period ({@link Episodes}, data/network/episodes.csv)
   */
  public record Options(
      Corridors corridors,
      SeasonalRisks risks,
      RateTables rates,
      ExpectedWaits waits,
      boolean useBounds,
      Episodes episodes) {
    /**
     * No corridor data, closure risks, rate tables, waits or episodes; with bounds (benchmarks,
     * tests).
     */
    public static final Options NONE =
        new Options(
            Corridors.NONE,
            SeasonalRisks.NONE,
            RateTables.none(),
            ExpectedWaits.NONE,
            true,
            Episodes.NONE);

    public Options withCorridors(Corridors corridors, SeasonalRisks risks) {
      return new Options(corridors, risks, rates, waits, useBounds, episodes);
    }

    public Options withRates(RateTables rates) {
      return new Options(corridors, risks, rates, waits, useBounds, episodes);
    }

    public Options withWaits(ExpectedWaits waits) {
      return new Options(corridors, risks, rates, waits, useBounds, episodes);
    }

    public Options withBounds(boolean useBounds) {
      return new Options(corridors, risks, rates, waits, useBounds, episodes);
    }

    public Options withEpisodes(Episodes episodes) {
      return new Options(corridors, risks, rates, waits, useBounds, episodes);
    }
  }

  /**
   * The routes of {@code routes} that no other one beats on what an answer shows (arrival, cost,
   * CO2e and p95 arrival at the answer's resolution, {@link Dominance#answer}), in their order; of
   * routes equal on all four the first stays. For a list put together outside the Pareto search (a
   * corridor's fastest routes), so that no route shown is beaten on all four there either.
   */
  public static List<Route> unbeaten(List<Route> routes, long departure_s) {
    Dominance d = new Dominance();
    d.configure(RouteRequest.of(0, 0, departure_s), 1000);
    List<Route> kept = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Route b = routes.get(i);
      boolean beaten = false;
      for (int j = 0; j < routes.size() && !beaten; j++) {
        Route a = routes.get(j);
        if (i == j || !beats(d, a, b)) {
          continue;
        }
        // Strictly better somewhere, or equal everywhere and listed first.
        beaten = !beats(d, b, a) || j < i;
      }
      if (!beaten) {
        kept.add(b);
      }
    }
    return kept;
  }

  private static boolean beats(Dominance d, Route a, Route b) {
    return d.answer(
        a.arrival_s(),
        a.cost_cents(),
        a.co2e_g(),
        a.variance_s2(),
        a.transshipments(),
        b.arrival_s(),
        b.cost_cents(),
        b.co2e_g(),
        b.variance_s2(),
        b.transshipments());
  }

  /** A router on {@code network} with the given cost models and {@link Options}. */
  public Router(
      Network network,
      EmissionModel emissions,
      CargoRules rules,
      SeaLaneOverrides sea,
      Options options) {
    Corridors corridors = options.corridors();
    this.rates = options.rates();
    this.waits = options.waits();
    this.network = network;
    this.emissions = emissions;
    this.rules = rules;
    this.sea = sea;
    this.corridors = corridors;
    this.explainer = new RouteExplainer(network, corridors);
    this.risks = options.risks();
    this.useBounds = options.useBounds();
    this.episodes = options.episodes().compile(network);
    int tags = QueryContext.STATE_CLASSES << corridors.corridors().size();
    this.searches = ThreadLocal.withInitial(() -> new LabelSearch(network, tags));
  }

  public Network network() {
    return network;
  }

  /** The dated rate tables this router prices with. */
  public RateTables rates() {
    return rates;
  }

  /**
   * What makes two requests share a prepared context: constraints, cargo and the rate periods in
   * force.
   */
  private record ContextKey(RouteRequest request, double feu, String periods) {}

  /** The prepared, shareable part of a request: constraints and cargo. */
  QueryContext context(RouteRequest r) {
    return context(r, 0);
  }

  QueryContext context(RouteRequest r, double feu) {
    RouteRequest key =
        new RouteRequest(
            0,
            0,
            0,
            r.teu(),
            r.mass_t(),
            r.cargo(),
            r.unClass(),
            r.avoidCountries(),
            r.avoidPassages(),
            r.modes(),
            r.maxTransshipments(),
            r.maxDuration_s(),
            r.maxCost_cents(),
            Objective.PARETO,
            1,
            0,
            0);
    LocalDate day = Tariffs.pricingDay(r.departure_s());
    ContextKey k = new ContextKey(key, feu, Tariffs.signature(rates, day));
    QueryContext c = contexts.get(k);
    if (c == null) {
      int mask = QueryContext.passageMask(r);
      SeaLaneOverrides.Result o = overrides.computeIfAbsent(mask, m -> sea.apply(network, m));
      c =
          new QueryContext(
              network, key, emissions, rules, o, corridors, risks, rates, day, feu, waits,
              episodes);
      contexts.put(k, c);
    }
    return c;
  }

  /** Routes for a request of TEU-sized boxes only; never null. */
  public RouteResponse route(RouteRequest r) {
    return route(r, 0);
  }

  /**
   * Routes for a request; never null; an empty answer says which constraint removed the last route.
   * The search keeps the practice rules ({@link QueryContext}); only when no route keeps them is it
   * rerun without them. Alternatives (k best, or the thinned Pareto set) that do not differ
   * materially from a better one are left out.
   *
   * @param feu how many of the request's TEU travel in 40-ft boxes (priced per FEU where a rate
   *     table says so)
   */
  public RouteResponse route(RouteRequest r, double feu) {
    if (!(feu >= 0 && 2 * feu <= r.teu() + 1e-9)) {
      throw new IllegalArgumentException("feu " + feu + " does not fit in " + r.teu() + " TEU");
    }
    boolean kBest = r.objective() != Objective.PARETO && r.alternatives() > 1;
    RouteRequest q = kBest ? r.withObjective(r.objective(), r.alternatives() * 10 + 10) : r;
    QueryContext ctx = context(q, feu).forRequest(q);
    LabelSearch search = searches.get();
    LabelSearch.Found found = search.run(ctx, useBounds);
    long created = found.labelsCreated();
    if (found.labels().length == 0) {
      ctx = ctx.withoutPractice();
      found = search.run(ctx, useBounds);
      created += found.labelsCreated();
    }
    List<Route> routes = new ArrayList<>();
    for (int label : found.labels()) {
      routes.add(explain(ctx, r, search.links(label)));
    }
    if (kBest && !routes.isEmpty()) {
      routes = distinct(routes, List.of(routes.getFirst()), r.alternatives());
    } else if (r.objective() == Objective.PARETO && r.epsilon() > 0 && !routes.isEmpty()) {
      routes = thin(routes, r.epsilon());
    }
    Optional<String> why = routes.isEmpty() ? Optional.of(whyNoRoute(r)) : Optional.empty();
    return new RouteResponse(routes, found.capped(), created, why);
  }

  /**
   * Share of distance by which two routes through the same borders and transfer points must differ.
   */
  static final double MATERIAL_DISTANCE_SHARE = 0.05;

  /**
   * Keeps, in order, the routes that differ materially from every route kept before them (another
   * border or transfer point, or at least 5 % of distance), plus the given routes that must stay;
   * at most {@code limit}.
   */
  private static List<Route> distinct(List<Route> routes, List<Route> keep, int limit) {
    List<Route> out = new ArrayList<>();
    for (Route b : routes) {
      if (out.size() >= limit) {
        break;
      }
      boolean material = out.stream().allMatch(a -> differsMaterially(a, b));
      if (material || keep.contains(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Epsilon thinning of the exact Pareto set (in arrival order), in one pass: the fastest,
   * cheapest, lowest-CO2e and earliest-p95 routes stay, and a route is left out when a route kept
   * is no worse than {@code (1 + epsilon)} times it on transit, cost, CO2e and p95 transit, or does
   * not differ materially from it. Deciding both against the final kept set means every route left
   * out has a returned route that covers it; thinning first and dropping near-copies afterwards
   * could drop the route that covered another. Epsilon-dominance after Laumanns et al., Evol.
   * Comput. 10 (2002) 263–282.
   */
  private static List<Route> thin(List<Route> routes, double epsilon) {
    List<Route> kept = new ArrayList<>(extremes(routes).stream().distinct().toList());
    for (Route b : routes) {
      if (!kept.contains(b) && kept.stream().noneMatch(a -> covers(a, b, epsilon))) {
        kept.add(b);
      }
    }
    return routes.stream().filter(kept::contains).toList();
  }

  /** Whether returning {@code a} lets {@code b} be left out (see {@link #thin}). */
  static boolean covers(Route a, Route b, double epsilon) {
    double s = 1 + epsilon;
    return !differsMaterially(a, b)
        || a.arrival_s() - a.departure_s() <= (b.arrival_s() - b.departure_s()) * s
            && a.cost_cents() <= b.cost_cents() * s
            && a.co2e_g() <= b.co2e_g() * s
            && a.p95Arrival_s() - a.departure_s() <= (b.p95Arrival_s() - b.departure_s()) * s;
  }

  /** Another border or transfer point, or at least 5 % of distance. */
  static boolean differsMaterially(Route a, Route b) {
    if (!waypoints(a).equals(waypoints(b))) {
      return true;
    }
    long d = Math.abs(a.distance_m() - b.distance_m());
    return d >= MATERIAL_DISTANCE_SHARE * Math.max(a.distance_m(), b.distance_m());
  }

  private static Set<String> waypoints(Route r) {
    Set<String> w = new LinkedHashSet<>(r.borders());
    r.legs().forEach(l -> w.add(l.from()));
    return w;
  }

  /**
   * The fastest, cheapest, lowest-CO2e and earliest-p95 routes (first of each in the given order).
   */
  private static List<Route> extremes(List<Route> routes) {
    List<Route> out = new ArrayList<>();
    out.add(
        routes.stream().min(java.util.Comparator.comparingLong(Route::arrival_s)).orElseThrow());
    out.add(
        routes.stream().min(java.util.Comparator.comparingLong(Route::cost_cents)).orElseThrow());
    out.add(routes.stream().min(java.util.Comparator.comparingLong(Route::co2e_g)).orElseThrow());
    out.add(
        routes.stream().min(java.util.Comparator.comparingLong(Route::p95Arrival_s)).orElseThrow());
    return out;
  }

  /**
   * The lane of a sea link as {@code lon0, lat0, lon1, lat1, ...} when no passage is avoided; empty
   * for links drawn as straight lines (land links, Caspian crossings).
   */
  public Optional<double[]> laneGeometry(int link) {
    return laneGeometry(link, Set.of());
  }

  /**
   * The lane a sea link sails when a request avoids {@code avoided} (the detour round them, as the
   * search charged it); empty for links drawn as straight lines.
   */
  public Optional<double[]> laneGeometry(int link, Set<Passage> avoided) {
    int mask = 0;
    for (Passage p : avoided) {
      mask |= p.bit();
    }
    double[] g = overrides.computeIfAbsent(mask, m -> sea.apply(network, m)).geometry()[link];
    return Optional.ofNullable(g);
  }

  /**
   * The shortest feasible distance between two nodes over some modes, with the kilometres per
   * country.
   */
  public record Distance(long distance_m, java.util.Map<String, Double> kmByCountry, int[] links) {}

  /**
   * Shortest feasible distance (the ISO 14083 distance basis) from one node to another using only
   * links of the given modes; empty when they are not connected by those modes. A link's kilometres
   * are split evenly over the countries it lists.
   */
  public Optional<Distance> shortestDistance(int from, int to, Set<Mode> modes) {
    RouteRequest r = RouteRequest.of(from, to, 0).withModes(modes);
    QueryContext ctx = context(r).forRequest(r);
    long[] dist = new long[network.nodeCount()];
    Bounds.backward(ctx, to, dist, ctx::distance_m);
    if (dist[from] >= Bounds.UNREACHABLE) {
      return Optional.empty();
    }
    java.util.Map<String, Double> km = new LinkedHashMap<>();
    it.unimi.dsi.fastutil.ints.IntArrayList path = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int v = from; v != to; ) {
      int next = -1;
      for (int i = network.firstOut(v); i < network.endOut(v); i++) {
        int l = network.outLink(i);
        if (ctx.allowed(l) && dist[network.linkTo(l)] + ctx.distance_m(l) == dist[v]) {
          next = l;
          break;
        }
      }
      List<String> countries = ctx.linkCountries(next);
      for (String c : countries) {
        km.merge(c, Network.kmPerCountry(ctx.distance_m(next) / 1000.0, countries), Double::sum);
      }
      path.add(next);
      v = network.linkTo(next);
    }
    return Optional.of(new Distance(dist[from], km, path.toIntArray()));
  }

  /**
   * The route along {@code links} (a path chosen earlier, such as the one a simulated flow was
   * assigned), timed, priced and spread by this router's extension rule ({@link
   * QueryContext#relax}) for the request's departure and cargo: the router's answer for that path,
   * not a search. The practice rules apply unless the path breaks them (a path found without them);
   * empty when the links do not form a path from the request's origin to its destination or a
   * constraint of the request forbids one of them.
   */
  public Optional<Route> along(RouteRequest r, int[] links) {
    return along(r, links, 0);
  }

  /** {@link #along(RouteRequest, int[])} with {@code feu} of the TEU in 40-ft boxes. */
  public Optional<Route> along(RouteRequest r, int[] links, double feu) {
    if (links.length == 0 || network.linkTo(links[links.length - 1]) != r.to()) {
      return Optional.empty();
    }
    QueryContext ctx = context(r, feu).forRequest(r);
    if (!feasible(ctx, r, links)) {
      ctx = ctx.withoutPractice();
      if (!feasible(ctx, r, links)) {
        return Optional.empty();
      }
    }
    return Optional.of(explain(ctx, r, links));
  }

  /**
   * The fastest route from the request's origin through {@code via}, in order, to its destination:
   * the fastest path of each stretch, each leaving when the one before arrives, joined and then
   * timed, priced and spread from the origin by {@link #along} (so a via node is passed, not
   * reached and left: its dwell is charged and no train is re-formed there unless the carrier
   * changes). Waiting is first-in-first-out, so the fastest stretch leaving at the earliest arrival
   * is the fastest continuation (the usual argument of time-dependent shortest paths, Dreyfus
   * 1969); the join can differ from the exact fastest via path only by what a stretch's end costs
   * (the destination handling at a via node), which the final timing removes. Empty when a stretch
   * has no route or the joined path breaks a constraint of the request.
   */
  public Optional<Route> through(RouteRequest r, int[] via, double feu) {
    int[] stops = new int[via.length + 2];
    stops[0] = r.from();
    System.arraycopy(via, 0, stops, 1, via.length);
    stops[stops.length - 1] = r.to();
    IntArrayList links = new IntArrayList();
    long t = r.departure_s();
    for (int i = 0; i + 1 < stops.length; i++) {
      RouteRequest stretch =
          r.withEnds(stops[i], stops[i + 1], t)
              .withObjective(Objective.TIME, 1)
              .withLimits(-1, -1, -1);
      List<Route> found = route(stretch, feu).routes();
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Route first = found.getFirst();
      for (Leg l : first.legs()) {
        links.addAll(IntArrayList.wrap(l.links()));
      }
      t = first.arrival_s();
    }
    // The practice rules hold where the joined path keeps them; places the user names may force a
    // break (Xi'an by Harbin leaves one corridor for another), and then, as the search does when
    // nothing else exists, the path is timed without them ({@link #along}).
    return along(r, links.toIntArray(), feu);
  }

  /**
   * Whether {@code links} from the request's origin keep the practice rules (road only at the ends,
   * no corridor left and re-entered): false for a path only the fallback without them allows.
   */
  public boolean keepsPractice(RouteRequest r, int[] links, double feu) {
    return links.length > 0 && feasible(context(r, feu).forRequest(r), r, links);
  }

  /** Whether every link of {@code links} extends the route from the origin under {@code ctx}. */
  private boolean feasible(QueryContext ctx, RouteRequest r, int[] links) {
    QueryContext.Step step = new QueryContext.Step();
    ctx.start(step);
    int v = r.from();
    int tag = step.tag;
    for (int l : links) {
      if (network.linkFrom(l) != v
          || !ctx.relax(
              v,
              tag,
              step.time_s,
              step.cost_cents,
              step.co2e_g,
              step.variance_s2,
              step.transshipments,
              l,
              step)) {
        return false;
      }
      tag = step.tag;
      v = network.linkTo(l);
    }
    return true;
  }

  /** The route that the given links make, as {@link RouteExplainer} rebuilds it. */
  Route explain(QueryContext ctx, RouteRequest r, int[] links) {
    return explainer.explain(ctx, r, links);
  }

  /**
   * Which constraint removed the last route: each active constraint is dropped in turn and the
   * query rerun by time alone; the ones whose removal brings a route back are named. Constraints
   * appear as request-field placeholders ({@code {avoid_countries} RU,BY}) that each front end
   * renders in its own words (a CLI flag, a JSON field), so no interface's vocabulary lives here.
   */
  String whyNoRoute(RouteRequest r) {
    if (!reachable(
        r.withModes(EnumSet.allOf(Mode.class))
            .withAvoid(Set.of(), Set.of())
            .withLimits(-1, -1, -1)
            .withCargo(r.teu(), r.mass_t(), CargoClass.GENERAL, 0))) {
      return "no route from "
          + network.nodeId(r.from())
          + " to "
          + network.nodeId(r.to())
          + " even without constraints";
    }
    List<String> culprits = new ArrayList<>();
    if (!r.avoidCountries().isEmpty() && reachable(r.withAvoid(Set.of(), r.avoidPassages()))) {
      culprits.add(
          "{avoid_countries} " + String.join(",", new java.util.TreeSet<>(r.avoidCountries())));
    }
    if (!r.avoidPassages().isEmpty() && reachable(r.withAvoid(r.avoidCountries(), Set.of()))) {
      culprits.add(
          "{avoid_passages} "
              + r.avoidPassages().stream()
                  .map(Passage::code)
                  .sorted()
                  .reduce((a, b) -> a + "," + b)
                  .orElse(""));
    }
    if (!r.modes().isEmpty()
        && r.modes().size() < Mode.values().length
        && reachable(r.withModes(EnumSet.allOf(Mode.class)))) {
      culprits.add(
          "{modes} "
              + r.modes().stream()
                  .map(Mode::code)
                  .sorted()
                  .reduce((a, b) -> a + "," + b)
                  .orElse(""));
    }
    if (r.cargo() != CargoClass.GENERAL
        && reachable(r.withCargo(r.teu(), r.mass_t(), CargoClass.GENERAL, 0))) {
      culprits.add(
          "{cargo} "
              + r.cargo().code()
              + (r.unClass() > 0 ? " (UN class " + r.unClass() + ")" : ""));
    }
    if (r.maxTransshipments() >= 0
        && reachable(r.withLimits(-1, r.maxDuration_s(), r.maxCost_cents()))) {
      culprits.add("{max_transshipments} " + r.maxTransshipments());
    }
    if (r.maxDuration_s() >= 0
        && reachable(r.withLimits(r.maxTransshipments(), -1, r.maxCost_cents()))) {
      culprits.add("{max_days} " + r.maxDuration_s() / 86_400.0);
    }
    if (r.maxCost_cents() >= 0
        && reachable(r.withLimits(r.maxTransshipments(), r.maxDuration_s(), -1))) {
      culprits.add("{max_budget_usd} " + r.maxCost_cents() / 100);
    }
    String od = "from " + network.nodeId(r.from()) + " to " + network.nodeId(r.to());
    if (culprits.isEmpty()) {
      return "no route "
          + od
          + ": the constraints together remove every route (no single one does)";
    }
    if (culprits.size() == 1) {
      return "no route "
          + od
          + ": "
          + culprits.getFirst()
          + " removed the last route (without it there is one)";
    }
    return "no route "
        + od
        + ": dropping any one of "
        + String.join(" or ", culprits)
        + " would give a route";
  }

  private boolean reachable(RouteRequest r) {
    RouteRequest q = r.withObjective(Objective.TIME, 1);
    QueryContext ctx = context(q).forRequest(q).withoutPractice();
    return searches.get().run(ctx, false).labels().length > 0;
  }
}
