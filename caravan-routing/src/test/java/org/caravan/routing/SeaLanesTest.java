package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.caravan.network.Passage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lanes on the marnet copy shipped in searoute-core, checked against published and cross-checked
 * distances.
 */
class SeaLanesTest {
  private static SeaLanes lanes;

  @BeforeAll
  static void load() {
    lanes = SeaLanes.load();
  }

  @Test
  void the_packed_form_built_at_build_time_gives_the_same_lanes_as_the_geopackage() {
    assertThat(SeaLanes.class.getResource(SeaLanes.PACKED))
        .as("packed by the process-classes build step")
        .isNotNull();
    SeaLanes gpkg = SeaLanes.loadGeoPackage();
    assertThat(lanes.vertexCount()).isEqualTo(gpkg.vertexCount());
    for (int avoid : new int[] {0, Passage.SUEZ.bit() | Passage.PANAMA.bit()}) {
      var a = lanes.lane(121.9, 31.35, 4.1, 51.95, avoid).orElseThrow();
      var b = gpkg.lane(121.9, 31.35, 4.1, 51.95, avoid).orElseThrow();
      assertThat(a.distance_km()).isEqualTo(b.distance_km());
      assertThat(a.passageMask()).isEqualTo(b.passageMask());
      assertThat(a.coords()).isEqualTo(b.coords());
    }
  }

  @Test
  void marnet_loads_as_one_graph() {
    assertThat(lanes.vertexCount()).isGreaterThan(10_000);
  }

  @Test
  void shanghai_rotterdam_via_suez_and_round_the_cape() {
    // Shanghai 31.23 N 121.47 E (approach 31.35 N 121.9 E), Rotterdam 51.95 N 4.1 E
    var suez = lanes.lane(121.9, 31.35, 4.1, 51.95, 0).orElseThrow();
    // about 10,600 nm = 19,630 km (corridor-facts PEM-ROUTE); the shared marnet copy gives 19,531
    // km
    assertThat(suez.distance_km()).isBetween(19_000.0, 20_300.0);
    assertThat(suez.passageMask() & Passage.SUEZ.bit()).isNotZero();
    assertThat(suez.passageMask() & Passage.BABELMANDEB.bit()).isNotZero();
    int avoid = Passage.SUEZ.bit() | Passage.PANAMA.bit();
    var cape = lanes.lane(121.9, 31.35, 4.1, 51.95, avoid).orElseThrow();
    assertThat(cape.passageMask() & avoid).isZero();
    // via the Cape of Good Hope: about 13,900-14,500 nm
    assertThat(cape.distance_km()).isBetween(25_000.0, 27_500.0);
  }

  @Test
  void black_sea_to_the_aegean_passes_the_bosporus_and_dardanelles() {
    var lane = lanes.lane(28.66, 44.17, 23.6, 37.94, 0).orElseThrow(); // Constanta -> Piraeus
    assertThat(lane.passageMask() & Passage.BOSPORUS.bit()).isNotZero();
    assertThat(lane.passageMask() & Passage.DARDANELLES.bit()).isNotZero();
    assertThat(lanes.lane(28.66, 44.17, 23.6, 37.94, Passage.BOSPORUS.bit())).isEmpty();
    assertThat(lane.coords().length).isGreaterThan(6);
  }

  @Test
  void every_chinese_port_of_the_network_reaches_europe() {
    // Lianyungang, Ningbo, Shanghai to Piraeus and Antwerp
    for (double[] from : new double[][] {{119.45, 34.733}, {121.85, 29.93}, {121.9, 31.35}}) {
      for (double[] to : new double[][] {{23.638, 37.95}, {4.383, 51.2}}) {
        assertThat(lanes.lane(from[0], from[1], to[0], to[1], 0))
            .as("%s -> %s", java.util.Arrays.toString(from), java.util.Arrays.toString(to))
            .isPresent();
      }
    }
  }

  @Test
  void the_caspian_is_not_on_marnet() {
    assertThat(lanes.lane(51.15, 43.65, 49.44, 39.98, 0)).isEmpty(); // Aktau -> Alat
  }

  /**
   * The network's sea distances were computed on the searoute-py copy of marnet
   * (../shared/data/sea, see tools/network/sea_distances.py); the lanes here come from the Eurostat
   * GeoPackage in searoute-core. The two must agree for every deep-sea and feeder link off the
   * Caspian.
   */
  @Test
  void network_sea_distances_agree_with_the_marnet_lanes() {
    org.caravan.network.Network net =
        org.caravan.network.Network.build(org.caravan.network.io.NetworkFiles.readDefault());
    int checked = 0;
    for (int l = 0; l < net.linkCount(); l++) {
      if (net.linkMode(l) != org.caravan.network.Mode.SEA || net.isReverse(l)) {
        continue;
      }
      int a = net.linkFrom(l);
      int b = net.linkTo(l);
      var lane = lanes.lane(net.lon(a), net.lat(a), net.lon(b), net.lat(b), 0);
      if (lane.isEmpty()) {
        continue; // the Caspian feeder: not on marnet
      }
      double km = net.distance_m(l) / 1000.0;
      assertThat(lane.get().distance_km())
          .as(net.link(l).id())
          .isCloseTo(km, org.assertj.core.data.Percentage.withPercentage(6));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }
}
