package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caravan.network.Episodes;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/**
 * The network's dated episodes (data/network/episodes.csv) on the default scenario's model: the
 * China–Kazakhstan congestion of April–May 2024 holds the westbound legs at Alashankou in its
 * period on the simulation clock, and not the empty boxes going back through the same border.
 */
class EpisodesScenarioTest {
  private static final long DAY = 86_400;

  @Test
  void the_2024_congestion_holds_the_westbound_legs_at_alashankou_and_not_the_empty_returns() {
    Scenario sc =
        Fixtures.parse(Fixtures.defaultYaml() + "reactions: {empty_return_share: 0.45}\n");
    CorridorSpec spec = new ModelBuilder(Fixtures.CARAVAN).build(sc).spec();
    Episodes.Episode cong =
        Fixtures.CARAVAN.episodes().episodes().stream()
            .filter(e -> e.id().equals("CN-KZ-CONGESTION-2024"))
            .findFirst()
            .orElseThrow();

    // Sim time 0 is the scenario start, 2 November 2023: 1 April 2024 is day 151, 1 June day 212.
    long start = LocalDate.parse("2023-11-02").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    assertThat(sc.start().getEpochSecond()).isEqualTo(start);
    List<CorridorSpec.Hold> holds = spec.hazards().holds();
    assertThat(holds).isNotEmpty();
    for (CorridorSpec.Hold h : holds) {
      assertThat(h.id()).isEqualTo(cong.id());
      assertThat(h.kind()).isEqualTo(Episodes.Kind.CONGESTION);
      assertThat(h.start_s()).isEqualTo(151 * DAY);
      assertThat(h.end_s()).isEqualTo(212 * DAY);
      assertThat(h.delay_s()).isEqualTo(Math.round(8.5 * DAY));
      assertThat(h.delaySd_s()).isEqualTo(Math.round(2.5 * DAY));
      String node = spec.gates().get(spec.legs().get(h.leg()).gates()[h.step()]).node();
      assertThat(node).isIn(cong.nodes());
    }
    // Every leg of a loaded China flow through Alashankou is held there; no leg of an empty flow
    // is,
    // though the empty boxes go back through the same border gate.
    int akl = gate(spec, "CNAKL");
    Set<Integer> heldLegs = new HashSet<>();
    holds.forEach(h -> heldLegs.add(h.leg()));
    int loadedThrough = 0;
    int emptyThrough = 0;
    for (CorridorSpec.Flow f : spec.flows()) {
      for (int leg : f.legs()) {
        int[] gates = spec.legs().get(leg).gates();
        for (int s = 0; s < gates.length; s++) {
          if (gates[s] != akl) {
            continue;
          }
          int step = s;
          boolean held = holds.stream().anyMatch(h -> h.leg() == leg && h.step() == step);
          if (f.reaction().empty()) {
            emptyThrough++;
            assertThat(held).as(f.id() + " " + spec.legs().get(leg).id()).isFalse();
          } else {
            loadedThrough++;
            assertThat(held).as(f.id() + " " + spec.legs().get(leg).id()).isTrue();
          }
        }
      }
    }
    assertThat(loadedThrough).isPositive();
    assertThat(emptyThrough).as("an empty flow passes Alashankou eastbound").isPositive();
  }

  @Test
  void a_run_that_ends_before_the_episodes_has_no_holds() {
    // 2 November 2023 + 10 + 60 days ends on 11 January 2024, before April.
    CorridorSpec spec =
        new ModelBuilder(Fixtures.CARAVAN)
            .build(Fixtures.parse(Fixtures.shortYaml(10, 60, 1)))
            .spec();

    assertThat(spec.hazards().holds()).isEmpty();
  }

  @Test
  void the_caspian_storm_of_february_2025_closes_the_model_s_caspian_ports_in_its_period() {
    // A run from 1 January 2025 (10 + 60 days): the storm of 5-9 February is days 35 to 40.
    Scenario sc =
        Fixtures.parse(
            Fixtures.shortYaml(10, 60, 1)
                .replace("start_date: \"2023-11-02\"", "start_date: \"2025-01-01\""));
    CorridorSpec spec = new ModelBuilder(Fixtures.CARAVAN).build(sc).spec();

    List<CorridorSpec.Closure> storms =
        spec.hazards().closures().stream()
            .filter(c -> c.id().equals("CASPIAN-STORM-2025-02"))
            .toList();
    assertThat(storms).hasSize(1);
    CorridorSpec.Closure c = storms.getFirst();
    assertThat(c.start_s()).isEqualTo(35 * DAY);
    assertThat(c.end_s()).isEqualTo(40 * DAY);
    assertThat(c.gates()).isEmpty();
    assertThat(Arrays.stream(c.ports()).mapToObj(p -> spec.ports().get(p).node()))
        .containsExactlyInAnyOrder("AZ-ALAT", "KZAAU", "KZKUR", "TMKRW");
    // The other episodes lie outside the run.
    assertThat(spec.hazards().closures()).hasSize(1);
    assertThat(spec.hazards().holds()).isEmpty();
  }

  private static int gate(CorridorSpec spec, String node) {
    for (int g = 0; g < spec.gates().size(); g++) {
      if (spec.gates().get(g).kind() == CorridorSpec.GateKind.BORDER
          && spec.gates().get(g).node().equals(node)) {
        return g;
      }
    }
    throw new AssertionError("no border gate at " + node);
  }
}
