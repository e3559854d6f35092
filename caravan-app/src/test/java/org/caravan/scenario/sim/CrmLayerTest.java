package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.scenario.sim.ModelBuilder.Built;
import org.caravan.scenario.sim.ModelBuilder.FlowRoute;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/** The CRM demand layer ({@code demand.crm_flows}): real dataset, real router, real simulation. */
class CrmLayerTest {
  private static final String SHORT = Fixtures.shortYaml(5, 30, 1);

  private static Scenario withLayer() {
    return withLayer(SHORT);
  }

  private static Scenario withLayer(String yaml) {
    assertThat(yaml).containsOnlyOnce("\n  flows:");
    return Fixtures.parse(yaml.replace("\n  flows:", "\n  crm_flows: true\n  flows:"));
  }

  @Test
  void the_layer_adds_every_flow_with_its_tonnes_and_leaves_the_scenario_flows_on_their_routes() {
    Scenario off = Fixtures.parse(SHORT);
    Scenario on = withLayer();
    assertThat(off.model().demand().crmFlows()).isFalse();
    assertThat(on.model().demand().crmFlows()).isTrue();
    Built a = new ModelBuilder(Fixtures.CARAVAN).build(off);
    Built b = new ModelBuilder(Fixtures.CARAVAN).build(on);
    assertThat(a.spec().flows()).noneMatch(f -> f.corridor().startsWith(CrmLayer.LABEL_PREFIX));

    // The scenario's own flows: same ids, corridors, units and legs with the layer on.
    Map<String, FlowRoute> before =
        a.routes().stream().collect(Collectors.toMap(FlowRoute::flow, Function.identity()));
    for (FlowRoute r : b.routes()) {
      if (!r.flow().startsWith("crm:")) {
        assertThat(r).as(r.flow()).isEqualTo(before.get(r.flow()));
      }
    }
    assertThat(b.routes()).hasSize(a.routes().size() + 5);
    // Leg ids name KPIs: the uranium charter Poti-Constanta and the liner there stay apart.
    assertThat(b.spec().legs().stream().map(CorridorSpec.Leg::id).distinct())
        .hasSize(b.spec().legs().size());

    // The CRM flows: one per flow of data/crm/flows.csv with tonnes, labelled by material.
    Map<String, CorridorSpec.Flow> crm =
        b.spec().flows().stream()
            .filter(f -> f.id().startsWith("crm:"))
            .collect(Collectors.toMap(CorridorSpec.Flow::id, Function.identity()));
    assertThat(crm.keySet())
        .containsExactlyInAnyOrder(
            "crm:u-kz-eu", "crm:cu-kz-eu", "crm:ti-kz-eu", "crm:w-kz-eu", "crm:mn-kz-eu");
    CorridorSpec.Flow u = crm.get("crm:u-kz-eu");
    assertThat(u.corridor()).isEqualTo("crm-uranium");
    assertThat(u.cargo()).isEqualTo("container");
    assertThat(u.unitsPerYear() * u.tonnesPerUnit()).isCloseTo(3500, within(0.01));
    CorridorSpec.Flow mn = crm.get("crm:mn-kz-eu");
    assertThat(mn.cargo()).isEqualTo("wagon");
    assertThat(mn.unitsPerYear() * mn.tonnesPerUnit()).isCloseTo(50_000, within(0.01));

    // Every flow boards at a producer's station: its wagons are marshalled over the first rail
    // section (Kyzylorda -> Aktau for uranium) at the scenario's wagonload speed.
    double speed_kmh = on.model().formation().wagonloadSpeed_kmh();
    for (CorridorSpec.Flow f : crm.values()) {
      FlowRoute fr =
          b.routes().stream().filter(r -> r.flow().equals(f.id())).findFirst().orElseThrow();
      assertThat(f.wagonload()).as(f.id()).isTrue();
      assertThat(f.marshalSd_s()).isCloseTo(f.marshalMean_s() * Wagonload.SD_SHARE, within(1e-6));
      assertThat(fr.legs().getFirst()).as(f.id()).endsWith(" rail");
    }
    CrmLayer.Unit uranium =
        CrmLayer.units(
                CrmLayer.caravan(), on.model().demand(), speed_kmh, on.start().getEpochSecond())
            .stream()
            .filter(x -> x.flow().id().equals("crm:u-kz-eu"))
            .findFirst()
            .orElseThrow();
    Wagonload.Section first = Wagonload.firstSection(CrmLayer.caravan().network(), uranium.route());
    assertThat(first.length_m()).isBetween(1_000_000L, 2_500_000L);
    assertThat(u.marshalMean_s())
        .isCloseTo(first.length_m() / 1000.0 / speed_kmh * 3600 - first.modelled_s(), within(1.0))
        .isPositive();

    // Uranium never rides a scheduled liner or feeder: its only scheduled crossing is the Caspian
    // train ferry, and the Poti-Constanta leg is the charter (an unscheduled delay leg).
    for (int leg : u.legs()) {
      CorridorSpec.Leg l = b.spec().legs().get(leg);
      if (l.kind() == CorridorSpec.LegKind.CROSSING) {
        assertThat(b.spec().crossings().get(l.crossing()).id()).contains("-ferry[");
      }
      if (l.from().equals("GEPTI")) {
        assertThat(l.kind()).isEqualTo(CorridorSpec.LegKind.DELAY);
        assertThat(l.to()).isEqualTo("ROCND");
      }
    }
  }

  @Test
  void a_run_with_the_layer_reports_delivery_times_per_material() {
    CorridorResult r =
        // Long enough for the slowest flow (copper, marshalled from Aktogay to the Baltic: about
        // four weeks) to deliver after the warm-up.
        new SimulationService(Fixtures.CARAVAN)
            .run(withLayer(Fixtures.shortYaml(30, 60, 1)), 1, i -> {})
            .result();
    List<String> corridors = r.layout().corridors();
    assertThat(corridors).contains("crm-uranium", "crm-copper", "crm-manganese");
    for (String m : List.of("uranium", "copper", "manganese")) {
      double p50 = r.kpi("transit.crm-" + m + ".p50_days").orElseThrow().mean();
      assertThat(p50).as(m).isBetween(5.0, 60.0);
    }
    assertThat(r.kpi("transit.middle.p50_days")).isPresent();
  }
}
