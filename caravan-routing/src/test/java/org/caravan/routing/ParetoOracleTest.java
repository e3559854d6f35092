package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Passage;

/**
 * The search against oracles on random networks: brute-force enumeration for the Pareto set, a
 * textbook Dijkstra for single criteria, and the constraints checked on every returned route.
 */
class ParetoOracleTest {
  private static final long DEPART = 1_767_225_600L; // 2026-01-01T00:00Z

  /**
   * All walks from the origin that never repeat a (node, state tag) state and stop at the target,
   * keeping the practice rules; when none keeps them, all walks without them (the router's
   * fallback).
   */
  private static List<List<Long>> enumerateVectors(Router router, RouteRequest r) {
    QueryContext ctx = router.context(r).forRequest(r);
    List<int[]> paths = enumerate(ctx, r);
    if (paths.isEmpty()) {
      ctx = ctx.withoutPractice();
      paths = enumerate(ctx, r);
    }
    List<List<Long>> out = new ArrayList<>();
    for (int[] links : paths) {
      out.add(vector(router.explain(ctx, r, links)));
    }
    return out;
  }

  private static List<int[]> enumerate(QueryContext ctx, RouteRequest r) {
    List<int[]> out = new ArrayList<>();
    QueryContext.Step s = new QueryContext.Step();
    ctx.start(s);
    walk(
        ctx,
        r.from(),
        s.tag,
        s.time_s,
        s.cost_cents,
        s.co2e_g,
        0,
        0,
        r.to(),
        new ArrayList<>(),
        new HashSet<>(),
        out);
    return out;
  }

  private static void walk(
      QueryContext ctx,
      int v,
      int tag,
      long t,
      long c,
      long g,
      long var,
      int hops,
      int target,
      List<Integer> path,
      Set<Long> seen,
      List<int[]> out) {
    Network net = ctx.network();
    for (int i = net.firstOut(v); i < net.endOut(v); i++) {
      int l = net.outLink(i);
      QueryContext.Step s = new QueryContext.Step();
      s.origin_s = ctx.request().departure_s();
      if (!ctx.relax(v, tag, t, c, g, var, hops, l, s)) {
        continue;
      }
      int w = net.linkTo(l);
      long state = (long) w * ctx.tagCount() + s.tag;
      if (seen.contains(state) || w == ctx.request().from()) {
        continue;
      }
      path.add(l);
      if (w == target) {
        out.add(path.stream().mapToInt(Integer::intValue).toArray());
      } else {
        seen.add(state);
        walk(
            ctx,
            w,
            s.tag,
            s.time_s,
            s.cost_cents,
            s.co2e_g,
            s.variance_s2,
            s.transshipments,
            target,
            path,
            seen,
            out);
        seen.remove(state);
      }
      path.removeLast();
    }
  }

  /**
   * What an answer is judged by: arrival, cost, CO2e and the p95 arrival, at the resolution the
   * answer shows.
   */
  private static List<Long> vector(Route r) {
    long d = r.departure_s();
    return List.of(
        Route.answerDays(r.arrival_s(), d),
        Route.answerUsd(r.cost_cents()),
        Route.answerKg(r.co2e_g()),
        Route.answerDays(r.p95Arrival_s(), d));
  }

