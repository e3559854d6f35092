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
  void tashkent_to_duisburg_without_russia_belarus_iran_starts_in_uzbekistan() throws Exception {
    JsonNode routes =
        routes("route", "Tashkent", "Duisburg", "--avoid-country", "RU,BY,IR").get("routes");
    assertThat(routes.size()).isPositive();
    for (JsonNode r : routes) {
      JsonNode first = r.get("legs").get(0);
      assertThat(first.get("from").asText()).isEqualTo("UZTAS");
      assertThat(texts(first.get("countries"))).startsWith("UZ");
      assertThat(texts(r.get("countries"))).doesNotContain("RU", "BY", "IR");
    }
  }

  @Test
  void planned_infrastructure_is_used_only_when_asked_for() throws Exception {
    Cli without = Cli.run("route", "Shanghai", "Anaklia", "--depart", DAY, "--json");
    assertThat(without.code()).isEqualTo(1);
    assertThat(without.err()).contains("Anaklia");
    JsonNode with = routes("route", "Shanghai", "Anaklia", "--include-planned");
    assertThat(with.get("routes").size()).isPositive();
    // Kashgar to Jalal-Abad: today via Kazakhstan and Uzbekistan, with the planned CKU railway
    // directly into KG
    JsonNode today =
        routes("route", "Kashgar", "Jalal-Abad", "--objective", "time").get("routes").get(0);
    JsonNode planned =
        routes("route", "Kashgar", "Jalal-Abad", "--objective", "time", "--include-planned")
            .get("routes")
            .get(0);
    assertThat(texts(today.get("countries"))).contains("KZ");
    assertThat(texts(planned.get("countries"))).containsExactly("CN", "KG");
    assertThat(planned.get("distance_km").asDouble())
        .isLessThan(today.get("distance_km").asDouble());
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
      assertThat(r.get("reliability").get("p95_transit_days").asDouble())
          .isGreaterThan(r.get("transit_days").asDouble());
      assertThat(r.get("distance_km").asDouble()).isGreaterThan(8000);
      assertThat(r.get("legs").size()).isPositive();
      double legKm = 0;
      for (JsonNode leg : r.get("legs")) {
        assertThat(leg.get("mode").asText()).isIn("rail", "road", "ferry", "sea", "iww");
        legKm += leg.get("distance_km").asDouble();
      }
      assertThat(legKm)
          .isCloseTo(r.get("distance_km").asDouble(), org.assertj.core.data.Offset.offset(1.0));
      // Xi'an trains leave China at the Kazakh crossings (IDX2406, NEWSAZ240924), not through
      // Mongolia
      assertThat(texts(r.get("countries"))).doesNotContain("MN");
    }
  }

  @Test
  void the_table_ends_with_the_published_figures_for_the_two_places() throws Exception {
    Cli r = Cli.run("route", "Xian", "Baku", "--depart", DAY);
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    int at = out.indexOf("Published figures for CNXIA -> AZBAK");
    assertThat(at).as(out).isPositive();
    List<String> lines = out.substring(at).lines().skip(1).toList();
    // ADY's block-train average, the first 2024 train (dated) and the planned train, with kinds.
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .contains("T04", "middle", "transit_days", "8-10 days", "observed, one block train")
        .contains("NEWSAZ240920, 2024");
    assertThat(lines.get(1)).contains("T05", "9.9-12.1 days", "left 2024-01");
    assertThat(lines.get(2)).contains("T06", "promised");
    // A pair without published figures prints no such section.
    Cli none = Cli.run("route", "Tashkent", "Baku", "--depart", DAY);
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out()).doesNotContain("Published figures");
  }

  /**
   * Ashgabat lies on the Turkmenbashi branch of the Middle Corridor (corridors.csv): the rail line
   * to Turkmenbashi and the ferry to Alat make a Middle Corridor route in both directions, which
   * {@code --corridor middle} keeps, and Uzbek cargo may take it too. When Ashgabat was a node of
   * the Southern route only, the same path was labelled southern westbound and middle eastbound,
   * and {@code --corridor middle} found no route.
   */
  @Test
  void the_turkmenbashi_branch_is_the_middle_corridor_both_ways() throws Exception {
    for (String[] pair : new String[][] {{"Ashgabat", "Baku"}, {"Baku", "Ashgabat"}}) {
      JsonNode first = routes("route", pair[0], pair[1]).get("routes").get(0);
      assertThat(first.get("corridor").asText())
          .as("%s -> %s", pair[0], pair[1])
          .isEqualTo("middle");
      assertThat(first.toString()).contains("TMKRW");
      JsonNode kept = routes("route", pair[0], pair[1], "--corridor", "middle").get("routes");
      assertThat(kept).as("%s -> %s on the middle corridor", pair[0], pair[1]).isNotEmpty();
    }
    boolean viaTurkmenbashi = false;
    for (JsonNode r : routes("route", "Tashkent", "Baku").get("routes")) {
      viaTurkmenbashi |=
          r.toString().contains("\"TMKRW\"") && r.get("corridor").asText().equals("middle");
    }
    assertThat(viaTurkmenbashi).as("Tashkent -> Baku offers the Turkmenbashi crossing").isTrue();
  }

  /**
   * A leg's running, wait, transfer and border hours are disjoint: with the handling at the two
   * terminals (6 h each at Xi'an and Duisburg, nodes.csv) they add up to the route's transit time,
   * and the table shows the border hours of the leg that stopped there.
   */
  @Test
  void the_hours_of_a_routes_legs_add_up_to_its_transit_time() throws Exception {
    JsonNode all = routes("route", "Xian", "Duisburg");
    JsonNode middle = routes("route", "Xian", "Duisburg", "--corridor", "middle");
    for (JsonNode answer : List.of(all, middle)) {
      for (JsonNode r : answer.get("routes")) {
        double sum_h = 6 + 6;
        for (JsonNode l : r.get("legs")) {
          assertThat(l.get("duration_h").asDouble()).isPositive();
          sum_h +=
              l.get("duration_h").asDouble()
                  + l.get("wait_h").asDouble()
                  + l.get("transfer_h").asDouble()
                  + l.get("dwell_h").asDouble();
        }
        assertThat(sum_h)
            .as("route %s", r.get("rank"))
            .isCloseTo(r.get("transit_days").asDouble() * 24, within(0.2));
      }
    }
    // The Kazakh inbound border stop is on the leg that leaves Dostyk, in hours, in the table too.
    JsonNode legs = middle.get("routes").get(0).get("legs");
    assertThat(legs.get(1).get("from").asText()).isEqualTo("KZ-DOSTYK");
    double dostyk_h = legs.get(1).get("dwell_h").asDouble();
    assertThat(dostyk_h).isGreaterThan(24);
    Cli text = Cli.run("route", "Xian", "Duisburg", "--corridor", "middle", "--depart", DAY);
    assertThat(text.out()).contains(String.format("(+%.1f h at borders and stops)", dostyk_h));
  }

  /**
   * Cargo that boards at Almaty travels as wagonload (the default scenario's Kazakh flows, CPMM
   * speed with delay): its first rail leg, Almaty to the Caspian port, carries the wagon-group
   * marshalling the simulation measured per km, shown apart from the running and the stops, and the
   * hours still add up (handling at Almaty and Poti from nodes.csv). Almaty to Poti then takes
   * about the 20 days the market reported (ARGUS-REPORT: 18-22 days); a train load, a block train
   * of its own, is not marshalled.
   */
  @Test
  void wagonload_from_almaty_is_marshalled_on_its_first_rail_leg_and_the_hours_add_up()
      throws Exception {
    JsonNode answer = routes("route", "Almaty", "Poti", "--corridor", "middle");
    JsonNode best = answer.get("routes").get(0);
    double sum_h = 6 + 24; // handling at Almaty and at Poti (nodes.csv)
    JsonNode legs = best.get("legs");
    for (JsonNode l : legs) {
      sum_h +=
          l.get("duration_h").asDouble()
              + l.get("wait_h").asDouble()
              + l.get("transfer_h").asDouble()
              + l.get("dwell_h").asDouble()
              + l.get("marshal_h").asDouble();
    }
    assertThat(sum_h).isCloseTo(best.get("transit_days").asDouble() * 24, within(0.2));
    double marshal_h = legs.get(0).get("marshal_h").asDouble();
    // 66 h per 1,000 km (data/validation/waits.csv) over some 3,000 km of Kazakh rail.
    assertThat(marshal_h).isBetween(150.0, 250.0);
    for (int i = 1; i < legs.size(); i++) {
      assertThat(legs.get(i).get("marshal_h").asDouble()).isZero();
    }
    assertThat(best.get("transit_days").asDouble()).isBetween(18.0, 22.0);
    Cli text = Cli.run("route", "Almaty", "Poti", "--corridor", "middle", "--depart", DAY);
    assertThat(text.out()).contains(String.format("(+%.1f h wagon-group marshalling)", marshal_h));
    JsonNode load = routes("route", "Almaty", "Poti", "--corridor", "middle", "--teu", "84");
    for (JsonNode l : load.get("routes").get(0).get("legs")) {
      assertThat(l.get("marshal_h").asDouble()).isZero();
    }
  }

  /**
   * A sailing between two ports of one corridor is that corridor's: the Caspian crossing and the
   * Black Sea feeder are the Middle Corridor, from either end; an ocean voyage stays "sea".
   */
  @Test
  void caspian_and_black_sea_sailings_are_middle_corridor_routes() throws Exception {
    for (String[] od : new String[][] {{"Aktau", "Baku"}, {"Poti", "Constanta"}}) {
      JsonNode r = routes("route", od[0], od[1], "--epsilon", "0").get("routes");
      assertThat(r.size()).isPositive();
      r.forEach(
          x ->
              assertThat(x.get("corridor").asText())
                  .as("%s -> %s", od[0], od[1])
                  .isEqualTo("middle"));
    }
    JsonNode direct = routes("route", "Poti", "Constanta", "--epsilon", "0").get("routes");
    boolean oneSailing = false;
    for (JsonNode x : direct) {
      oneSailing |=
          x.get("legs").size() == 1 && x.get("legs").get(0).get("mode").asText().equals("sea");
    }
    assertThat(oneSailing).as("the direct Poti -> Constanța feeder is among the routes").isTrue();
    // Asked by sea, a sailing between two Middle Corridor ports is still a sea route.
    JsonNode bySea = routes("route", "Poti", "Constanta", "--corridor", "sea").get("routes");
    assertThat(bySea.size()).isPositive();
    bySea.forEach(
        x -> x.get("legs").forEach(l -> assertThat(l.get("mode").asText()).isEqualTo("sea")));
    JsonNode ocean = routes("route", "Shanghai", "Rotterdam", "--modes", "sea").get("routes");
    ocean.forEach(x -> assertThat(x.get("corridor").asText()).isEqualTo("sea"));
    // Where corridors share the network, no one corridor names the route: it is regional.
    for (String[] od : new String[][] {{"Almaty", "Xian"}, {"Budapest", "Vienna"}}) {
      routes("route", od[0], od[1])
          .get("routes")
          .forEach(x -> assertThat(x.get("corridor").asText()).isEqualTo("regional"));
    }
  }

  /** Issue 10's must-show: no route beaten on transit, cost, CO2e and p95 transit together. */
  @Test
  void no_route_is_beaten_on_all_four_criteria() throws Exception {
    for (String[] od :
        new String[][] {{"Xian", "Duisburg"}, {"Almaty", "Constanta"}, {"Xian", "Istanbul"}}) {
      for (String eps : List.of("0", "0.1")) {
        JsonNode routes = routes("route", od[0], od[1], "--epsilon", eps).get("routes");
        for (JsonNode a : routes) {
          for (JsonNode b : routes) {
            boolean beaten = a != b && !crit(a).equals(crit(b));
            for (int i = 0; i < 4 && beaten; i++) {
              beaten = crit(a).get(i) <= crit(b).get(i);
            }
            assertThat(beaten)
                .as("%s beaten by %s (%s -> %s)", crit(b), crit(a), od[0], od[1])
                .isFalse();
          }
        }
      }
    }
  }

  private static List<Double> crit(JsonNode r) {
    return List.of(
        r.get("transit_days").asDouble(),
        r.get("cost_usd").asDouble(),
        r.get("co2e_kg").asDouble(),
        r.get("reliability").get("p95_transit_days").asDouble());
  }

  /**
   * Road only at the ends: no route leaves the railway (or a ship) for a truck and then takes a
   * train or ship.
   */
  @Test
  void no_road_leg_between_two_other_legs() throws Exception {
    for (String[] od :
        new String[][] {
          {"Xian", "Duisburg"}, {"Almaty", "Constanta"}, {"Xian", "Istanbul"}, {"Almaty", "Poti"}
        }) {
      for (JsonNode r : routes("route", od[0], od[1], "--epsilon", "0").get("routes")) {
        List<String> modes = new ArrayList<>();
        r.get("legs").forEach(l -> modes.add(l.get("mode").asText()));
        int firstOther = 0;
        while (firstOther < modes.size() && modes.get(firstOther).equals("road")) {
          firstOther++;
        }
        int road = modes.subList(firstOther, modes.size()).indexOf("road");
        if (road >= 0) {
          assertThat(modes.subList(firstOther + road, modes.size()))
              .as("%s -> %s: %s", od[0], od[1], modes)
              .allMatch(m -> m.equals("road") || m.equals("ferry"));
        }
      }
    }
  }

  /**
   * No route enters one corridor and comes back in another (corridor membership:
   * data/network/corridors.csv).
   */
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

  /**
   * A corridor asked by name: its fastest routes by the validation's rule, all on it, none beaten
   * on time, cost, CO2e and p95 together; an unknown name is refused naming the field.
   */
  @Test
  void a_corridor_asked_by_name_gives_its_fastest_routes_and_only_them() throws Exception {
    for (String corridor : List.of("middle", "northern", "southern")) {
      JsonNode routes = routes("route", "Xian", "Duisburg", "--corridor", corridor).get("routes");
      assertThat(routes.size()).as(corridor).isPositive();
      double previous = 0;
      for (JsonNode r : routes) {
        assertThat(r.get("corridor").asText()).isEqualTo(corridor);
        assertThat(r.get("transit_days").asDouble()).isGreaterThanOrEqualTo(previous);
        previous = r.get("transit_days").asDouble();
        for (JsonNode o : routes) {
          boolean beaten =
              o != r
                  && o.get("transit_days").asDouble() <= r.get("transit_days").asDouble()
                  && o.get("cost_usd").asDouble() <= r.get("cost_usd").asDouble()
                  && o.get("co2e_kg").asDouble() <= r.get("co2e_kg").asDouble()
                  && o.at("/reliability/p95_transit_days").asDouble()
                      <= r.at("/reliability/p95_transit_days").asDouble();
          assertThat(beaten).as("%s route beaten by another", corridor).isFalse();
        }
      }
      if (corridor.equals("middle")) {
        assertThat(texts(routes.get(0).get("countries"))).contains("KZ", "AZ").doesNotContain("RU");
      }
      // The objective applies on the corridor: the cheapest of it, not a cheaper sailing.
      JsonNode cheapest =
          routes("route", "Xian", "Duisburg", "--corridor", corridor, "--objective", "cost")
              .get("routes");
      assertThat(cheapest.size()).isEqualTo(1);
      assertThat(cheapest.get(0).get("corridor").asText()).isEqualTo(corridor);
      for (JsonNode r : routes) {
        assertThat(cheapest.get(0).get("cost_usd").asDouble())
            .isLessThanOrEqualTo(r.get("cost_usd").asDouble());
      }
    }
    Cli bad = Cli.run("route", "Xian", "Duisburg", "--corridor", "atlantis");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err()).contains("unknown corridor 'atlantis'").contains("middle");
    assertThat(bad.err()).doesNotContain("Exception");
  }

  /**
   * Places to pass: the fastest route through them, in order, and slower than the fastest route
   * that need not pass them; an unknown place, or via with a corridor, is refused naming the field.
   */
  @Test
  void via_places_give_the_fastest_route_through_them_in_order() throws Exception {
    JsonNode routes = routes("route", "Xian", "Duisburg", "--via", "Aktau,Poti").get("routes");
    assertThat(routes.size()).isEqualTo(1);
    List<String> stops = new ArrayList<>();
    for (JsonNode leg : routes.get(0).get("legs")) {
      stops.add(leg.get("from").asText());
      leg.get("via").forEach(v -> stops.add(v.asText()));
    }
    assertThat(stops).containsSubsequence("CNXIA", "KZAAU", "GEPTI");
    double free =
        routes("route", "Xian", "Duisburg", "--objective", "time")
            .get("routes")
            .get(0)
            .get("transit_days")
            .asDouble();
    assertThat(routes.get(0).get("transit_days").asDouble()).isGreaterThanOrEqualTo(free);
    // A place that takes the route off its usual corridor is still passed: Xi'an by Harbin goes
    // through Manchuria into Russia, not through Kazakhstan.
    JsonNode harbin = routes("route", "Xian", "Duisburg", "--via", "Harbin").get("routes").get(0);
    assertThat(texts(harbin.get("countries"))).contains("RU").doesNotContain("KZ", "MN");
    Cli unknown = Cli.run("route", "Xian", "Duisburg", "--via", "Atlantis");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("unknown place 'Atlantis' in via");
    Cli both = Cli.run("route", "Xian", "Duisburg", "--via", "Poti", "--corridor", "middle");
    assertThat(both.code()).isNotZero();
    assertThat(both.err()).contains("--corridor").contains("--via").doesNotContain("Exception");
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

  /** Before the Red Sea diversion (a lane switch from 15 Dec 2023) Suez is the usual lane. */
  @Test
  void avoiding_suez_sends_ships_round_the_cape() throws Exception {
    JsonNode suez = seaJson("2023-06-01", "--objective", "time").get("routes").get(0);
    JsonNode cape =
        seaJson("2023-06-01", "--objective", "time", "--avoid-passage", "suez")
            .get("routes")
            .get(0);
    assertThat(texts(suez.get("passages"))).contains("suez");
    assertThat(texts(cape.get("passages"))).doesNotContain("suez", "babelmandeb");
    assertThat(cape.get("distance_km").asDouble() - suez.get("distance_km").asDouble())
        .isGreaterThan(3000);
    assertThat(cape.get("transit_days").asDouble())
        .isGreaterThan(suez.get("transit_days").asDouble() + 5);
    assertThat(texts(cape.get("countries"))).doesNotContain("EG");
  }

  @Test
  void a_point_is_snapped_with_a_road_leg() throws Exception {
    JsonNode r =
        routes("route", "34.2,108.9", "Duisburg", "--objective", "time").get("routes").get(0);
    JsonNode first = r.get("legs").get(0);
    assertThat(first.get("mode").asText()).isEqualTo("road");
    assertThat(first.get("to").asText()).isEqualTo("CNXIA");
  }

  @Test
  void tashkent_coordinates_cross_uzbekistan_with_co2e_and_obey_avoid_country() throws Exception {
    JsonNode a = routes("route", "41.31,69.28", "Milan");
    for (JsonNode r : a.get("routes")) {
      assertThat(texts(r.get("countries"))).first().isEqualTo("UZ");
      JsonNode access = r.get("legs").get(0);
      assertThat(texts(access.get("links"))).containsExactly("access");
      assertThat(texts(access.get("countries"))).contains("UZ");
      assertThat(access.get("co2e_kg").asDouble()).isGreaterThan(0);
      assertThat(access.get("cost_usd").asDouble()).isGreaterThan(0);
    }
    Cli refused =
        Cli.run(
            "route", "41.31,69.28", "Milan", "--avoid-country", "UZ", "--depart", DAY, "--json");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("cannot avoid UZ")
        .contains("41.31,69.28 lies in UZ")
        .doesNotContain("Exception");
    // a point in Georgia, and the same mechanism
    Cli georgia =
        Cli.run("route", "41.72,44.80", "Duisburg", "--avoid-country", "GE", "--depart", DAY);
    assertThat(georgia.code()).isEqualTo(1);
    assertThat(georgia.err()).contains("lies in GE");
  }

  @Test
  void a_point_far_from_the_network_names_the_nearest_place() {
    Cli r =
        Cli.run(
            "route",
            "64.15,-21.94",
            "Duisburg",
            "--depart",
            DAY); // Reykjavik: no terminal within reach
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("too far from the network")
        .contains("the nearest place is")
        .contains("km by road");
  }

  @Test
  void lyon_coordinates_start_at_lyon_not_across_the_alps() throws Exception {
    JsonNode route = routes("route", "45.76,4.84", "Duisburg").get("routes").get(0);
    assertThat(route.get("countries").get(0).asText()).isEqualTo("FR");
  }

  @Test
  void sea_prices_follow_the_dated_rate_table_of_the_departure_day() throws Exception {
    double trough = seaCost("2023-02-15", "--teu", "1");
    double crisis = seaCost("2024-07-15", "--teu", "1");
    assertThat(crisis)
        .isGreaterThan(3 * trough - 1000); // Red Sea diversion against the Feb 2023 trough
    // a 40-ft box is quoted per FEU: cheaper than two 20-ft boxes in 2024-Q1 (6,000 against 2 x
    // 3,200)
    double feu = seaCost("2024-02-01", "--feu", "1");
    double twoTeu = seaCost("2024-02-01", "--teu", "2");
    assertThat(twoTeu - feu).isEqualTo(400.0);
    Cli text =
        Cli.run("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", "2024-02-01");
    assertThat(text.out()).contains("prices for 2024-02-01: SEA-FE-NEUR 2024-Q1 (tariff)");
    Cli undated =
        Cli.run("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", "2022-06-01");
    assertThat(undated.out()).contains("prices: undated tariffs");
  }

  /**
   * The Red Sea diversion is a dated lane switch: a sailing departing from 15 Dec 2023 goes round
   * the Cape of Good Hope (longer, slower, more CO2e), and the answer names the switch and the rate
   * table; before it the same query sails via Suez.
   */
  @Test
  void red_sea_diversion_sails_round_the_cape_from_december_2023() throws Exception {
    JsonNode before = seaJson("2023-11-01");
    JsonNode during = seaJson("2024-03-01");
    JsonNode suez = before.get("routes").get(0);
    JsonNode cape = during.get("routes").get(0);
    assertThat(before.get("prices").get("lanes")).isEmpty();
    assertThat(suez.get("passages").toString()).contains("suez");
    assertThat(cape.get("passages").toString())
        .doesNotContain("suez")
        .doesNotContain("babelmandeb");
    // Shanghai-Rotterdam round the Cape is about 13,800 nm = 25,560 km (PEM-ROUTE)
    assertThat(cape.get("distance_km").asDouble()).isBetween(25_000.0, 26_500.0);
    // extra time via the Cape: at least 7 days, 10-14 common (PEM-ROUTE)
    assertThat(cape.get("transit_days").asDouble() - suez.get("transit_days").asDouble())
        .isBetween(7.0, 14.0);
    assertThat(cape.get("co2e_kg").asDouble()).isGreaterThan(suez.get("co2e_kg").asDouble() * 1.2);
    JsonNode lane = during.get("prices").get("lanes").get(0);
    assertThat(lane.get("id").asText()).isEqualTo("RED-SEA");
    assertThat(lane.get("avoid_passages").toString()).contains("babelmandeb", "suez");
    assertThat(during.get("prices").get("tables").get(0).get("period").asText())
        .isEqualTo("2024-Q1");
    Cli text =
        Cli.run("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", "2024-03-01");
    assertThat(text.out())
        .contains("sea lanes for 2024-03-01: Red Sea diversion")
        .contains("RED-SEA 2023-12-15..2025-12-31, observed; avoids suez, babelmandeb");
  }

  @Test
  void a_dated_border_congestion_holds_a_westbound_train_and_is_named() throws Exception {
    // CN-KZ-CONGESTION-2024 (RF-CONG24): 7-10 days at Alashankou/Khorgos in April-May 2024, mean
    // 8.5 d; a train leaving Xi'an on 20 April reaches the border inside the period.
    JsonNode during = railJson("Xian", "Duisburg", "2024-04-20");
    JsonNode before = railJson("Xian", "Duisburg", "2024-03-01");
    JsonNode after = railJson("Xian", "Duisburg", "2024-07-01");
    double held = fastest(during) - fastest(before);
    assertThat(held).as("the held train loses the congestion's 8.5 days").isBetween(7.5, 9.5);
    assertThat(fastest(after)).isCloseTo(fastest(before), within(1.0));
    assertThat(during.get("prices").get("episodes").get(0).get("id").asText())
        .isEqualTo("CN-KZ-CONGESTION-2024");
    // The leg through Alashankou carries the hold: 8.5 days = 204 h.
    double heldH = 0;
    for (JsonNode leg : during.get("routes").get(0).get("legs")) {
      heldH += leg.get("held_h").asDouble();
    }
    assertThat(heldH).isCloseTo(204.0, within(0.01));
    assertThat(before.get("prices").get("episodes")).isEmpty();
    // The simulated waits charged are those of the departure's season.
    assertThat(during.get("prices").get("waits_season").asText()).isEqualTo("spring");
    assertThat(after.get("prices").get("waits_season").asText()).isEqualTo("summer");
    // Eastbound the westbound congestion holds nothing.
    JsonNode east = railJson("Duisburg", "Xian", "2024-04-20");
    assertThat(east.get("prices").get("episodes")).isEmpty();
    Cli text = Cli.run("route", "Xian", "Duisburg", "--modes", "rail", "--depart", "2024-04-20");
    assertThat(text.out())
        .contains("border episode met: China-Kazakhstan border congestion")
        .contains(
            "waits for 2024-04-20: borders, train formation and Caspian sailings as the calibrated"
                + " simulation measured them in spring (data/validation/waits.csv)")
        .contains("CN-KZ-CONGESTION-2024 2024-04-01..2024-05-31, congestion +8.5 d (sd 2.5)")
        .contains("(+216.2 h at borders and stops, of which held 204.0 h by a border episode)");
  }

  @Test
  void an_overlay_adds_a_what_if_border_closure_and_a_bad_one_names_file_line_and_field(
      @TempDir Path tmp) throws Exception {
    Path ov = Files.createDirectories(tmp.resolve("what-if"));
    String header =
        "id,name,nodes,toward,valid_from,valid_to,kind,delay_days,delay_sd_days,evidence,source,notes\n";
    Files.writeString(
        ov.resolve("episodes.csv"),
        header
            + "WHATIF-DOSTYK,Dostyk and Altynkol shut for two weeks,KZ-DOSTYK;KZHOR,,2026-12-01,"
            + "2026-12-14,closure,,,estimate,EST,a planner's what-if\n");
    Cli usual = Cli.run("route", "Xian", "Baku", "--depart", "2026-11-28", "--json");
    Cli shut =
        Cli.run(
            "route",
            "Xian",
            "Baku",
            "--depart",
            "2026-11-28",
            "--overlay",
            ov.toString(),
            "--json");
    assertThat(shut.code()).as(shut.err()).isZero();
    JsonNode a = JSON.readTree(usual.out());
    JsonNode b = JSON.readTree(shut.out());
    // Held until the border opens on 15 December: the rail route loses about ten days.
    assertThat(fastest(b) - fastest(a)).isGreaterThan(8.0);
    assertThat(b.get("prices").get("episodes").get(0).get("id").asText())
        .isEqualTo("WHATIF-DOSTYK");
    Files.writeString(
        ov.resolve("episodes.csv"),
        header + "WHATIF-X,x,ATLANTIS,,2026-12-01,2026-12-14,closure,,,estimate,EST,\n");
    Cli bad = Cli.run("route", "Xian", "Baku", "--overlay", ov.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err())
        .contains("episodes.csv:2")
        .contains("nodes")
        .contains("ATLANTIS")
        .doesNotContain("Exception");
  }

  private static JsonNode railJson(String from, String to, String day) throws Exception {
    Cli r = Cli.run("route", from, to, "--modes", "rail", "--depart", day, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static double fastest(JsonNode answer) {
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode r : answer.get("routes")) {
      best = Math.min(best, r.get("transit_days").asDouble());
    }
    return best;
  }

  private static JsonNode seaJson(String day, String... more) throws Exception {
    List<String> a =
        new ArrayList<>(
            List.of("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", day, "--json"));
    a.addAll(List.of(more));
    Cli r = Cli.run(a.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static double seaCost(String day, String... cargo) throws Exception {
    List<String> a =
        new ArrayList<>(
            List.of("route", "Shanghai", "Rotterdam", "--modes", "sea", "--depart", day, "--json"));
    a.addAll(List.of(cargo));
    Cli r = Cli.run(a.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode answer = JSON.readTree(r.out());
    assertThat(answer.get("prices").get("date").asText()).isEqualTo(day);
    JsonNode route = answer.get("routes").get(0);
    JsonNode sea = route.get("legs").get(0);
    assertThat(sea.get("rate").asText()).startsWith("SEA-FE-NEUR ");
    return sea.get("cost_usd").asDouble();
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
    JsonNode three =
        routes("route", "Xian", "Duisburg", "--objective", "cost", "-k", "3").get("routes");
    assertThat(three.size()).isEqualTo(3);
    assertThat(three.get(0).get("cost_usd").asDouble())
        .isLessThanOrEqualTo(three.get(1).get("cost_usd").asDouble());
    assertThat(three.get(1).get("cost_usd").asDouble())
        .isLessThanOrEqualTo(three.get(2).get("cost_usd").asDouble());
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
    assertThat(r.err())
        .contains("unknown place 'Duisberg-Ruhrort-Hafen' in to")
        .contains("closest:")
        .doesNotContain("Exception");
    Cli q = Cli.run("route", "Xain", "Duisburg");
    assertThat(q.err()).contains("Xi'an (CNXIA)");
  }

  @Test
  void constraints_that_leave_no_route_are_named() {
    Cli r = Cli.run("route", "Xian", "Duisburg", "--modes", "sea", "--depart", DAY);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--modes sea removed the last route");
    Cli both =
        Cli.run(
            "route",
            "Xian",
            "Duisburg",
            "--avoid-country",
            "RU,BY,KZ,MN",
            "--depart",
            DAY,
            "--modes",
            "rail,road,ferry");
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).contains("no route from CNXIA to DEDUI").contains("--avoid-country");
  }

  @Test
  void absurd_quantities_are_refused_with_the_field_named() {
    assertThat(Cli.run("route", "Xian", "Duisburg", "--teu", "-5").err())
        .contains("teu must be in (0, 10000]");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--tonnes", "1e9").err())
        .contains("tonnes must be in");
    // Containers hold at most their ISO 668 gross mass; the range holds with containers given too.
    Cli heavy = Cli.run("route", "Xian", "Duisburg", "--teu", "1", "--tonnes", "200");
    assertThat(heavy.code()).isEqualTo(1);
    assertThat(heavy.err()).contains("200 t do not fit in 1 container(s): at most 30.48 t each");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--feu", "2", "--tonnes", "60").code())
        .isZero();
    assertThat(Cli.run("route", "Xian", "Duisburg", "--feu", "2", "--tonnes", "61").err())
        .contains("61 t do not fit in 2 container(s)");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--teu", "3", "--tonnes", "1e9").err())
        .contains("tonnes must be in");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--feu", "2", "--teu", "1").err())
        .contains("either --teu or --feu");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--avoid-country", "Russia").err())
        .contains("'Russia' is not an ISO 3166-1 alpha-2");
    // Two letters that name no country are refused too: avoiding them would hold trivially.
    assertThat(Cli.run("route", "Xian", "Duisburg", "--avoid-country", "RU,XX").err())
        .contains("'XX' is not an ISO 3166-1 alpha-2");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--avoid-passage", "panamax").err())
        .contains("unknown sea passage 'panamax'");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--depart", "01.12.2026").err())
        .contains("not a date");
    assertThat(Cli.run("route", "Xian", "Duisburg", "--cargo", "dg").err())
        .contains("UN hazard class");
    Cli r = Cli.run("route", "Xian", "Duisburg", "--teu", "-5");
    assertThat(r.code()).isEqualTo(1);
  }

  /**
   * Golden output of the README's main job: corridors, days, cost, CO2e, countries of every route.
   */
  @Test
  void golden_main_job() throws Exception {
    JsonNode routes = routes("route", "Xian", "Duisburg").get("routes");
    StringBuilder b = new StringBuilder();
    for (JsonNode r : routes) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "%s %.2f d %.0f USD %.1f kg %s%n",
              r.get("corridor").asText(),
              r.get("transit_days").asDouble(),
              r.get("cost_usd").asDouble(),
              r.get("co2e_kg").asDouble(),
              String.join(" ", texts(r.get("countries")))));
    }
    Path golden =
        Path.of(System.getProperty("caravan.repo", ".."))
            .resolve("caravan-cli/src/test/resources/golden/route-xian-duisburg.txt");
    if (Boolean.getBoolean("caravan.updateGolden")) {
      Files.writeString(golden, b.toString());
    }
    assertThat(golden)
        .as("golden file missing; create it with -Dcaravan.updateGolden=true and review it")
        .exists();
    assertThat(b.toString())
        .as("regenerate with -Dcaravan.updateGolden=true and review the diff")
        .isEqualTo(Files.readString(golden));
  }
}
