package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Closure;
import org.caravan.scenario.sim.ResolvedScenario.ClosureKind;
import org.caravan.scenario.sim.ResolvedScenario.Corridor;
import org.caravan.scenario.sim.ResolvedScenario.CrossingChange;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.ResolvedScenario.Storm;
import org.junit.jupiter.api.Test;

/**
 * Loading resolves a scenario once: defaults applied, places as node ids, kinds as enums, times in
 * seconds.
 */
class ScenarioResolveTest {
  private static final String YAML =
      """
      start_date: "2024-03-01"
      warmup_days: 1.5
      horizon_days: 10
      demand:
        growth_per_year: 0.02
        flows:
          - id: oil
            from: Beineu
            to: AZBAK
            cargo: wagon
            tonnes_per_year: 1000
            corridor: middle
          - id: boxes
            from: CNXIA
            to: GEPTI
            teu_per_year: 500
            growth_per_year: 0.1
      network:
        ports:
          - node: KZKUR
            berths: 3
        crossings:
          - link: KZKUR-AZ-ALAT-ferry
            sail_h: 21
            handling_sd_h: 0.5
      storms:
        - ports: [KZKUR]
          events_per_season: {winter: 2}
          duration_days: {min: 0.5, mode: 1, max: 2}
      disruptions:
        - kind: border_closure
          nodes: [KZ-DOSTYK]
          start_day: 2
          duration_days: 0.25
      """;

  @Test
  void loading_applies_defaults_and_resolves_names_kinds_and_times() {
    Scenario sc = Fixtures.parse(YAML);
    assertThat(sc.start()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(sc.warmup_s()).isEqualTo(129_600);
    assertThat(sc.horizon_s()).isEqualTo(864_000);
    assertThat(sc.replications()).isEqualTo(10);
    assertThat(sc.seed()).isEqualTo(1);
    ResolvedScenario m = sc.model();
    assertThat(m.sampleInterval_s()).isEqualTo(86_400);
    assertThat(m.formation()).isEqualTo(new ResolvedScenario.Formation(42, 72 * 3600, 10.4));
    assertThat(m.demand().seasonality()).isEqualTo(Collections.nCopies(12, 1.0));
    assertThat(m.demand().teuMass_t()).isEqualTo(10);
    assertThat(m.demand().wagonMass_t()).isEqualTo(60);

    Flow oil = m.demand().flows().get(0);
    assertThat(oil.from()).isEqualTo("KZ-BEINEU");
    assertThat(oil.cargo()).isEqualTo(Cargo.WAGON);
    assertThat(oil.corridor()).isEqualTo(new Corridor("middle"));
    assertThat(oil.perYear()).isEqualTo(1000);
    assertThat(oil.growthPerYear()).isEqualTo(0.02);
    Flow boxes = m.demand().flows().get(1);
    assertThat(boxes.cargo()).isEqualTo(Cargo.CONTAINER);
    assertThat(boxes.corridor()).isEqualTo(Corridor.ANY);
    assertThat(boxes.growthPerYear()).isEqualTo(0.1);

    assertThat(m.capacities().singleTrackPathsPerDay()).isEqualTo(12);
    assertThat(m.capacities().port("KZKUR").berths()).isEqualTo(3);
    assertThat(m.capacities().port("KZKUR").yard_teu()).isEqualTo(4_000);
    assertThat(m.capacities().port("AZBAK").berths()).isEqualTo(2);
    CrossingChange ferry = m.capacities().crossings().get("KZKUR-AZ-ALAT-ferry");
    assertThat(ferry.sail_s().getAsDouble()).isEqualTo(75_600);
    assertThat(ferry.handlingSd_s().getAsDouble()).isEqualTo(1_800);
    assertThat(ferry.handling_s()).isEmpty();
    assertThat(ferry.fleet()).isEmpty();
    assertThat(ferry.lowWaterDerating()).isZero();

    Storm storm = m.storms().get(0);
    assertThat(storm.id()).isEqualTo("storm-0");
    assertThat(storm.eventsPerSeason()).isEqualTo(new ResolvedScenario.Seasons(2, 0, 0, 0));
    assertThat(storm.durationMin_s()).isEqualTo(43_200);
    assertThat(storm.durationMax_s()).isEqualTo(172_800);
    Closure closure = m.closures().get(0);
    assertThat(closure)
        .isEqualTo(
            new Closure(
                "disruption-0", ClosureKind.BORDER_CLOSURE, List.of("KZ-DOSTYK"), 172_800, 21_600));
  }

  @Test
  void overriding_the_years_keeps_the_rest() {
    Scenario sc = Fixtures.parse(YAML).withYears(2);
    assertThat(sc.horizon_s()).isEqualTo(2 * 365 * 86_400L);
    assertThat(sc.horizonDays()).isEqualTo(730);
    assertThat(sc.warmupDays()).isEqualTo(1.5);
    assertThat(sc.start()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
  }
}