  private static boolean dominates(List<Long> a, List<Long> b) {
    boolean strict = false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) > b.get(i)) {
        return false;
      }
      strict |= a.get(i) < b.get(i);
    }
    return strict;
  }

  @Property(tries = 150)
  void pareto_set_equals_brute_force(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 4, max = 8) int n,
      @ForAll @IntRange(min = 2, max = 10) int extra,
      @ForAll @LongRange(min = 0, max = 604_800) long departOffset) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router = RandomNetworks.router(seed, net);
    RouteRequest r = RouteRequest.of(0, n - 1, DEPART + departOffset);
    Set<List<Long>> expected = new HashSet<>();
    List<List<Long>> all = enumerateVectors(router, r);
    for (List<Long> v : all) {
      if (all.stream().noneMatch(o -> dominates(o, v))) {
        expected.add(v);
      }
    }
    RouteResponse response = router.route(r);
    Set<List<Long>> actual = new HashSet<>();
    response.routes().forEach(route -> actual.add(vector(route)));
    Statistics.label("pareto set size").collect(Math.min(expected.size(), 4));
    Statistics.label("pareto set size")
        .coverage(
            c -> {
              c.check(0).percentage(p -> p < 40);
              c.check(2).percentage(p -> p > 10);
              c.check(3).percentage(p -> p > 1);
            });
    assertThat(actual).as("seed %d n %d extra %d", seed, n, extra).isEqualTo(expected);
    assertThat(response.routes()).hasSize(expected.size()); // no duplicates
    assertThat(response.noRoute().isPresent()).isEqualTo(expected.isEmpty());
  }

  /** Textbook Dijkstra with java.util.PriorityQueue over nodes, on a weight per directed link. */
  private static long referenceDijkstra(
      Network net, int s, int t, java.util.function.IntToLongFunction w) {
    long[] dist = new long[net.nodeCount()];
    java.util.Arrays.fill(dist, Long.MAX_VALUE);
    dist[s] = 0;
    PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    pq.add(new long[] {0, s});
    while (!pq.isEmpty()) {
      long[] top = pq.poll();
      int v = (int) top[1];
      if (top[0] > dist[v]) {
        continue;
      }
      for (int i = net.firstOut(v); i < net.endOut(v); i++) {
        int l = net.outLink(i);
        long nd = top[0] + w.applyAsLong(l);
        if (nd < dist[net.linkTo(l)]) {
          dist[net.linkTo(l)] = nd;
          pq.add(new long[] {nd, net.linkTo(l)});
        }
      }
    }
    return dist[t];
  }

  @Property(tries = 200)
  void single_criterion_equals_reference_dijkstra(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 60) int extra) {
    Network net = RandomNetworks.generate(seed, n, extra, true);
    Router router =
        new Router(
            net,
            RandomNetworks.EMISSIONS,
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE);
    int s = (int) (seed % n);
    int t = (int) ((seed / 7) % n);
    if (s == t) {
      return;
    }
    long time = referenceDijkstra(net, s, t, net::duration_s);
    long cost = referenceDijkstra(net, s, t, net::tariff_cents);
    RouteResponse byTime =
        router.route(RouteRequest.of(s, t, DEPART).withObjective(Objective.TIME, 1));
    RouteResponse byCost =
        router.route(RouteRequest.of(s, t, DEPART).withObjective(Objective.COST, 1));
    if (time == Long.MAX_VALUE) {
      assertThat(byTime.routes()).isEmpty();
      return;
    }
    assertThat(byTime.routes().getFirst().arrival_s() - DEPART).isEqualTo(time);
    assertThat(byCost.routes().getFirst().cost_cents()).isEqualTo(cost);
  }

  @Property(tries = 150)
  void no_route_breaks_a_constraint(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 3, max = 12) int n,
      @ForAll @IntRange(min = 0, max = 15) int extra,
      @ForAll @IntRange(min = 0, max = 3) int avoidIndex,
      @ForAll boolean noRoad,
      @ForAll boolean avoidSuez,
      @ForAll @IntRange(min = -1, max = 3) int maxHops,
      @ForAll @IntRange(min = 0, max = 2) int limitKind) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router =
        new Router(
            net,
            RandomNetworks.EMISSIONS,
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE);
    String avoid = RandomNetworks.COUNTRIES.get(avoidIndex);
    if (net.node(0).country().equals(avoid) || net.node(n - 1).country().equals(avoid)) {
      return;
    }
    Set<Mode> modes = EnumSet.allOf(Mode.class);
    if (noRoad) {
      modes.remove(Mode.ROAD);
    }
    long maxDuration = limitKind == 1 ? 20 * 86_400 : -1;
    long maxCost = limitKind == 2 ? 100_000 : -1;
    RouteRequest r =
        RouteRequest.of(0, n - 1, DEPART)
            .withAvoid(Set.of(avoid), avoidSuez ? Set.of(Passage.SUEZ) : Set.of())
            .withModes(modes)
            .withLimits(maxHops, maxDuration, maxCost);
    RouteResponse response = router.route(r);
    for (Route route : response.routes()) {
      assertThat(route.countries()).doesNotContain(avoid);
      assertThat(route.passages()).doesNotContain(avoidSuez ? "suez" : "none");
      route.legs().forEach(leg -> assertThat(modes).contains(leg.mode()));
      if (maxHops >= 0) {
        assertThat(route.transshipments()).isLessThanOrEqualTo(maxHops);
      }
      if (maxDuration >= 0) {
        assertThat(route.arrival_s() - net.handling_s(n - 1) - DEPART)
            .isLessThanOrEqualTo(maxDuration);
      }
      if (maxCost >= 0) {
        assertThat(route.cost_cents() - net.handling_cents(n - 1)).isLessThanOrEqualTo(maxCost);
      }
    }
    if (response.routes().isEmpty()) {
      assertThat(response.noRoute()).isPresent();
    }
  }

  /**
   * Leaving later never arrives earlier: waiting for a ferry is first-in-first-out along whole
   * routes.
   */
  @Property(tries = 200)
  void departing_later_never_arrives_earlier(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 3, max = 12) int n,
      @ForAll @IntRange(min = 0, max = 15) int extra,
      @ForAll @LongRange(min = 0, max = 604_800) long t1,
      @ForAll @LongRange(min = 0, max = 300_000) long later) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router =
        new Router(
            net,
            RandomNetworks.EMISSIONS,
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE);
    RouteResponse a =
        router.route(RouteRequest.of(0, n - 1, DEPART + t1).withObjective(Objective.TIME, 1));
    RouteResponse b =
        router.route(
            RouteRequest.of(0, n - 1, DEPART + t1 + later).withObjective(Objective.TIME, 1));
    assertThat(a.routes().isEmpty()).isEqualTo(b.routes().isEmpty());
    if (!a.routes().isEmpty()) {
      assertThat(b.routes().getFirst().arrival_s())
          .isGreaterThanOrEqualTo(a.routes().getFirst().arrival_s());
    }
  }

  /**
   * Thinning keeps the extremes and leaves every dropped route within epsilon of a kept one, or not
   * materially different from one (same borders and transfer points, under 5 % apart in distance).
   */
  /** A counterexample jqwik found (thinning first, then dropping near-copies, lost a cover). */
  @Example
  void epsilon_set_covers_the_exact_set_in_a_found_counterexample() {
    epsilon_set_covers_the_exact_set(112_442, 4, 8);
  }

  @Property(tries = 100)
  void epsilon_set_covers_the_exact_set(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 4, max = 9) int n,
      @ForAll @IntRange(min = 2, max = 12) int extra) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router = RandomNetworks.router(seed, net);
    RouteRequest exact = RouteRequest.of(0, n - 1, DEPART);
    double eps = 0.1;
    List<Route> all = router.route(exact).routes();
    List<Route> thin = router.route(exact.withEpsilon(eps)).routes();
    assertThat(all.stream().map(ParetoOracleTest::vector).toList())
        .containsAll(thin.stream().map(ParetoOracleTest::vector).toList());
    assertThat(thin.isEmpty()).isEqualTo(all.isEmpty());
    for (Route b : all) {
      boolean covered =
          thin.stream()
              .anyMatch(
                  a ->
                      !Router.differsMaterially(a, b)
                          || a.arrival_s() - DEPART <= (b.arrival_s() - DEPART) * (1 + eps)
                              && a.cost_cents() <= b.cost_cents() * (1 + eps)
                              && a.co2e_g() <= b.co2e_g() * (1 + eps)
                              && a.p95Arrival_s() - DEPART
                                  <= (b.p95Arrival_s() - DEPART) * (1 + eps));
      assertThat(covered).as("route %s not within epsilon of a kept route", vector(b)).isTrue();
    }
    if (!all.isEmpty()) {
      assertThat(thin.stream().mapToLong(Route::arrival_s).min())
          .isEqualTo(all.stream().mapToLong(Route::arrival_s).min());
      assertThat(thin.stream().mapToLong(Route::cost_cents).min())
          .isEqualTo(all.stream().mapToLong(Route::cost_cents).min());
      assertThat(thin.stream().mapToLong(Route::co2e_g).min())
          .isEqualTo(all.stream().mapToLong(Route::co2e_g).min());
    }
  }
}
