package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.caravan.network.CarrierClass;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;

/**
 * Two sailings in a row are two ships: the container is transshipped at the port between them,
 * which costs the port's sea-sea transfer (transfers.csv: 48 h at Ambarlı, EST on GEESE25's 4 days
 * for one transshipment) and counts as a transshipment; a port with no such row offers none.
 */
class TransshipmentTest {
  private static final long DEPART =
      1_685_577_600L; // 2023-06-01T00:00Z, before the Red Sea diversion
  private static final long H = 3600;
  private final NetworkSpec spec = NetworkFiles.readDefault();
  private final Network net = Network.build(spec);

  @Test
  void changing_ship_at_ambarli_is_a_transshipment_with_the_ports_transfer() {
    int sea = CarrierClass.SEA.ordinal();
    int ambarli = node(net, "TRAMR");
    assertThat(net.transfer_s(ambarli, sea, sea)).isEqualTo(48 * H);
    Route r = along(net).orElseThrow();
    assertThat(r.legs()).hasSize(2);
    assertThat(r.transshipments()).isEqualTo(1);
    Leg feeder = r.legs().get(1);
    assertThat(feeder.from()).isEqualTo("TRAMR");
    assertThat(feeder.transfer_s()).isEqualTo(48 * H);
    // The transfer is in the transit time: the feeder leaves after the transfer and its wait.
    Leg ocean = r.legs().getFirst();
    assertThat(feeder.depart_s() - ocean.arrive_s())
        .isEqualTo(feeder.transfer_s() + feeder.dwellAtFrom_s() + feeder.wait_s());
    // Staying in any other class needs no transfer; at a node with no sea-sea row there is none.
    for (CarrierClass c : CarrierClass.values()) {
      if (c != CarrierClass.SEA) {
        assertThat(net.transfer_s(ambarli, c.ordinal(), c.ordinal())).isZero();
      }
    }
    assertThat(net.transfer_s(node(net, "KZAAU"), sea, sea)).isEqualTo(-1);
  }

  @Test
  void without_a_sea_sea_row_the_port_offers_no_transshipment() {
    NetworkSpec without =
        new NetworkSpec(
            spec.sources(),
            spec.nodes(),
            spec.links(),
            spec.transfers().stream()
                .filter(
                    t ->
                        !(t.node().equals("TRAMR")
                            && t.fromClass() == CarrierClass.SEA
                            && t.toClass() == CarrierClass.SEA))
                .toList(),
            spec.services(),
            spec.origins());
    Network n = Network.build(without);
    assertThat(along(n)).isEmpty();
    // The search finds Poti by sea another way, never changing ship at Ambarlı.
    Router router = router(n);
    RouteRequest q =
        RouteRequest.of(node(n, "CNSHA"), node(n, "GEPTI"), DEPART).withModes(EnumSet.of(Mode.SEA));
    java.util.List<Route> routes = router.route(q).routes();
    assertThat(routes).as("Poti by sea through another hub").isNotEmpty();
    for (Route r : routes) {
      for (int i = 1; i < r.legs().size(); i++) {
        assertThat(r.legs().get(i).from()).isNotEqualTo("TRAMR");
      }
    }
  }

  /** Shanghai -> Ambarlı by the deep-sea link, then the Ambarlı -> Poti feeder. */
  private static java.util.Optional<Route> along(Network n) {
    int[] path = {link(n, "CNSHA", "TRAMR"), link(n, "TRAMR", "GEPTI")};
    return router(n).along(RouteRequest.of(node(n, "CNSHA"), node(n, "GEPTI"), DEPART), path);
  }

  private static Router router(Network n) {
    return new Router(
        n, RandomNetworks.EMISSIONS, CargoRules.NONE, SeaLaneOverrides.NONE, Router.Options.NONE);
  }

  private static int node(Network n, String id) {
    return n.findNode(id).orElseThrow();
  }

  private static int link(Network n, String from, String to) {
    int f = node(n, from);
    for (int i = n.firstOut(f); i < n.endOut(f); i++) {
      int l = n.outLink(i);
      if (n.nodeId(n.linkTo(l)).equals(to) && n.linkMode(l) == Mode.SEA) {
        return l;
      }
    }
    throw new AssertionError("no sea link " + from + " -> " + to);
  }
}
