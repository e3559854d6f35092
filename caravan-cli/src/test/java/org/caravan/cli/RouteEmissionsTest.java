package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route CO2e as issue 11 asks for it, through the CLI on the built-in network: the published
 * intensity bands, the Zhengzhou -> Hamburg rail/sea ratio, every route's WTT/TTW/range and hub
 * elements adding up, and the validation report being current.
 */
class RouteEmissionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode routes(String... args) throws Exception {
    return routesOn("2026-12-01", args);
  }

  private static JsonNode routesOn(String day, String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--depart", day, "--json"));
    Cli r = Cli.run(a.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out()).get("routes");
  }

  private static double minCo2e(JsonNode routes, String corridor) {
    double best = Double.MAX_VALUE;
    for (JsonNode r : routes) {
      if (corridor == null || r.get("corridor").asText().equals(corridor)) {
        best = Math.min(best, r.get("co2e_kg").asDouble());
      }
    }
    return best;
  }

  @Test
  void xian_duisburg_northern_all_rail_is_inside_the_published_china_europe_rail_band()
      throws Exception {
    JsonNode routes = routes("route", "Xian", "Duisburg");
    int northern = 0;
    for (JsonNode r : routes) {
      double g = r.get("co2e_g_per_tkm").asDouble();
      assertThat(g)
          .isCloseTo(
              r.get("co2e_kg").asDouble() * 1000 / (10 * r.get("distance_km").asDouble()),
              within(0.01));
      if (r.get("corridor").asText().equals("northern")) {
        northern++;
        assertThat(g).as("route %s", r.get("rank")).isBetween(15.0, 35.0);
      }
    }
    assertThat(northern).isPositive();
  }

  @Test
  void shanghai_rotterdam_by_sea_is_inside_the_published_ocean_band() throws Exception {
    JsonNode routes = routes("route", "Shanghai", "Rotterdam", "--modes", "sea");
    assertThat(routes.size()).isPositive();
    for (JsonNode r : routes) {
      assertThat(r.get("co2e_g_per_tkm").asDouble()).isBetween(5.0, 20.0);
      JsonNode sea = r.get("legs").get(0);
      assertThat(sea.get("toc").asText()).isEqualTo("sea-container-asia-europe");
      // no distance adjustment on a marnet shortest path: the leg's CO2e is distance x the lane
      // factor
      assertThat(sea.get("co2e_g_per_tkm").asDouble()).isCloseTo(11.365, within(0.01));
    }
  }

  @Test
  void zhengzhou_hamburg_rail_against_sea_is_near_the_published_example() throws Exception {
    // the published sea leg (24,452 km) is the Suez lane: depart before the Red Sea diversion
    double rail =
        minCo2e(routesOn("2023-06-01", "route", "Zhengzhou", "Hamburg", "--modes", "rail"), null);
    double sea = minCo2e(routesOn("2023-06-01", "route", "Zhengzhou", "Hamburg"), "sea");
    // published: rail ~3,000 kg, sea ~2,580 kg for a 10 t TEU (ratio 1.16)
    assertThat(rail / sea).isBetween(0.8, 1.6);
  }

  @Test
  void every_caspian_rail_ferry_leg_is_between_40_and_150_g_per_tkm() throws Exception {
    // Rail and rail ferries only: with the simulated waits containers take the Aktau feeders, as
    // in the simulation, while wagons ride the rail ferries.
    JsonNode routes = routes("route", "Xian", "Baku", "--epsilon", "0", "--modes", "rail,ferry");
    int ferries = 0;
    for (JsonNode r : routes) {
      for (JsonNode l : r.get("legs")) {
        if (l.get("mode").asText().equals("ferry")) {
          ferries++;
          assertThat(l.get("toc").asText()).isEqualTo("ferry-rail");
          assertThat(l.get("co2e_g_per_tkm").asDouble()).isBetween(40.0, 150.0);
        }
      }
    }
    assertThat(ferries).isPositive();
  }

  @Test
  void wtt_ttw_ranges_legs_and_hubs_add_up_on_every_route() throws Exception {
    for (JsonNode r : routes("route", "Xian", "Duisburg")) {
      double co2e = r.get("co2e_kg").asDouble();
      assertThat(r.get("co2e_wtt_kg").asDouble() + r.get("co2e_ttw_kg").asDouble())
          .isCloseTo(co2e, within(0.5));
      assertThat(r.get("co2e_range_kg").get(0).asDouble()).isLessThan(co2e);
      assertThat(r.get("co2e_range_kg").get(1).asDouble()).isGreaterThan(co2e);
      double sum = 0;
      for (JsonNode l : r.get("legs")) {
        sum += l.get("co2e_kg").asDouble();
        assertThat(l.get("co2e_wtt_kg").asDouble() + l.get("co2e_ttw_kg").asDouble())
            .isCloseTo(l.get("co2e_kg").asDouble(), within(0.05));
        if (l.get("mode").asText().equals("rail")
            && l.get("toc").asText().equals("rail-electric")) {
          assertThat(l.get("co2e_ttw_kg").asDouble())
              .isCloseTo(l.get("hub_co2e_kg").asDouble(), within(0.05));
        }
      }
      List<String> roles = new ArrayList<>();
      for (JsonNode h : r.get("hubs")) {
        roles.add(h.get("role").asText());
        if (!h.get("role").asText().equals("transfer")) {
          sum += h.get("co2e_kg").asDouble();
        }
      }
      assertThat(roles.getFirst()).isEqualTo("origin");
      assertThat(roles.getLast()).isEqualTo("destination");
      assertThat(sum).isCloseTo(co2e, within(0.5));
    }
  }

  @Test
  void the_table_shows_the_range_and_the_split() {
    Cli r = Cli.run("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", "2026-12-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("CO2E_RANGE", "G/TKM", "WTT", "TTW", "hub ", "origin", "destination");
  }

  @Test
  void validation_report_in_docs_is_current() throws Exception {
    Cli r = Cli.run("emissions", "validate");
    assertThat(r.code()).as(r.err()).isZero();
    Path doc =
        Path.of(System.getProperty("caravan.repo", "..")).resolve("docs/EMISSIONS-VALIDATION.md");
    assertThat(r.out())
        .as("regenerate with ./caravan emissions validate --out docs/EMISSIONS-VALIDATION.md")
        .isEqualTo(Files.readString(doc));
    String hand = r.out().substring(r.out().indexOf("## A."), r.out().indexOf("## B."));
    assertThat(hand).contains("| ok |").doesNotContain("| OUT |");
    assertThat(r.out().substring(r.out().indexOf("## C."), r.out().indexOf("## D.")))
        .doesNotContain("| OUT |");
  }

  @Test
  void validate_does_not_overwrite_a_file_it_did_not_write(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("notes.md");
    Files.writeString(mine, "my notes\n");
    Cli r = Cli.run("emissions", "validate", "--out", mine.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("not written by this command");
    assertThat(Files.readString(mine)).isEqualTo("my notes\n");
    Path out = dir.resolve("v.md");
    assertThat(Cli.run("emissions", "validate", "--out", out.toString()).code()).isZero();
    assertThat(Files.readString(out)).startsWith("<!-- generated by `caravan emissions validate`");
    assertThat(Cli.run("emissions", "validate", "--out", out.toString()).code()).isZero();
  }
}
