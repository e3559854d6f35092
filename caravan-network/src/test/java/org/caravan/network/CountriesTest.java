package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Country lookup and leg crossings against the Natural Earth polygons. */
class CountriesTest {
  static final Countries C = Countries.loadDefault();

  @Test
  void points_fall_in_their_countries() {
    assertThat(C.at(41.31, 69.28)).contains("UZ"); // Tashkent
    assertThat(C.at(41.72, 44.78)).contains("GE"); // Tbilisi
    assertThat(C.at(45.76, 4.84))
        .contains("FR"); // Lyon (ISO_A2 is -99 for France in Natural Earth)
    assertThat(C.at(42.43, 68.80)).contains("KZ"); // Arys
    assertThat(C.at(43.0, 34.0)).isEmpty(); // Black Sea
  }

  @Test
  void a_leg_lists_the_countries_it_crosses_in_order_with_their_kilometres() {
    // Tashkent to Arys: leaves Uzbekistan, enters Kazakhstan
    Countries.Crossing c = C.along(41.31, 69.28, 42.43, 68.80, 170);
    assertThat(c.countries()).containsExactly("UZ", "KZ");
    assertThat(c.km().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(170, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(c.km().get("UZ")).isGreaterThan(5);
    // Lyon to Milan crosses France, then Italy (Switzerland possibly between, at 1:110m)
    Countries.Crossing alps = C.along(45.76, 4.84, 45.46, 9.19, 442);
    assertThat(alps.countries().getFirst()).isEqualTo("FR");
    assertThat(alps.countries().getLast()).isEqualTo("IT");
    // within one country
    assertThat(C.along(41.72, 44.78, 42.15, 41.67, 341).countries()).containsExactly("GE");
    // all water: no country
    assertThat(C.along(43.0, 34.0, 43.1, 34.2, 20).countries()).isEmpty();
  }

  @Test
  void the_packed_polygons_agree_with_the_shared_natural_earth_file() throws Exception {
    Path ne = Path.of("../../shared/data/countries/ne_110m_admin_0_countries.json");
    if (!Files.exists(ne)) {
      ne = Path.of("../shared/data/countries/ne_110m_admin_0_countries.json");
    }
    assumeTrue(
        Files.exists(ne),
        "../shared/data/countries is absent: skipping the cross-check with Natural Earth");
    Countries full = Countries.parse(new ObjectMapper().readTree(ne.toFile()));
    double[][] probes = {
      {41.31, 69.28},
      {41.72, 44.78},
      {52.23, 21.01},
      {40.41, 49.87},
      {43.24, 76.89},
      {39.93, 32.86},
      {47.50, 19.04},
      {51.44, 7.0},
      {34.26, 108.94},
      {38.56, 68.77},
      {42.87, 74.59},
      {37.95, 58.38}
    };
    for (double[] p : probes) {
      assertThat(C.at(p[0], p[1]))
          .as("%s,%s", p[0], p[1])
          .isEqualTo(full.at(p[0], p[1]))
          .isPresent();
    }
  }
}
