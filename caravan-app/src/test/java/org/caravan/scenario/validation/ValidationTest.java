package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.caravan.network.Corridors;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Season;
import org.caravan.routing.ExpectedWaits;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/** The target table, the validation rows, the wait table the router reads, and the calibration. */
class ValidationTest {
  private static final Caravan CARAVAN = Caravan.openDefault();
  private static final Network NET = CARAVAN.network();

  /** The default scenario shortened to a few weeks and one replication. */
  private static Scenario shortScenario() {
    return ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, CARAVAN)
        .withYears(40 / 365.0)
        .withReplications(1);
  }

  @Test
  void the_built_in_targets_parse_and_cover_every_kind_and_both_sides() {
    List<Target> ts = TargetTable.loadDefault(NET);
    assertThat(ts).hasSizeGreaterThan(50);
    assertThat(ts).extracting(Target::kind).contains("promised", "guidance", "observed", "record");
    assertThat(ts).anyMatch(t -> t.input().isPresent());
    assertThat(ts).allMatch(t -> t.low() <= t.high() && !t.source().isEmpty());
  }

  @Test
  void a_price_is_compared_on_departures_of_the_year_it_was_quoted() {
    List<Target> ts = TargetTable.loadDefault(NET);
    Target quote2020 =
        ts.stream()
            .filter(t -> t.source().equals("CUSTSRC20"))
            .filter(Validator::isCost)
            .findFirst()
            .get();
    long[] deps = Validator.quoteDepartures(quote2020).orElseThrow();
    assertThat(deps).hasSize(24);
    assertThat(LocalDate.ofInstant(Instant.ofEpochSecond(deps[0]), ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(LocalDate.ofInstant(Instant.ofEpochSecond(deps[23]), ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2020, 12, 15));
    // A time keeps the measured year of the scenario.
    Target time = ts.stream().filter(t -> !Validator.isCost(t)).findFirst().get();
    assertThat(Validator.quoteDepartures(time)).isEmpty();
  }

  @Test
  void promises_and_records_are_compared_with_the_fast_end_observed_and_guidance_with_the_median() {
    List<Target> ts = TargetTable.loadDefault(NET);
    assertThat(ts)
        .filteredOn(t -> t.kind().equals("promised") || t.kind().equals("record"))
        .isNotEmpty()
        .allMatch(Target::bestCase);
    assertThat(ts)
        .filteredOn(t -> t.kind().equals("observed") || t.kind().equals("guidance"))
        .isNotEmpty()
        .noneMatch(Target::bestCase);
  }

  @Test
  void the_routers_fast_end_is_the_percentile_of_the_mixture_of_its_departures() {
    // No spread: the percentile of the means themselves.
    assertThat(Percentiles.ofMixture(new double[] {12, 10, 11}, new double[3], 5))
        .isCloseTo(10, offset(1e-6));
    // One departure: mean - 1.645 sd.
    assertThat(Percentiles.ofMixture(new double[] {20}, new double[] {2}, 5))
        .isCloseTo(20 - 1.6449 * 2, offset(1e-3));
    // A mixture against a Monte Carlo sample of it (oracle): 200,000 draws, seeded.
    double[] mean = {14, 16, 19};
    double[] sd = {0.5, 1.5, 3};
    SplittableRandom rnd = new SplittableRandom(7);
    double[] draws = new double[200_000];
    for (int i = 0; i < draws.length; i++) {
      int k = rnd.nextInt(3);
      draws[i] = mean[k] + sd[k] * gaussian(rnd);
    }
    Arrays.sort(draws);
    assertThat(Percentiles.ofMixture(mean, sd, 5))
        .isCloseTo(draws[draws.length / 20], offset(0.03));
  }

  /** A standard normal draw (Box-Muller). */
  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble()))
        * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  @Test
  void a_bad_target_row_names_the_file_line_and_field() {
    String csv =
        targetTable(
            "A1,CNXIA,AZBAK,middle,,transit_days,8,10,observed,2024,,,X,,ok",
            "A2,CNXIA,ATLANTIS,middle,,transit_days,8,10,observed,2024,,,X,,bad node");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(csv), "t.csv", NET))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("t.csv:3")
        .hasMessageContaining("destination")
        .hasMessageContaining("ATLANTIS");
    String kind =
        csv.replace("ATLANTIS", "GEPTI").replace("observed,2024,,,X,,bad", "rumour,2024,,,X,,bad");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(kind), "t.csv", NET))
        .hasMessageContaining("t.csv:3")
        .hasMessageContaining("kind");
  }

  @Test
  void a_figure_of_one_months_trips_is_compared_on_that_months_departures() {
    Target june2024 =
        TargetTable.loadDefault(NET).stream()
            .filter(t -> t.id().equals("T35"))
            .findFirst()
            .orElseThrow();
    assertThat(june2024.departed()).contains(YearMonth.of(2024, 5));
    long[] deps = Validator.datedDepartures(june2024).orElseThrow();
    assertThat(
            Arrays.stream(deps)
                .mapToObj(x -> LocalDate.ofInstant(Instant.ofEpochSecond(x), ZoneOffset.UTC)))
        .containsExactly(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 15));
    String csv =
        targetTable("A1,CNXIA,AZBAK,middle,,transit_days,8,10,observed,2024,2024-13,,X,,bad month");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(csv), "t.csv", NET))
        .hasMessageContaining("t.csv:2")
        .hasMessageContaining("departed")
        .hasMessageContaining("YYYY-MM");
    String cost =
        csv.replace("transit_days,8,10", "cost_usd_feu,8,10").replace("2024-13", "2024-05");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(cost), "t.csv", NET))
        .hasMessageContaining("departed")
        .hasMessageContaining("only a transit time");
  }

  @Test
  void an_unknown_target_corridor_lists_the_labels_of_the_corridor_data() {
    String csv =
        targetTable("A1,CNXIA,AZBAK,caspian,,transit_days,8,10,observed,2024,,,X,,bad corridor");
    String labels = String.join(", ", Corridors.loadDefault(NET).labels());
    assertThatThrownBy(() -> TargetTable.read(new StringReader(csv), "t.csv", NET))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("t.csv:2")
        .hasMessageContaining("field 'corridor'")
        .hasMessageContaining(
            "unknown corridor 'caspian'; known: " + labels + ", sea, sea-cape, any, northern-kz")
        .hasMessageEndingWith("or northern-manchuria")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("corridor");
  }

  @Test
  void every_target_and_every_flow_gets_a_row_and_inputs_are_never_within() {
    ValidationService.Outcome o =
        new ValidationService(CARAVAN).validate(shortScenario(), Optional.empty(), 2, i -> {});
    Validator.Result v = o.result();
    List<Target> ts = TargetTable.loadDefault(NET);
    assertThat(v.targets()).hasSize(ts.size());
    assertThat(v.flows()).hasSize(o.run().model().spec().flows().size());
    assertThat(v.targets())
        .filteredOn(r -> r.target().input().isPresent())
        .isNotEmpty()
        .allMatch(r -> r.verdict() == Validator.Verdict.INPUT);
    assertThat(v.validated()).isEqualTo(ts.stream().filter(t -> t.input().isEmpty()).count());
    // A row is "within" only if every value it has lies inside the published range.
    for (Validator.TargetRow r : v.targets()) {
      if (r.verdict() == Validator.Verdict.WITHIN) {
        r.router().ifPresent(x -> assertThat(r.target().contains(x)).isTrue());
        r.simulation().ifPresent(x -> assertThat(r.target().contains(x)).isTrue());
      }
    }
    // One block train's figure on the simulation's side: its flow's value less the formation waits
    // its pooled units had (T04, undated: the flow's median), so below that median.
    Validator.TargetRow t04 =
        v.targets().stream().filter(r -> r.target().id().equals("T04")).findFirst().orElseThrow();
    assertThat(t04.target().blockTrain()).isTrue();
    assertThat(t04.simulationBasis()).contains("a block train forms none");
    int az =
        o.run().model().spec().flows().stream()
            .map(f -> f.id())
            .toList()
            .indexOf("cn-az-containers");
    assertThat(t04.simulation().getAsDouble())
        .isLessThan(o.run().result().flowTransit()[az].getValueAtPercentile(50) / 1440.0);
    // A Caspian wait (travellers' reports) is read on a ferry line on both sides, never on the
    // container feeders that share the Aktau -> Alat lane (the feeder's wait is shorter).
    for (String id : List.of("T59", "T60")) {
      Validator.TargetRow w =
          v.targets().stream().filter(r -> r.target().id().equals(id)).findFirst().orElseThrow();
      assertThat(w.routerBasis()).as(id).contains("the ferry");
      assertThat(w.simulationBasis()).as(id).contains("-ferry[").doesNotContain("-sea");
    }
    // And the router's value is the ferry's: nearer the ferry line's wait in the wait table it
    // reads (data/validation/waits.csv) than any feeder's on the same lane (Aktau -> Alat: two
    // container feeder lines beside the ferry).
    Validator.TargetRow t60 =
        v.targets().stream().filter(r -> r.target().id().equals("T60")).findFirst().orElseThrow();
    List<WaitTable.Row> lane =
        WaitTable.defaultRows().orElseThrow().stream()
            .filter(
                w ->
                    w.kind().equals("departure")
                        && w.season().equals("all")
                        && w.resource().endsWith("[KZAAU>AZ-ALAT]"))
            .toList();
    double ferry_d =
        lane.stream()
                .filter(w -> w.resource().contains("-ferry["))
                .findFirst()
                .orElseThrow()
                .mean_h()
            / 24;
    double router_d = t60.router().getAsDouble();
    List<Double> feeders =
        lane.stream().filter(w -> w.resource().contains("-sea")).map(w -> w.mean_h() / 24).toList();
    assertThat(feeders).isNotEmpty();
    for (double feeder_d : feeders) {
      assertThat(Math.abs(router_d - ferry_d))
          .as("router %.2f d, ferry %.2f d, feeder %.2f d", router_d, ferry_d, feeder_d)
          .isLessThan(Math.abs(router_d - feeder_d));
    }
    // An undated observed or guidance time of regular traffic that a default flow carries is timed
    // by the router on that flow's assigned path: the flow row's router median, same departures.
    CorridorSpec spec = o.run().model().spec();
    int onPath = 0;
    for (Validator.TargetRow r : v.targets()) {
      Target t = r.target();
      Optional<Integer> flow = Validator.onFlowPath(t, spec, o.run().model().plans());
      if (flow.isPresent() && t.departed().isEmpty()) {
        Validator.FlowRow f = v.flows().get(flow.get());
        assertThat(f.origin()).isEqualTo(t.origin());
        assertThat(f.destination()).isEqualTo(t.destination());
        assertThat(r.router().getAsDouble())
            .as(t.id())
            .isCloseTo(f.routerMedianDays(), offset(1e-9));
        assertThat(r.routerBasis()).isEqualTo("median along the path of flow " + f.flow());
        onPath++;
      }
      // A promise, a record or one block train's figure keeps the fastest route.
      if (t.bestCase() || t.blockTrain()) {
        assertThat(flow).as(t.id()).isEmpty();
      }
    }
    assertThat(onPath).isPositive();
    // A transit time over part of a flow's path (a Kazakh section, one crossing, Xi'an to the
    // Polish
    // border) is timed by the router over the same legs of the same flow as the simulation, from
    // the
    // arrival at the origin: both include the origin's border stop, so they tell one story.
    int parts = 0;
    for (Validator.TargetRow r : v.targets()) {
      Optional<SimulatedValue.Part> part =
          Validator.partOfFlow(r.target(), spec, o.run().model().plans());
      if (part.isEmpty()) {
        continue;
      }
      String flowId = spec.flows().get(part.get().flow()).id();
      if (r.simulationBasis().contains("outside the simulated window")) {
        // A dated part whose month this short run does not reach (T34, May 2024).
        assertThat(r.simulation()).isEmpty();
        continue;
      }
      assertThat(r.simulationBasis()).as(r.target().id()).contains("part of flow " + flowId);
      assertThat(r.routerBasis())
          .as(r.target().id())
          .endsWith("part of the path of flow " + flowId);
      if (!r.target().bestCase() && r.simulation().isPresent()) {
        assertThat(r.router().getAsDouble())
            .as(r.target().id() + " router against simulation")
            .isCloseTo(r.simulation().getAsDouble(), withinPercentage(15));
        parts++;
      }
    }
    assertThat(parts).isPositive();
    // A figure that names its path is read on the fastest route through it, and the row says so.
    assertThat(v.targets())
        .filteredOn(r -> !r.target().via().isEmpty())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.routerBasis()).contains("the fastest route through "));
    // A border time on the router's side is what the router charges there: the table's pass time.
    double pass_h =
        WaitTable.defaultRows().orElseThrow().stream()
            .filter(w -> w.kind().equals("pass") && w.node().equals("KZ-DOSTYK"))
            .findFirst()
            .orElseThrow()
            .mean_h();
    assertThat(v.targets())
        .filteredOn(
            r ->
                r.target().quantity() == Target.Quantity.BORDER_H
                    && r.target().origin().equals("KZ-DOSTYK"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.router().getAsDouble()).isCloseTo(pass_h, offset(1e-6)));
    // A simulated wait for a sailing is the wait the router is given for it: arrival to departure.
    List<WaitTable.Row> measured = WaitTable.measure(o.run(), NET);
    int waitsChecked = 0;
    for (Validator.TargetRow r : v.targets()) {
      if (r.target().quantity() == Target.Quantity.WAIT_DAYS && r.simulation().isPresent()) {
        // The line the row was read on (the ferry where one sails between the two ports).
        String line =
            r.simulationBasis()
                .substring(r.simulationBasis().lastIndexOf(" on ") + " on ".length());
        assertThat(line).endsWith("[" + r.target().origin() + ">" + r.target().destination() + "]");
        double departure_h =
            measured.stream()
                .filter(w -> w.kind().equals("departure") && w.resource().endsWith(" of " + line))
                .findFirst()
                .orElseThrow()
                .mean_h();
        assertThat(r.simulation().getAsDouble()).isCloseTo(departure_h / 24, offset(1e-9));
        waitsChecked++;
      }
    }
    assertThat(waitsChecked).isPositive();
    String md = ValidationDoc.markdown(v, o.run(), "test");
    for (Target t : ts) {
      assertThat(md).contains("| " + t.id() + " |");
    }
    // The report and the JSON say which figures are one block train's and which month they left.
    assertThat(md).contains("| observed, left 2024-01, one block train |");
    JsonNode t05 = null;
    for (JsonNode n : ValidationDoc.json(v).get("targets")) {
      if (n.get("id").asText().equals("T05")) {
        t05 = n;
      }
    }
    assertThat(t05).isNotNull();
    assertThat(t05.get("block_train").asBoolean()).isTrue();
    assertThat(t05.get("departed").asText()).isEqualTo("2024-01");
  }

  @Test
  void the_spring_2024_congestion_shows_in_the_same_months_on_both_sides() {
    // Half of 2024, one replication: January to June departures, the CN-KZ congestion in April-May.
    Scenario half =
        ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, CARAVAN)
            .withYears(0.5)
            .withReplications(1);
    ValidationService.Outcome o =
        new ValidationService(CARAVAN).validate(half, Optional.empty(), 1, i -> {});
    Validator.FlowRow north =
        o.result().flows().stream()
            .filter(f -> f.flow().equals("cn-eu-containers-northern"))
            .findFirst()
            .orElseThrow();
    double[] router = north.routerByMonthDays();
    double[] sim = north.simulatedByMonthDays();
    // The router holds the April and May trains by 8.5 days (RF-CONG24's 7-10), not January's.
    assertThat(router[3] - router[0]).isCloseTo(8.5, offset(0.5));
    assertThat(router[4] - router[0]).isCloseTo(8.5, offset(0.5));
    // The simulation draws each train's delay (sd 2.5 d): its April and May medians move as much.
    assertThat(sim[3] - sim[0]).isBetween(6.5, 10.5);
    assertThat(sim[4] - sim[0]).isBetween(6.5, 10.5);
    // Month by month the two sides tell one story (January to May; June's units are not all home).
    for (int m = 0; m < 5; m++) {
      assertThat(Math.abs(router[m] - sim[m]) / sim[m]).as("month " + (m + 1)).isLessThan(0.10);
    }
    assertThat(north.episodeMonths(2)).isTrue();
    // A dated figure on part of a flow (T34, Xi'an -> Malaszewicze, trips that left in May 2024):
    // the simulation's mean time to that leg for the units that left in May, next to the router's.
    Validator.TargetRow t34 =
        o.result().targets().stream()
            .filter(r -> r.target().id().equals("T34"))
            .findFirst()
            .orElseThrow();
    assertThat(t34.simulationBasis()).contains("part of flow").contains("left in May");
    assertThat(t34.simulation().getAsDouble())
        .isCloseTo(t34.router().getAsDouble(), offset(2.0))
        .isGreaterThan(18.0);
    assertThat(ValidationDoc.markdown(o.result(), o.run(), "test"))
        .contains("## Month by month through the dated episodes")
        .contains("| cn-eu-containers-northern |");
  }

  @Test
  void the_router_charges_the_waits_of_the_table() throws IOException {
    // The same sailing waits on both sides, so only the border and formation waits differ.
    String sailings =
        waitTable(
            "departure,KZAAU,KZAAU-AZ-ALAT-sea,,,all,10,5,test",
            "departure,KZKUR,KZKUR-AZ-ALAT-ferry,,,all,10,5,test");
    String csv =
        sailings
            + "pass,KZ-DOSTYK,,,,all,200,10,test\n"
            + "pass,KZHOR,,,,all,200,10,test\n"
            + "board,CNXIA,,,,all,48,24,test\n";
    ExpectedWaits waits = WaitTable.waits(WaitTable.read(new StringReader(csv), "w.csv"), NET);
    Caravan with = CARAVAN.withWaits(waits);
    Caravan without =
        CARAVAN.withWaits(
            WaitTable.waits(WaitTable.read(new StringReader(sailings), "s.csv"), NET));
    long dep =
        java.time.LocalDate.of(2024, 3, 1).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
    int from = NET.getNode("CNXIA");
    int to = NET.getNode("AZBAK");
    Route a =
        new ModelBuilder(without, without.router())
            .routeOnCorridor(from, to, "middle", false, dep, 1, 0, 10)
            .orElseThrow();
    Route b =
        new ModelBuilder(with, with.router())
            .routeOnCorridor(from, to, "middle", false, dep, 1, 0, 10)
            .orElseThrow();
    // Both Kazakh entry borders cost 200 h instead of their dwell, and forming the train at Xi'an
    // 48 h.
    assertThat(b.legs().get(0).wait_s()).isEqualTo(48 * 3600);
    assertThat(a.legs().get(0).wait_s()).isZero();
    assertThat(b.legs().get(1).from()).isEqualTo("KZ-DOSTYK");
    assertThat(b.legs().get(1).dwell_s() - a.legs().get(1).dwell_s())
        .isEqualTo(200 * 3600 - (long) NET.dwell_s(NET.getNode("KZ-DOSTYK")));
    assertThat(b.arrival_s()).isGreaterThan(a.arrival_s());
    assertThat(b.variance_s2()).isGreaterThan(a.variance_s2());
  }

  @Test
  void the_router_charges_the_waits_of_the_departures_season() throws IOException {
    // Formation at Xi'an: 10 h over the year, 100 h for cargo leaving in winter.
    String csv = waitTable("board,CNXIA,,,,all,10,5,test", "board,CNXIA,,,,winter,100,5,test");
    ExpectedWaits waits = WaitTable.waits(WaitTable.read(new StringReader(csv), "w.csv"), NET);
    int xian = NET.getNode("CNXIA");
    int baku = NET.getNode("AZBAK");
    assertThat(waits.inSeason(Season.WINTER).board_s(xian, baku)).isEqualTo(100 * 3600);
    assertThat(waits.inSeason(Season.SUMMER).board_s(xian, baku)).isEqualTo(10 * 3600);
    Caravan with = CARAVAN.withWaits(waits);
    ModelBuilder b = new ModelBuilder(with, with.router());
    long january = LocalDate.of(2024, 1, 15).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long july = LocalDate.of(2024, 7, 15).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    Route winter = b.routeOnCorridor(xian, baku, "middle", false, january, 1, 0, 10).orElseThrow();
    Route summer = b.routeOnCorridor(xian, baku, "middle", false, july, 1, 0, 10).orElseThrow();
    assertThat(winter.legs().get(0).wait_s()).isEqualTo(100 * 3600);
    assertThat(summer.legs().get(0).wait_s()).isEqualTo(10 * 3600);
    // A season the table does not know is a clear error naming the field.
    assertThatThrownBy(
            () -> WaitTable.read(new StringReader(csv.replace(",winter,", ",monsoon,")), "w.csv"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("w.csv:3: field 'season'");
  }

  @Test
  void a_train_load_books_its_own_block_train_and_waits_for_none_to_be_formed() throws IOException {
    ExpectedWaits waits =
        WaitTable.waits(
            WaitTable.read(new StringReader(waitTable("board,CNXIA,,,,all,48,24,test")), "w.csv"),
            NET);
    Caravan with = CARAVAN.withWaits(waits);
    ModelBuilder b = new ModelBuilder(with, with.router());
    long dep = LocalDate.of(2024, 3, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    int xian = NET.getNode("CNXIA");
    int baku = NET.getNode("AZBAK");
    Route box = b.routeOnCorridor(xian, baku, "middle", false, dep, 1, 0, 10).orElseThrow();
    double load = RouteRequest.FULL_TRAIN_TEU;
    Route train =
        b.routeOnCorridor(xian, baku, "middle", false, dep, load, 0, 10 * load).orElseThrow();
    assertThat(box.legs().get(0).wait_s()).isEqualTo(48 * 3600);
    assertThat(train.legs().get(0).wait_s()).isZero();
    assertThat(train.arrival_s()).isEqualTo(box.arrival_s() - 48 * 3600);
    // The target table marks one block train's figures; anything else in the column is an error.
    List<Target> ts = TargetTable.loadDefault(NET);
    assertThat(ts.stream().filter(Target::blockTrain).map(Target::id))
        .contains("T05", "T42")
        .doesNotContain("T35");
    String csv =
        targetTable("A1,CNXIA,AZBAK,middle,,transit_days,8,10,observed,2024,,convoy,X,,bad");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(csv), "t.csv", NET))
        .hasMessageContaining("t.csv:2")
        .hasMessageContaining("field 'shipment'");
  }

  /**
   * A figure that names its path is timed on it: the router's fastest route through the target's
   * via nodes, in order, on the target's corridor; the simulation, whose flows keep the paths it
   * assigned them, gives no value. An unknown via node is refused naming the field.
   */
  @Test
  void a_figure_that_names_its_path_is_timed_on_that_path() {
    Target budapest =
        TargetTable.loadDefault(NET).stream()
            .filter(t -> t.id().equals("T11"))
            .findFirst()
            .orElseThrow();
    assertThat(budapest.via())
        .containsExactly("KZHOR", "KZAAU", "AZ-ALAT", "GEPTI", "BGBOJ", "RS-BELGRADE");
    long[] year2024 = Validator.departures(LocalDate.of(2024, 1, 1));
    double days = new Validator(CARAVAN).routerValue(budapest, year2024).orElseThrow();
    // Through Poti and Burgas the train takes days longer than by the fastest Middle Corridor route
    // (Baku-Tbilisi-Kars and the Balkans), which a router free to choose would take.
    Target free =
        new Target(
            budapest.id(),
            budapest.origin(),
            budapest.destination(),
            budapest.corridor(),
            List.of(),
            budapest.quantity(),
            budapest.low(),
            budapest.high(),
            budapest.kind(),
            budapest.year(),
            budapest.departed(),
            budapest.blockTrain(),
            budapest.source(),
            budapest.input(),
            budapest.note(),
            budapest.line());
    double fastest = new Validator(CARAVAN).routerValue(free, year2024).orElseThrow();
    assertThat(days).isGreaterThan(fastest + 1);
    String csv =
        targetTable(
            "A1,CNXIA,HUBUD,middle,KZAAU;ATLANTIS,transit_days,8,10,observed,2024,,,X,,bad via");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(csv), "t.csv", NET))
        .hasMessageContaining("t.csv:2")
        .hasMessageContaining("field 'via'")
        .hasMessageContaining("ATLANTIS");
  }

  @Test
  void a_dated_figure_outside_the_simulated_year_has_no_simulated_value() throws IOException {
    // The short run measures the first weeks of 2024: a January 2024 figure reads that month's
    // units; one of January 2025 (or of 2023) reads none, never January 2024 in its place.
    List<Target> ts =
        TargetTable.read(
            new StringReader(
                targetTable(
                    "A1,CNXIA,DEDUI,northern,,transit_days,10,30,observed,2024,2024-01,,X,,in",
                    "A2,CNXIA,DEDUI,northern,,transit_days,10,30,observed,2025,2025-01,,X,,after",
                    "A3,CNXIA,DEDUI,northern,,transit_days,10,30,observed,2023,2023-01,,X,,before")),
            "t.csv",
            NET);
    SimulationService.Run run = new SimulationService(CARAVAN).run(shortScenario(), 1, i -> {});
    List<Validator.TargetRow> rows = new Validator(CARAVAN).validate(ts, run).targets();
    assertThat(rows.get(0).simulation()).isPresent();
    for (Validator.TargetRow r : rows.subList(1, 3)) {
      assertThat(r.simulation()).as(r.target().id()).isEmpty();
      assertThat(r.simulationBasis()).contains("outside the simulated window");
      // The router times the figure's own month.
      assertThat(r.router()).as(r.target().id()).isPresent();
    }
  }

  @Test
  void the_measured_table_has_each_seasons_waits_and_they_pool_to_the_year() {
    SimulationService.Run run = new SimulationService(CARAVAN).run(shortScenario(), 1, i -> {});
    List<WaitTable.Row> rows = WaitTable.measure(run, NET);
    WaitTable.Row year = pass(rows, "KZ-DOSTYK");
    List<WaitTable.Row> seasons =
        rows.stream()
            .filter(w -> w.kind().equals("pass") && w.node().equals("KZ-DOSTYK"))
            .filter(w -> !w.season().equals("all"))
            .toList();
    // The short run measures some weeks of winter only: that season gets its rows, no other does.
    assertThat(seasons).extracting(WaitTable.Row::season).containsExactly("winter");
    // Each season's wait is the dwell plus that season's queue; the year's lies between them.
    double low = seasons.stream().mapToDouble(WaitTable.Row::mean_h).min().orElseThrow();
    double high = seasons.stream().mapToDouble(WaitTable.Row::mean_h).max().orElseThrow();
    assertThat(year.mean_h()).isBetween(low - 1e-9, high + 1e-9);
  }

  @Test
  void a_target_may_name_one_branch_of_a_corridor_by_its_id() {
    ModelBuilder b = new ModelBuilder(CARAVAN, CARAVAN.router());
    long dep = LocalDate.of(2024, 3, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    int xian = NET.getNode("CNXIA");
    int harbin = NET.getNode("CNHRN");
    int warsaw = NET.getNode("PLWAW");
    Route kz = b.routeOnCorridor(xian, warsaw, "northern-kz", false, dep, 1, 0, 10).orElseThrow();
    assertThat(kz.corridor()).isEqualTo("northern");
    assertThat(kz.countries()).contains("KZ", "RU").doesNotContain("MN");
    // The direct China-Russia branch avoids what only its siblings pass: Kazakhstan, Mongolia.
    Route direct =
        b.routeOnCorridor(harbin, warsaw, "northern-manchuria", false, dep, 1, 0, 10).orElseThrow();
    assertThat(direct.corridor()).isEqualTo("northern");
    assertThat(direct.countries()).contains("RU", "BY").doesNotContain("KZ", "MN");
    assertThat(direct.borders()).contains("RU-ZABAIKALSK");
    // Xi'an's trains leave China through Kazakhstan in the corridor table: no route on that branch.
    assertThat(b.routeOnCorridor(xian, warsaw, "northern-manchuria", false, dep, 1, 0, 10))
        .isEmpty();
    // A figure that names the branch's exit from China reaches it from Xi'an (T33, via Manzhouli).
    Route manzhouli =
        b.routeOnCorridor(
                xian, warsaw, "northern-manchuria", new int[] {NET.getNode("CNMLX")}, dep, 1, 0, 10)
            .orElseThrow();
    assertThat(manzhouli.countries()).contains("CN", "RU", "BY", "PL").doesNotContain("KZ", "MN");
    assertThat(manzhouli.transitDays()).isGreaterThan(direct.transitDays());
  }

  @Test
  void a_sea_target_between_two_seaports_is_the_sailing_even_into_a_corridor_country() {
    ModelBuilder b = new ModelBuilder(CARAVAN, CARAVAN.router());
    long dep = LocalDate.of(2024, 3, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    // Without the rule the fastest "sea" route sailed to Piraeus and went on by rail.
    Route rotterdam =
        b.routeOnCorridor(NET.getNode("CNSHA"), NET.getNode("NLRTM"), "sea", false, dep, 1, 0, 10)
            .orElseThrow();
    assertThat(rotterdam.legs()).extracting(Leg::mode).containsOnly(Mode.SEA);
    assertThat(rotterdam.legs().getLast().to()).isEqualTo("NLRTM");
    // Poti is on the Middle Corridor and in Georgia, which the sea corridor avoids as a land
    // bridge: a ship may still sail there.
    Route poti =
        b.routeOnCorridor(NET.getNode("CNSHA"), NET.getNode("GEPTI"), "sea", false, dep, 1, 0, 10)
            .orElseThrow();
    assertThat(poti.legs()).extracting(Leg::mode).containsOnly(Mode.SEA);
    assertThat(poti.corridor()).isEqualTo(Route.SEA_CORRIDOR);
    // An inland origin keeps its rail leg to the port (Zhengzhou -> Hamburg by sea).
    Route zhengzhou =
        b.routeOnCorridor(NET.getNode("CNZGZ"), NET.getNode("DEHAM"), "sea", false, dep, 1, 0, 10)
            .orElseThrow();
    assertThat(zhengzhou.legs().getFirst().mode()).isNotEqualTo(Mode.SEA);
    assertThat(zhengzhou.corridor()).isEqualTo(Route.SEA_CORRIDOR);
  }

  @Test
  void a_sailing_at_a_stated_speed_is_compared_as_the_nautical_miles_of_the_sea_legs()
      throws IOException {
    String csv =
        targetTable(
            "A1,CNSHA,NLRTM,sea,,sea_distance_nm,9000,12000,guidance,2024,,,X,,Suez",
            "A2,CNZGZ,DEHAM,sea,,sea_distance_nm,9000,12000,guidance,2024,,,X,,rail then sea",
            "A3,CNSHA,NLRTM,sea-cape,,sea_distance_nm,9000,12000,guidance,2024,,,X,,Cape");
    List<Target> ts = TargetTable.read(new StringReader(csv), "t.csv", NET);
    long[] year2024 = Validator.departures(LocalDate.of(2024, 1, 1));
    Validator v = new Validator(CARAVAN);
    // Shanghai -> Rotterdam is one sea link: its marnet length in nautical miles.
    double suez = v.routerValue(ts.get(0), year2024).orElseThrow();
    int link = -1;
    for (int l = 0; l < NET.linkCount(); l++) {
      if (NET.link(l).id().equals("CNSHA-NLRTM-sea") && !NET.isReverse(l)) {
        link = l;
      }
    }
    assertThat(suez).isCloseTo(NET.distance_m(link) / 1852.0, offset(0.01));
    // From inland, only the sea legs count: the rail leg to the port is not sailed.
    ModelBuilder b = new ModelBuilder(CARAVAN, CARAVAN.router());
    Route zz =
        b.routeOnCorridor(
                NET.getNode("CNZGZ"), NET.getNode("DEHAM"), "sea", false, year2024[0], 1, 0, 10)
            .orElseThrow();
    long sea_m =
        zz.legs().stream()
            .filter(l -> l.mode() == Mode.SEA || l.mode() == Mode.FERRY)
            .mapToLong(Leg::distance_m)
            .sum();
    assertThat(sea_m).isPositive().isLessThan(zz.distance_m());
    assertThat(v.routerValue(ts.get(1), year2024).orElseThrow())
        .isCloseTo(sea_m / 1852.0, offset(0.01));
    // Round the Cape is the longer lane.
    assertThat(v.routerValue(ts.get(2), year2024).orElseThrow()).isGreaterThan(suez + 2000);
    // A lane's length needs its two ends.
    String bad = targetTable("A1,CNSHA,,sea,,sea_distance_nm,9000,12000,guidance,2024,,,X,,x");
    assertThatThrownBy(() -> TargetTable.read(new StringReader(bad), "t.csv", NET))
        .hasMessageContaining("t.csv:2")
        .hasMessageContaining("destination");
  }

  @Test
  void the_measured_wait_table_reads_back_as_written() throws IOException {
    SimulationService.Run run = new SimulationService(CARAVAN).run(shortScenario(), 2, i -> {});
    List<WaitTable.Row> rows = WaitTable.measure(run, NET);
    assertThat(rows).extracting(WaitTable.Row::kind).contains("pass", "board", "departure");
    String text = WaitTable.csv(rows, "Generated by a test");
    List<WaitTable.Row> back = WaitTable.read(new StringReader(text), "w.csv");
    assertThat(back).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(back.get(i).mean_h()).isCloseTo(rows.get(i).mean_h(), offset(0.01));
    }
  }

  @Test
  void one_fitted_kazakh_dwell_reaches_the_router_at_both_crossings_even_where_no_train_crossed() {
    // The tied parameter sets Dostyk and Altynkol alike (one CPMM average for both).
    Calibrator calibrator = new Calibrator(CARAVAN, Calibrator.defaults());
    double[] values = new double[Calibrator.defaults().size()];
    for (int i = 0; i < values.length; i++) {
      Calibrator.Parameter p = Calibrator.defaults().get(i);
      values[i] = p.name().startsWith("network.borders") ? 50.0 : (p.low() + p.high()) / 2;
    }
    Scenario sc =
        calibrator.with(ScenarioLoader.readFile(ScenarioLoader.DEFAULT), shortScenario(), values);
    SimulationService.Run run = new SimulationService(CARAVAN).run(sc, 1, i -> {});
    List<WaitTable.Row> rows = WaitTable.measure(run, NET);
    WaitTable.Row dostyk = pass(rows, "KZ-DOSTYK");
    WaitTable.Row altynkol = pass(rows, "KZHOR");
    // Dostyk carries the simulated trains: the fitted dwell plus its queue. No train crossed at
    // Altynkol: the fitted dwell at zero load, not the network's 65.5 h.
    assertThat(dostyk.mean_h()).isGreaterThanOrEqualTo(50.0);
    assertThat(dostyk.resource()).isEqualTo("border KZ-DOSTYK");
    assertThat(altynkol.mean_h()).isCloseTo(50.0, offset(1e-9));
    assertThat(altynkol.resource()).startsWith("zero-load");
    // The router reading the table charges Altynkol the fitted dwell.
    ExpectedWaits waits = WaitTable.waits(rows, NET);
    assertThat(waits.pass_s(NET.getNode("KZHOR"))).isEqualTo(50 * 3600);
  }

  /** A target table's text: the header and the given rows. */
  private static String targetTable(String... rows) {
    return String.join(",", TargetTable.COLUMNS) + "\n" + String.join("\n", rows) + "\n";
  }

  /** A wait table's text: the header and the given rows. */
  private static String waitTable(String... rows) {
    return String.join(",", WaitTable.COLUMNS) + "\n" + String.join("\n", rows) + "\n";
  }

  private static WaitTable.Row pass(List<WaitTable.Row> rows, String node) {
    return rows.stream()
        .filter(w -> w.kind().equals("pass") && w.node().equals(node))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void calibration_stays_in_range_and_the_same_seed_gives_the_same_fit() {
    List<Target> ts = TargetTable.loadDefault(NET);
    Calibrator.Settings s = new Calibrator.Settings(3, 2, 42, 2);
    Calibrator.Outcome a =
        new Calibrator(CARAVAN, Calibrator.defaults())
            .calibrate(ScenarioLoader.readFile(ScenarioLoader.DEFAULT), shortScenario(), ts, s);
    Calibrator.Outcome b =
        new Calibrator(CARAVAN, Calibrator.defaults())
            .calibrate(ScenarioLoader.readFile(ScenarioLoader.DEFAULT), shortScenario(), ts, s);
    assertThat(a.fit().values()).containsExactly(b.fit().values());
    assertThat(a.fit().loss()).isEqualTo(b.fit().loss()).isLessThanOrEqualTo(a.initialLoss());
    assertThat(a.folds()).hasSize(2);
    for (int i = 0; i < a.parameters().size(); i++) {
      assertThat(a.fit().values()[i])
          .isBetween(a.parameters().get(i).low(), a.parameters().get(i).high());
    }
    assertThat(Calibrator.yaml(a, s, "test")).contains("Fitted to").contains("held-out loss");
  }
}
