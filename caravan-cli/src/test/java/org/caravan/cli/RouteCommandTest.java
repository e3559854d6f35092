package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing questions of the issue, asked through the CLI on the built-in network. */
class RouteCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAY = "2026-12-01";

  private static JsonNode routes(String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--depart", DAY, "--json"));
    Cli r = Cli.run(a.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void xian_to_duisburg_routes_are_sound() throws Exception {
    JsonNode answer = routes("route", "Xian", "Duisburg");
    JsonNode routes = answer.get("routes");
    assertThat(routes.size()).isGreaterThanOrEqualTo(3);
    List<String> corridors = new ArrayList<>();
    routes.forEach(r -> corridors.add(r.get("corridor").asText()));
    assertThat(corridors).contains("northern", "sea");
    for (JsonNode r : routes) {
      assertThat(r.get("transit_days").asDouble()).isPositive();
      assertThat(r.get("cost_usd").asDouble()).isPositive();
      assertThat(r.get("co2e_kg").asDouble()).isPositive();
      assertThat(r.get("reliability").get("p95_delay_h").asDouble()).isPositive();
      assertThat(r.get("reliability").get("p95_transit_days").asDouble()).isGreaterThan(r.get("transit_days").asDouble());
      assertThat(r.get("distance_km").asDouble()).isGreaterThan(8000);
      assertThat(r.get("legs").size()).isPositive();
      double legKm = 0;
      for (JsonNode leg : r.get("legs")) {
        assertThat(leg.get("mode").asText()).isIn("rail", "road", "ferry", "sea", "iww");
        legKm += leg.get("distance_km").asDouble();
      }
      assertThat(legKm).isCloseTo(r.get("distance_km").asDouble(), org.assertj.core.data.Offset.offset(1.0));
      // Xi'an trains leave China at the Kazakh crossings (IDX2406, NEWSAZ240924), not through Mongolia
      assertThat(texts(r.get("countries"))).doesNotContain("MN");
    }
  }

  /** Issue 10's must-show: no route beaten on transit, cost, CO2e and p95 transit together. */
  @Test
  void no_route_is_beaten_on_all_four_criteria() throws Exception {
    for (String[] od : new String[][] {{"Xian", "Duisburg"}, {"Almaty", "Constanta"}, {"Xian", "Istanbul"}}) {
      for (String eps : List.of("0", "0.1")) {
        JsonNode routes = routes("route", od[0], od[1], "--epsilon", eps).get("routes");
        for (JsonNode a : routes) {
          for (JsonNode b : routes) {
            boolean beaten = a != b && !crit(a).equals(crit(b));
            for (int i = 0; i < 4 && beaten; i++) {
              beaten = crit(a).get(i) <= crit(b).get(i);
            }
            assertThat(beaten).as("%s beaten by %s (%s -> %s)", crit(b), crit(a), od[0], od[1]).isFalse();
          }
        }
      }
    }
  }

  private static List<Double> crit(JsonNode r) {
    return List.of(r.get("transit_days").asDouble(), r.get("cost_usd").asDouble(), r.get("co2e_kg").asDouble(),
        r.get("reliability").get("p95_transit_days").asDouble());
  }

  /** Road only at the ends: no route leaves the railway (or a ship) for a truck and then takes a train or ship. */
  @Test
  void no_road_leg_between_two_other_legs() throws Exception {
    for (String[] od : new String[][] {{"Xian", "Duisburg"}, {"Almaty", "Constanta"}, {"Xian", "Istanbul"},
        {"Almaty", "Poti"}}) {
      for (JsonNode r : routes("route", od[0], od[1], "--epsilon", "0").get("routes")) {
        List<String> modes = new ArrayList<>();
        r.get("legs").forEach(l -> modes.add(l.get("mode").asText()));
        int firstOther = 0;
        while (firstOther < modes.size() && modes.get(firstOther).equals("road")) {
          firstOther++;
        }
        int road = modes.subList(firstOther, modes.size()).indexOf("road");
        if (road >= 0) {
          assertThat(modes.subList(firstOther + road, modes.size())).as("%s -> %s: %s", od[0], od[1], modes)
              .allMatch(m -> m.equals("road") || m.equals("ferry"));
        }
      }
    }
  }

  /** No route enters one corridor and comes back in another (corridor membership: data/network/corridors.csv). */
  @Test
  void routes_stay_in_one_corridor() throws Exception {
    for (JsonNode r : routes("route", "Almaty", "Constanta", "--epsilon", "0").get("routes")) {
      assertThat(texts(r.get("countries"))).doesNotContain("PL", "DE");
    }
    for (JsonNode r : routes("route", "Xian", "Istanbul", "--epsilon", "0").get("routes")) {
      assertThat(texts(r.get("countries"))).doesNotContain("PL", "DE", "MN");
    }
    for (JsonNode r : routes("route", "Xian", "Baku", "--epsilon", "0").get("routes")) {
      assertThat(texts(r.get("countries"))).doesNotContain("MN", "RU");
    }
    JsonNode middle = routes("route", "Xian", "Duisburg", "--avoid-country", "RU,BY").get("routes");
    List<String> corridors = new ArrayList<>();
    middle.forEach(r -> corridors.add(r.get("corridor").asText()));
    assertThat(corridors).contains("middle");
    for (JsonNode r : middle) {
      if (r.get("corridor").asText().equals("middle")) {
        assertThat(texts(r.get("countries"))).contains("KZ", "AZ").containsAnyOf("GE", "TR");
      }
    }
  }

  @Test
  void avoiding_russia_and_belarus_leaves_no_route_through_them() throws Exception {
    JsonNode routes = routes("route", "Xian", "Duisburg", "--avoid-country", "RU,BY").get("routes");
    assertThat(routes.size()).isGreaterThanOrEqualTo(2);
    for (JsonNode r : routes) {
      assertThat(texts(r.get("countries"))).doesNotContain("RU", "BY");
      for (JsonNode leg : r.get("legs")) {
        assertThat(texts(leg.get("countries"))).doesNotContain("RU", "BY");
      }
    }
  }

  @Test
  void avoiding_suez_sends_ships_round_the_cape() throws Exception {
    JsonNode suez = routes("route", "Shanghai", "Rotterdam", "--modes", "sea", "--objective", "time").get("routes").get(0);
    JsonNode cape = routes("route", "Shanghai", "Rotterdam", "--modes", "sea", "--objective", "time", "--avoid-passage", "suez").get("routes").get(0);
    assertThat(texts(suez.get("passages"))).contains("suez");
    assertThat(texts(cape.get("passages"))).doesNotContain("suez", "babelmandeb");
    assertThat(cape.get("distance_km").asDouble() - suez.get("distance_km").asDouble()).isGreaterThan(3000);
    assertThat(cape.get("transit_days").asDouble()).isGreaterThan(suez.get("transit_days").asDouble() + 5);
    assertThat(texts(cape.get("countries"))).doesNotContain("EG");
  }

  @Test
  void a_point_is_snapped_with_a_road_leg() throws Exception {
    JsonNode r = routes("route", "34.2,108.9", "Duisburg", "--objective", "time").get("routes").get(0);
    JsonNode first = r.get("legs").get(0);
    assertThat(first.get("mode").asText()).isEqualTo("road");
    assertThat(first.get("to").asText()).isEqualTo("CNXIA");
  }

  @Test
  void geojson_has_one_line_per_route() throws Exception {
    Cli r = Cli.run("route", "Xian", "Duisburg", "--depart", DAY, "--geojson");
    JsonNode fc = JSON.readTree(r.out());
    assertThat(fc.get("features").size()).isGreaterThanOrEqualTo(3);
    for (JsonNode f : fc.get("features")) {
      assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
      assertThat(f.get("geometry").get("coordinates").size()).isGreaterThan(3);
    }
  }

  @Test
  void single_objective_and_alternatives() throws Exception {
    JsonNode fastest = routes("route", "Xian", "Duisburg", "--objective", "time").get("routes");
    assertThat(fastest.size()).isEqualTo(1);
    JsonNode three = routes("route", "Xian", "Duisburg", "--objective", "cost", "-k", "3").get("routes");
    assertThat(three.size()).isEqualTo(3);
    assertThat(three.get(0).get("cost_usd").asDouble()).isLessThanOrEqualTo(three.get(1).get("cost_usd").asDouble());
    assertThat(three.get(1).get("cost_usd").asDouble()).isLessThanOrEqualTo(three.get(2).get("cost_usd").asDouble());
    JsonNode pareto = routes("route", "Xian", "Duisburg", "--epsilon", "0").get("routes");
    double cheapest = Double.MAX_VALUE;
    for (JsonNode r : pareto) {
      cheapest = Math.min(cheapest, r.get("cost_usd").asDouble());
    }
    assertThat(three.get(0).get("cost_usd").asDouble()).isEqualTo(cheapest);
  }

  @Test
  void unknown_place_lists_the_closest_names() {
    Cli r = Cli.run("route", "Xian", "Duisberg-Ruhrort-Hafen");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("unknown place 'Duisberg-Ruhrort-Hafen' in to").contains("closest:").doesNotContain("Exception");
    Cli q = Cli.run("route", "Xain", "Duisburg");
    assertThat(q.err()).contains("Xi'an (CNXIA)");
  }

  @Test
  void constraints_that_leave_no_route_are_named() {
    Cli r = Cli.run("route", "Xian", "Duisburg", "--modes", "sea", "--depart", DAY);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--modes sea removed the last route");
    Cli both = Cli.run("route", "Xian", "Duisburg", "--avoid-country", "RU,BY,KZ,MN", "--depart", DAY, "--modes", "rail,road,ferry");
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).contains("no route from CNXIA to DEDUI").contains("--avoid-country");
  }

  @Test
  void absurd_quantities_are_refused_with_the_field_named() {
    assertThat(Cli.run("route", "Xian", "Duisburg", "--teu", "-5").err()).contains("teu must be in (0, 10000]");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--tonnes", "1e9").err()).contains("tonnes must be in");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--feu", "2", "--teu", "1").err()).contains("either --teu or --feu");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--avoid-country", "Russia").err()).contains("'Russia' is not an ISO 3166-1 alpha-2");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--avoid-passage", "panamax").err()).contains("unknown sea passage 'panamax'");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--depart", "01.12.2026").err()).contains("not a date");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--cargo", "dg").err()).contains("UN hazard class");
    Cli r = Cli.run("route", "Xian", "Duisburg", "--teu", "-5");
    assertThat(r.code()).isEqualTo(1);
  }

  /** Golden output of the README's main job: corridors, days, cost, CO2e, countries of every route. */
  @Test
  void golden_main_job() throws Exception {
    JsonNode routes = routes("route", "Xian", "Duisburg").get("routes");
    StringBuilder b = new StringBuilder();
    for (JsonNode r : routes) {
      b.append(String.format(java.util.Locale.ROOT, "%s %.2f d %.0f USD %.1f kg %s%n", r.get("corridor").asText(), r.get("transit_days").asDouble(),
          r.get("cost_usd").asDouble(), r.get("co2e_kg").asDouble(), String.join(" ", texts(r.get("countries")))));
    }
    Path golden = Path.of(System.getProperty("caravan.repo", "..")).resolve("caravan-cli/src/test/resources/golden/route-xian-duisburg.txt");
    if (Boolean.getBoolean("caravan.updateGolden")) {
      Files.writeString(golden, b.toString());
    }
    assertThat(golden).as("golden file missing; create it with -Dcaravan.updateGolden=true and review it").exists();
    assertThat(b.toString()).as("regenerate with -Dcaravan.updateGolden=true and review the diff").isEqualTo(Files.readString(golden));
  }
}
