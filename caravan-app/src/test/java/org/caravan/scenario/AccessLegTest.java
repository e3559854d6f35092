package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caravan.emissions.CountryKm;
import org.caravan.network.Geo;
import org.caravan.network.Network;
import org.caravan.network.RateTables;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Places given as coordinates on a small fixture network at real positions: the access leg's
 * countries come from the country polygons, it has CO2e and a road price, it obeys avoided
 * countries, it prefers a terminal in the point's own country, and a point far from the network is
 * refused naming the nearest place.
 */
class AccessLegTest {
  static final String SOURCES =
      """
      id,title,publisher,date,url,licence
      T1,Test source,Caravan,2026,,CC0-1.0
      EST,Caravan project estimate,Caravan,2026,,Apache-2.0
      """;
  static final String NODES =
      """
      id,name,aliases,kind,country,lat,lon,source
      UZ-ALMALYK,Almalyk,,terminal,UZ,40.84,69.60,T1
      KZ-SARYAGASH,Saryagash,,terminal,KZ,41.45,69.17,T1
      KZ-SHYMKENT,Shymkent,,terminal,KZ,42.32,69.60,T1
      AZ-BALAKAN,Balakan,,terminal,AZ,41.73,46.40,T1
      GEPTI,Poti,,port,GE,42.15,41.67,T1
      FR-LYON,Lyon,,terminal,FR,45.76,4.84,T1
      IT-SUSA,Susa,,terminal,IT,45.14,7.05,T1
      """;
  static final String LINKS =
      """
      id,from,to,mode,gauge,distance_km,duration_h,duration_sd_h,tariff_usd_teu,countries,toc,source
      almalyk-sary,UZ-ALMALYK,KZ-SARYAGASH,rail,1520,90,3,1,60,UZ;KZ,rail-diesel,T1
      sary-shym,KZ-SARYAGASH,KZ-SHYMKENT,rail,1520,120,4,1,80,KZ,rail-diesel,T1
      balakan-poti,AZ-BALAKAN,GEPTI,rail,1520,500,20,4,400,AZ;GE,rail-diesel,T1
      lyon-susa,FR-LYON,IT-SUSA,rail,1435,250,8,2,300,FR;IT,rail-diesel,T1
      shym-balakan,KZ-SHYMKENT,AZ-BALAKAN,rail,1520,3000,100,10,2000,KZ;AZ,rail-diesel,T1
      poti-lyon,GEPTI,FR-LYON,rail,1435,3500,120,10,2500,GE;FR,rail-diesel,T1
      """;

  @TempDir static Path dir;
  static Caravan caravan;

  @BeforeAll
  static void load() throws IOException {
    Files.writeString(dir.resolve("sources.csv"), SOURCES);
    Files.writeString(dir.resolve("nodes.csv"), NODES);
    Files.writeString(dir.resolve("links.csv"), LINKS);
    caravan = Caravan.of(Network.build(NetworkFiles.readDirectory(dir)), RateTables.none());
  }

  static RouteQuery query(String from, String to, String... avoid) {
    RouteQuery q = RouteQuery.of(from, to);
    return new RouteQuery(
        q.from(),
        q.to(),
        q.teu(),
        q.feu(),
        q.tonnes(),
        q.cargo(),
        q.unClass(),
        Optional.of(LocalDate.of(2026, 12, 1)),
        new RouteQuery.Limits(
            List.of(avoid),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of()),
        q.objective(),
        q.alternatives(),
        q.labelCap(),
        q.epsilon());
  }

  @Test
  void a_point_prefers_a_terminal_in_its_own_country() {
    // Tashkent: Saryagash (KZ) is 18 km away, Almalyk (UZ) 60 km; the Uzbek terminal serves it
    Planner.Plan plan = caravan.planner().plan(query("41.31,69.28", "KZ-SHYMKENT"));
    Planner.Access a = plan.access().orElseThrow();
    assertThat(caravan.network().nodeId(a.node())).isEqualTo("UZ-ALMALYK");
    assertThat(a.countries()).containsExactly("UZ");
    // Modane (FR): Susa across the Alps is 32 km away, Lyon 157 km; Lyon serves it
    Planner.Plan alps = caravan.planner().plan(query("45.20,6.67", "IT-SUSA"));
    assertThat(caravan.network().nodeId(alps.access().orElseThrow().node())).isEqualTo("FR-LYON");
  }

  @Test
  void the_access_leg_has_the_countries_it_crosses_its_co2e_and_a_road_price() {
    // Lagodekhi (GE): the only place within reach is Balakan across the border in Azerbaijan
    Planner.Plan plan = caravan.planner().plan(query("41.82,46.28", "GEPTI"));
    Planner.Access a = plan.access().orElseThrow();
    assertThat(caravan.network().nodeId(a.node())).isEqualTo("AZ-BALAKAN");
    assertThat(a.countries()).containsExactly("GE", "AZ");
    double km = Geo.km(41.82, 46.28, 41.73, 46.40) * Planner.ROAD_DETOUR_FACTOR;
    assertThat(a.distance_km()).isCloseTo(km, within(1e-9));
    assertThat(a.cost_usd())
        .isCloseTo(km * Planner.ROAD_USD_PER_TRUCK_KM, within(1e-9)); // one TEU, one truck
    double expected =
        caravan.emissions().co2eWtw_g(Planner.ROAD_TOC, km, 10, List.of(new CountryKm("GE", km)));
    assertThat(a.co2e_g()).isGreaterThan(0).isCloseTo(expected, within(expected * 1e-9));
  }

  @Test
  void an_egress_leg_lists_its_countries_from_the_network_to_the_point() {
    Planner.Plan plan = caravan.planner().plan(query("GEPTI", "41.82,46.28"));
    assertThat(plan.egress().orElseThrow().countries()).containsExactly("AZ", "GE");
  }

  @Test
  void an_avoided_country_on_the_access_leg_is_refused() {
    assertThatThrownBy(() -> caravan.planner().plan(query("41.31,69.28", "KZ-SHYMKENT", "UZ")))
        .isInstanceOfSatisfying(
            UserException.class,
            e -> {
              assertThat(e.field()).isEqualTo("avoid_countries");
              assertThat(e.getMessage()).contains("41.31,69.28 lies in UZ");
            });
    // the point is in Georgia, but its only road leg to the network enters Azerbaijan
    assertThatThrownBy(() -> caravan.planner().plan(query("41.82,46.28", "GEPTI", "AZ")))
        .isInstanceOfSatisfying(
            UserException.class,
            e -> {
              assertThat(e.field()).isEqualTo("avoid_countries");
              assertThat(e.getMessage())
                  .contains("crosses an avoided country")
                  .contains("Balakan (AZ-BALAKAN) through AZ");
            });
  }

  @Test
  void a_point_far_from_the_network_names_the_nearest_place_and_its_distance() {
    assertThatThrownBy(() -> caravan.planner().plan(query("48.85,2.35", "IT-SUSA")))
        .isInstanceOfSatisfying(
            UserException.class,
            e -> {
              assertThat(e.field()).isEqualTo("from");
              double km = Geo.km(48.85, 2.35, 45.76, 4.84) * Planner.ROAD_DETOUR_FACTOR;
              assertThat(e.getMessage())
                  .contains("nearest place is Lyon (FR-LYON), " + Math.round(km) + " km by road")
                  .contains("within 300 km");
            });
  }
}
