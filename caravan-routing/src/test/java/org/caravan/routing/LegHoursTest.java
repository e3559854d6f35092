package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.caravan.network.Network;

/**
 * A leg's hours are disjoint, on random networks with dwell, transfers, schedules and outbound
 * stops: running time, the wait for a departure, the transfer, the stops (at the leg's start and at
 * the nodes inside it) and the wagon-group marshalling add up, with the handling at the two ends,
 * to the route's transit time; between two legs the only gap is the next leg's stop at its start,
 * its transfer and its wait. Marshalling falls on the first leg alone, when it is rail, in
 * proportion to its length ({@link ExpectedWaits#wagonload_hPer1000km}), and never on a train load.
 */
class LegHoursTest {
  private static final long DEPART = 1_767_225_600L; // 2026-01-01T00:00Z

  @Property(tries = 200)
  void leg_hours_add_up_to_the_transit_time(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 3, max = 9) int n,
      @ForAll @IntRange(min = 0, max = 12) int extra) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    Router router = RandomNetworks.router(seed, net);
    check(net, n, router.route(RouteRequest.of(0, n - 1, DEPART)).routes());
  }

  /** Wagonload from the origin (50 h per 1,000 km): the same sums, the marshalling on leg one. */
  @Property(tries = 200)
  void marshalling_adds_up_and_falls_on_the_first_rail_leg_in_proportion_to_its_length(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 3, max = 9) int n,
      @ForAll @IntRange(min = 0, max = 12) int extra) {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    ExpectedWaits wagonload =
        new ExpectedWaits.None() {
          @Override
          public double wagonload_hPer1000km(int origin) {
            return origin == 0 ? 50 : 0;
          }
        };
    Router base = RandomNetworks.router(seed, net);
    Router router = RandomNetworks.router(seed, net, wagonload);
    List<Route> routes = router.route(RouteRequest.of(0, n - 1, DEPART)).routes();
    check(net, n, routes);
    boolean railFirst = false;
    for (Route r : routes) {
      Leg first = r.legs().getFirst();
      boolean rail = first.mode() == org.caravan.network.Mode.RAIL;
      railFirst |= rail;
      assertThat(first.marshal_s())
          .isCloseTo(
              rail ? Math.round(first.distance_m() * 0.18) : 0,
              within((long) first.links().length));
      for (Leg l : r.legs().subList(1, r.legs().size())) {
        assertThat(l.marshal_s()).isZero();
      }
    }
    Statistics.label("first leg by rail").collect(railFirst);
    Statistics.label("first leg by rail").coverage(c -> c.check(true).count(k -> k >= 1));
    // A train load books a block train of its own: no marshalling, as without wagonload.
    RouteRequest load =
        RouteRequest.of(0, n - 1, DEPART)
            .withCargo(
                RouteRequest.FULL_TRAIN_TEU,
                RouteRequest.FULL_TRAIN_TEU * 10,
                CargoClass.GENERAL,
                0);
    assertThat(router.route(load).routes().stream().flatMap(r -> r.legs().stream()))
        .allMatch(l -> l.marshal_s() == 0);
    assertThat(base.route(RouteRequest.of(0, n - 1, DEPART)).routes().stream())
        .allMatch(r -> r.legs().stream().allMatch(l -> l.marshal_s() == 0));
  }

  private static void check(Network net, int n, List<Route> routes) {
    boolean inside =
        routes.stream()
            .flatMap(r -> r.legs().stream())
            .anyMatch(l -> l.dwell_s() > l.dwellAtFrom_s());
    Statistics.label("a stop inside a leg").collect(inside);
    Statistics.label("a stop inside a leg").coverage(c -> c.check(true).count(k -> k >= 1));
    for (Route r : routes) {
      long sum_s = net.handling_s(0) + net.handling_s(n - 1);
      long prevArrive_s = r.departure_s() + net.handling_s(0);
      for (Leg l : r.legs()) {
        assertThat(l.running_s()).isNotNegative();
        assertThat(l.dwellAtFrom_s()).isBetween(0L, l.dwell_s());
        assertThat(l.held_s()).isBetween(0L, l.dwell_s());
        assertThat(l.depart_s() - prevArrive_s)
            .as("gap before leg %s -> %s", l.from(), l.to())
            .isEqualTo(l.dwellAtFrom_s() + l.transfer_s() + l.wait_s());
        assertThat(l.marshal_s()).isNotNegative();
        sum_s += l.running_s() + l.wait_s() + l.transfer_s() + l.dwell_s() + l.marshal_s();
        prevArrive_s = l.arrive_s();
      }
      assertThat(sum_s).isEqualTo(r.arrival_s() - r.departure_s());
    }
  }
}
