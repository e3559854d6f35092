package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.simulation.corridor.CorridorModel;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorRunner;
import org.caravan.simulation.corridor.Layout;
import org.caravan.simulation.corridor.ReplicationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the corridor model on the default network and (shortened) default scenario. */
class CorridorSimulationTest {
  private final SimulationService service = new SimulationService(Fixtures.CARAVAN);

  @Test
  void every_unit_that_entered_has_left_or_is_still_inside() {
    Scenario sc = Fixtures.parse(Fixtures.shortYaml(10, 60, 1));
    ModelBuilder.Built built = new ModelBuilder(Fixtures.CARAVAN).build(sc);
    ReplicationResult r = new CorridorModel(Layout.of(built.spec()), 0, 7).run();

    assertThat(r.unitsCreated()).isPositive();
    assertThat(r.unitsDelivered()).isPositive();
    assertThat(r.unitsInside()).isPositive();
    assertThat(r.unitsDelivered() + r.unitsInside()).isEqualTo(r.unitsCreated());
  }

  @Test
  void the_same_seed_gives_byte_identical_files_whatever_the_thread_count(@TempDir Path tmp)
      throws IOException {
    Scenario sc = Fixtures.parse(Fixtures.shortYaml(10, 40, 3));
    SimulationService.Run a = service.run(sc, 1, i -> {});
    SimulationService.Run b = service.run(sc, 2, i -> {});
    SimulationOutput.write(tmp.resolve("a"), sc, a.model(), a.result());
    SimulationOutput.write(tmp.resolve("b"), sc, b.model(), b.result());

    for (String f : SimulationOutput.FILES) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void closing_aktau_and_kuryk_for_five_days_raises_the_middle_corridor_p95() {
    String base = Fixtures.shortYaml(20, 60, 3);
    String closed =
        base.replace(
            "disruptions: []",
            """
        disruptions:
          - id: aktau-kuryk
            kind: port_closure
            nodes: [KZAAU, KZKUR]
            start_day: 10
            duration_days: 5
        """);
    double p95Base = p95Middle(Fixtures.parse(base));
    double p95Closed = p95Middle(Fixtures.parse(closed));

    assertThat(p95Closed).isGreaterThan(p95Base);
  }

  @Test
  void closing_the_dostyk_border_for_five_days_delays_the_china_flows() {
    String base = Fixtures.shortYaml(20, 120, 2);
    String closed =
        base.replace(
            "disruptions: []",
            """
        disruptions:
          - id: dostyk
            kind: border_closure
            nodes: [KZ-DOSTYK]
            start_day: 10
            duration_days: 5
        """);
    Scenario a = Fixtures.parse(base);
    Scenario b = Fixtures.parse(closed);

    assertThat(
            new ModelBuilder(Fixtures.CARAVAN)
                .build(b)
                .spec()
                .hazards()
                .closures()
                .getFirst()
                .gates())
        .hasSize(1);
    // The mean, not the p95: five days of held trains out of a 100-day window move the middle
    // corridor's tail by less than the queueing noise of two replications, and any change of the
    // network's topology (a split link, a new junction) flipped the p95 comparison.
    double meanBase = meanMiddle(a);
    double meanClosed = meanMiddle(b);
    assertThat(meanClosed).as("base " + meanBase + " closed " + meanClosed).isGreaterThan(meanBase);
  }

  private double meanMiddle(Scenario sc) {
    CorridorResult r = service.run(sc, 2, i -> {}).result();
    int c = r.layout().corridors().indexOf("middle");
    return r.corridorTransit()[c].getMean();
  }

  private double p95Middle(Scenario sc) {
    CorridorResult r = service.run(sc, 2, i -> {}).result();
    int c = r.layout().corridors().indexOf("middle");
    return r.corridorTransit()[c].getValueAtPercentile(95);
  }

  @Test
  void doubling_ferry_capacity_does_not_lower_throughput() {
    String base = Fixtures.shortYaml(20, 60, 3);
    // every rail ferry of the scenario (Kuryk, Aktau and Turkmenbashi lines), whichever of them is
    // the bottleneck
    String doubled = base.replaceAll("capacity_units: 56\\b", "capacity_units: 112");
    assertThat(doubled).isNotEqualTo(base);

    double t0 = middleTonnes(Fixtures.parse(base));
    double t1 = middleTonnes(Fixtures.parse(doubled));

    // two short replications: the doubled run draws other random numbers once its ferries sail
    // fuller, so allow
    // the replication noise (measured 0.4 % on the issue-9 network) but no real drop
    assertThat(t1).as("t0=" + t0 + " t1=" + t1).isGreaterThanOrEqualTo(t0 * 0.99);
  }

  private double middleTonnes(Scenario sc) {
    return service
        .run(sc, 2, i -> {})
        .result()
        .kpi("throughput.middle.tonnes_per_year")
        .orElseThrow()
        .mean();
  }

  @Test
  void replication_seeds_do_not_depend_on_the_number_of_replications() {
    long[] three = CorridorRunner.replicationSeeds(42, 3);
    long[] five = CorridorRunner.replicationSeeds(42, 5);
    assertThat(five).startsWith(three);
  }
}
