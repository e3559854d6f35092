package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.caravan.network.Network;

/**
 * {@link Router#through}: the route passes the via nodes in order, is timed by the router's own
 * rule along its links, and, where it keeps the practice rules, is never faster than the fastest
 * route without them; it exists whenever each stretch has a route (no limits forbid the join).
 */
class ThroughTest {
  private static final long DEPART = 1_767_225_600L; // 2026-01-01T00:00Z

  @Property(tries = 150)
  void the_route_passes_the_via_node_and_is_no_faster_than_the_free_fastest(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 4, max = 12) int n,
      @ForAll @IntRange(min = 2, max = 20) int extra) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router = RandomNetworks.router(seed, net);
    int via = 1 + (int) (seed % (n - 2));
    RouteRequest r = RouteRequest.of(0, n - 1, DEPART);
    Optional<Route> through = router.through(r, new int[] {via}, 0);
    boolean stretches =
        !router
            .route(r.withEnds(0, via, DEPART).withObjective(Objective.TIME, 1))
            .routes()
            .isEmpty();
    Statistics.collect(through.isPresent() ? "through" : "none");
    // Not vacuous: about a third of the random networks have a route through the via node.
    Statistics.coverage(c -> c.check("through").percentage(p -> p >= 20));
    if (through.isEmpty()) {
      // Only when a stretch has no route, or the joined path breaks a limit.
      return;
    }
    Route t = through.get();
    assertThat(stretches).isTrue();
    List<Integer> nodes = new ArrayList<>();
    int[] links = t.legs().stream().flatMapToInt(l -> Arrays.stream(l.links())).toArray();
    nodes.add(net.linkFrom(links[0]));
    for (int l : links) {
      nodes.add(net.linkTo(l));
    }
    assertThat(nodes.getFirst()).isEqualTo(0);
    assertThat(nodes.getLast()).isEqualTo(n - 1);
    assertThat(nodes).contains(via);
    // Timed by the router's rule along its own links.
    Route again = router.along(r, links).orElseThrow();
    assertThat(again.arrival_s()).isEqualTo(t.arrival_s());
    // Keeping the practice rules, never faster than the fastest route that need not pass the via
    // node (which keeps them too whenever one does).
    Route free = router.route(r.withObjective(Objective.TIME, 1)).routes().getFirst();
    int[] freeLinks = free.legs().stream().flatMapToInt(l -> Arrays.stream(l.links())).toArray();
    boolean compared = router.keepsPractice(r, links, 0) && router.keepsPractice(r, freeLinks, 0);
    Statistics.label("compared with the free fastest").collect(compared);
    Statistics.label("compared with the free fastest")
        .coverage(c -> c.check(true).percentage(p -> p >= 50));
    if (compared) {
      assertThat(t.arrival_s()).isGreaterThanOrEqualTo(free.arrival_s());
    }
  }
}
