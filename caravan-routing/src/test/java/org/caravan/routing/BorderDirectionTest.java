package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.caravan.network.Network;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;

/**
 * The router charges a Kazakh rail border by direction (CPMM22KZ: 7–11 h outbound, 54–78 h
 * inbound): a train leaving for China stops for the outbound time, one coming in for the inbound
 * time, and a wait table's {@code exit} and {@code pass} figures replace each in its own direction.
 */
class BorderDirectionTest {
  private static final long DEPART = 1_717_200_000L; // 2024-06-01T00:00Z
  private static final long H = 3600;
  private final Network net = Network.build(NetworkFiles.readDefault());
  private final int inland = node("KZ-AKTOGAY");
  private final int border = node("KZ-DOSTYK");
  private final int china = node("CNAKL");

  @Test
  void leaving_stops_for_the_outbound_time_and_entering_for_the_inbound_time() {
    Router router = router(ExpectedWaits.NONE);
    assertThat(dwell(router, inland, china)).isEqualTo(Math.round(6.8 * H));
    assertThat(dwell(router, china, inland)).isEqualTo(net.dwell_s(border));
    assertThat(net.dwell_s(border)).isGreaterThan(Math.round(50 * H));
  }

  @Test
  void a_wait_table_replaces_each_direction_with_its_own_figure() {
    ExpectedWaits table =
        new ExpectedWaits.None() {
          @Override
          public long pass_s(int node) {
            return node == border ? 40 * H : -1;
          }

          @Override
          public long exit_s(int node) {
            return node == border ? 9 * H : -1;
          }
        };
    Router router = router(table);
    assertThat(dwell(router, inland, china)).isEqualTo(9 * H);
    assertThat(dwell(router, china, inland)).isEqualTo(40 * H);
  }

  private Router router(ExpectedWaits waits) {
    return new Router(
        net,
        RandomNetworks.EMISSIONS,
        CargoRules.NONE,
        SeaLaneOverrides.NONE,
        Router.Options.NONE.withWaits(waits));
  }

  /** Dwell charged on the two-link path {@code from} → Dostyk → {@code to}. */
  private long dwell(Router router, int from, int to) {
    int[] path = {link(from, border), link(border, to)};
    Route r = router.along(RouteRequest.of(from, to, DEPART), path).orElseThrow();
    return r.legs().stream().mapToLong(Leg::dwell_s).sum();
  }

  private int node(String id) {
    return net.findNode(id).orElseThrow();
  }

  private int link(int from, int to) {
    for (int i = net.firstOut(from); i < net.endOut(from); i++) {
      int l = net.outLink(i);
      if (net.linkTo(l) == to && net.linkMode(l) == org.caravan.network.Mode.RAIL) {
        return l;
      }
    }
    throw new AssertionError("no rail link " + net.nodeId(from) + " -> " + net.nodeId(to));
  }
}
