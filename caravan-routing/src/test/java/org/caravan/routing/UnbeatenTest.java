package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Router#unbeaten} against the definition, on lists of routes with many ties: no route kept
 * is beaten by another kept one on the four shown values (days, USD, kg CO2e, p95 days at the
 * answer's resolution), every route left out is beaten by a kept one, and the order is kept.
 */
class UnbeatenTest {
  private static final long DEPART = 1_767_225_600L; // 2026-01-01T00:00Z

  @Property(tries = 300)
  void kept_routes_are_exactly_those_no_other_beats(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 12) int n) {
    Random r = new Random(seed);
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Few distinct values, so that ties and equal routes are common.
      long arrival = DEPART + (10 + r.nextInt(4)) * 86_400L + r.nextInt(2) * 3_600L;
      long var = (long) r.nextInt(3) * 86_400L * 86_400L;
      routes.add(
          route(arrival, 100_000L * (1 + r.nextInt(3)), 1_000_000L * (1 + r.nextInt(3)), var));
    }
    List<Route> kept = Router.unbeaten(routes, DEPART);

    assertThat(kept).isNotEmpty();
    assertThat(routes).containsSubsequence(kept);
    for (Route a : kept) {
      for (Route b : kept) {
        if (a != b) {
          assertThat(atLeastAsGood(a, b) && atLeastAsGood(b, a))
              .as("two kept routes equal on all four")
              .isFalse();
          assertThat(atLeastAsGood(a, b)).as("a kept route beaten by another").isFalse();
        }
      }
    }
    for (Route b : routes) {
      if (!kept.contains(b)) {
        assertThat(kept.stream().anyMatch(a -> atLeastAsGood(a, b)))
            .as("a route left out that no kept route beats")
            .isTrue();
      }
    }
  }

  /** The definition, on the values the answer shows. */
  private static boolean atLeastAsGood(Route a, Route b) {
    return Route.answerDays(a.arrival_s(), DEPART) <= Route.answerDays(b.arrival_s(), DEPART)
        && Route.answerUsd(a.cost_cents()) <= Route.answerUsd(b.cost_cents())
        && Route.answerKg(a.co2e_g()) <= Route.answerKg(b.co2e_g())
        && Route.answerDays(p95(a), DEPART) <= Route.answerDays(p95(b), DEPART);
  }

  private static long p95(Route a) {
    return a.arrival_s() + Math.round(Route.Z95 * Math.sqrt((double) a.variance_s2()));
  }

  private static Route route(long arrival, long cost, long co2, long var) {
    return new Route(
        List.of(), DEPART, arrival, cost, co2, var, 0, 0, List.of(), List.of(), List.of(),
        List.of(), "middle", List.of());
  }
}
