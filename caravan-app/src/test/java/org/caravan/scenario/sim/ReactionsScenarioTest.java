package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.caravan.scenario.UserException;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/** The scenario's {@code reactions} on the default network: schema, defaults and effect. */
class ReactionsScenarioTest {
  private final SimulationService service = new SimulationService(Fixtures.CARAVAN);

  private static final String DOSTYK_CLOSED =
      """
      disruptions:
        - id: dostyk
          kind: border_closure
          nodes: [KZ-DOSTYK]
          start_day: 10
          duration_days: 20
      """;

  @Test
  void without_a_reactions_block_the_spec_is_todays_model() {
    CorridorSpec spec =
        new ModelBuilder(Fixtures.CARAVAN)
            .build(Fixtures.parse(Fixtures.shortYaml(5, 20, 1)))
            .spec();

    assertThat(spec.flows()).allMatch(f -> f.reaction() == CorridorSpec.Reaction.NONE);
    assertThat(spec.ports()).noneMatch(CorridorSpec.Port::blocking);
    assertThat(spec.crossings()).allMatch(x -> x.returnOf() < 0);
  }

  @Test
  void rerouting_sends_the_china_flows_around_a_closed_dostyk_and_reports_the_volume() {
    String closed = Fixtures.shortYaml(20, 60, 2).replace("disruptions: []", DOSTYK_CLOSED);
    String reroute = closed + "reactions: {on_closure: reroute}\n";
    Scenario sc = Fixtures.parse(reroute);
    CorridorSpec spec = new ModelBuilder(Fixtures.CARAVAN).build(sc).spec();
    CorridorSpec.Flow az =
        spec.flows().stream().filter(f -> f.id().equals("cn-az-containers")).findFirst().get();
    assertThat(az.reaction().alternatives()).isNotEmpty();

    CorridorResult r = service.run(sc, 2, i -> {}).result();
    CorridorResult w = service.run(Fixtures.parse(closed), 2, i -> {}).result();
    double teu = r.kpi("reroute.all.teu_per_year").orElseThrow().mean();
    // By hand: the flows whose route crosses Dostyk go round for 20 of the 60 measured days, so a
    // third of their yearly TEU is re-routed (per measured year); units already past the point
    // where
    // the routes part wait instead, hence the tolerance.
    int dostyk = -1;
    for (int g = 0; g < spec.gates().size(); g++) {
      if (spec.gates().get(g).id().equals("KZ-DOSTYK")) {
        dostyk = g;
      }
    }
    double crossing = 0;
    for (CorridorSpec.Flow f : spec.flows()) {
      for (int leg : f.legs()) {
        for (int g : spec.legs().get(leg).gates()) {
          if (g == dostyk) {
            crossing += f.unitsPerYear() * f.teuPerUnit();
          }
        }
      }
    }
    assertThat(crossing).isPositive();
    assertThat(teu)
        .isCloseTo(crossing * 20 / 60, org.assertj.core.data.Percentage.withPercentage(20));
    assertThat(r.kpi("reroute.flow.cn-az-containers.teu_per_year").orElseThrow().mean())
        .isPositive();
    // Waiting out the closure holds the flows at the border: the wait rule's p95 is longer.
    double p95r = r.kpi("transit.middle.p95_days").orElseThrow().mean();
    double p95w = w.kpi("transit.middle.p95_days").orElseThrow().mean();
    assertThat(p95w).as("wait %s reroute %s", p95w, p95r).isGreaterThan(p95r);
    assertThat(w.kpi("reroute.all.teu_per_year")).isEmpty();
  }

  @Test
  void bad_reaction_values_name_their_field() {
    String base = Fixtures.shortYaml(5, 20, 1);
    UserException rule =
        assertThrows(
            UserException.class, () -> Fixtures.parse(base + "reactions: {on_closure: detour}\n"));
    assertThat(rule.field()).isEqualTo("reactions.on_closure");
    assertThat(rule.getMessage()).contains("'wait' or 'reroute'").contains("line");

    UserException share =
        assertThrows(
            UserException.class,
            () -> Fixtures.parse(base + "reactions: {empty_return_share: 1.5}\n"));
    assertThat(share.field()).isEqualTo("reactions.empty_return_share");
    assertThat(share.getMessage()).contains("at most 1");

    UserException wagon =
        assertThrows(
            UserException.class,
            () ->
                Fixtures.parse(
                    base.replace(
                        "      tonnes_per_year: 260000     # part of",
                        "      empty_return_share: 0.5\n      tonnes_per_year: 260000     # part of")));
    assertThat(wagon.field()).isEqualTo("demand.flows[5].empty_return_share");
  }

  @Test
  void empty_returns_add_one_empty_flow_per_container_flow_and_pair_the_caspian_directions() {
    Scenario sc =
        Fixtures.parse(
            Fixtures.shortYaml(5, 20, 1)
                + "reactions: {empty_return_share: 0.45, back_pressure: true}\n");
    CorridorSpec spec = new ModelBuilder(Fixtures.CARAVAN).build(sc).spec();

    long containers =
        sc.model().demand().flows().stream()
            .filter(f -> f.cargo() == ResolvedScenario.Cargo.CONTAINER)
            .count();
    assertThat(spec.flows().stream().filter(f -> f.reaction().empty())).hasSize((int) containers);
    assertThat(spec.flows().stream().filter(f -> f.reaction().empty()))
        .allMatch(f -> f.id().endsWith(".empty") && f.tonnesPerUnit() == 0);
    assertThat(spec.ports()).allMatch(CorridorSpec.Port::blocking);
    // Empties cross the Caspian eastbound on the westbound fleet's way back.
    assertThat(spec.crossings()).anyMatch(x -> x.returnOf() >= 0 && x.fleet() == 0);
  }
}
