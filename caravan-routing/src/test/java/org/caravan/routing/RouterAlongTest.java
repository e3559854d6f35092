package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.caravan.network.Network;

/**
 * {@link Router#along}: a path timed by the router's own rule gives exactly the route the search
 * returned for it, and a path that does not lead from the origin to the destination gives none.
 */
class RouterAlongTest {
  private static final long DEPART = 1_767_225_600L; // 2026-01-01T00:00Z

  @Property(tries = 150)
  void a_found_route_timed_along_its_links_is_the_same_route(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 4, max = 12) int n,
      @ForAll @IntRange(min = 2, max = 20) int extra,
      @ForAll @LongRange(min = 0, max = 604_800) long departOffset) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router = RandomNetworks.router(seed, net);
    RouteRequest r = RouteRequest.of(0, n - 1, DEPART + departOffset);
    for (Route found : router.route(r).routes()) {
      int[] links = found.legs().stream().flatMapToInt(l -> IntStream.of(l.links())).toArray();
      Route again = router.along(r, links).orElseThrow();
      assertThat(again.arrival_s()).isEqualTo(found.arrival_s());
      assertThat(again.cost_cents()).isEqualTo(found.cost_cents());
      assertThat(again.co2e_g()).isEqualTo(found.co2e_g());
      assertThat(again.variance_s2()).isEqualTo(found.variance_s2());
      assertThat(again.legs()).hasSameSizeAs(found.legs());
      // The path without its last link does not reach the destination.
      assertThat(router.along(r, Arrays.copyOf(links, links.length - 1))).isEmpty();
    }
  }
}
