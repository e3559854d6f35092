package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caravan.app.ValidationRuns;
import org.caravan.network.Network;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/**
 * A Kazakh rail border in the simulation by direction (CPMM22KZ: 7–11 h outbound, 54–78 h inbound):
 * the empty boxes going back to China leave Kazakhstan at Dostyk through an exit gate with the
 * network's outbound stop, the loaded westbound trains enter through the border gate with the
 * calibrated inbound dwell, and the wait table writes each passage under its own kind.
 */
class BorderDirectionScenarioTest {
  private static final Caravan CARAVAN = Caravan.openDefault();
  private static final Network NET = CARAVAN.network();

  @Test
  void empty_returns_leave_by_the_exit_gate_and_the_wait_table_says_so() throws Exception {
    String yaml;
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + ValidationRuns.CALIBRATED_SCENARIO + ".yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The calibrated scenario with empty boxes sent back to China, 30 measured days.
    Scenario sc =
        ScenarioLoader.parse(yaml + "\nreactions: {empty_return_share: 0.45}\n", "test", CARAVAN)
            .withYears(30 / 365.0)
            .withReplications(1);
    SimulationService.Run run = new SimulationService(CARAVAN).run(sc, 1, i -> {});
    CorridorSpec spec = run.model().spec();
    int dostyk = NET.findNode("KZ-DOSTYK").orElseThrow();
    int alashankou = NET.findNode("CNAKL").orElseThrow();

    CorridorSpec.Gate in = gate(spec, "KZ-DOSTYK");
    CorridorSpec.Gate out = gate(spec, "KZ-DOSTYK[out]");
    assertThat(in.kind()).isEqualTo(CorridorSpec.GateKind.BORDER);
    assertThat(out.kind()).isEqualTo(CorridorSpec.GateKind.EXIT);
    assertThat(out.node()).isEqualTo("KZ-DOSTYK");
    assertThat(out.delayMean_s()).isEqualTo(NET.dwell_s(dostyk, alashankou));
    assertThat(in.delayMean_s()).isGreaterThan(5 * out.delayMean_s());

    List<WaitTable.Row> rows = WaitTable.measure(run, NET);
    WaitTable.Row exit = row(rows, "exit");
    WaitTable.Row pass = row(rows, "pass");
    // queue + stop: at least the stop, and the outbound passage far shorter than the inbound one
    assertThat(exit.mean_h()).isGreaterThanOrEqualTo(out.delayMean_s() / 3600 - 1e-9);
    assertThat(pass.mean_h()).isGreaterThanOrEqualTo(in.delayMean_s() / 3600 - 1e-9);
    assertThat(exit.mean_h()).isLessThan(pass.mean_h() / 3);
  }

  private static CorridorSpec.Gate gate(CorridorSpec spec, String id) {
    return spec.gates().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }

  private static WaitTable.Row row(List<WaitTable.Row> rows, String kind) {
    return rows.stream()
        .filter(w -> w.kind().equals(kind) && w.node().equals("KZ-DOSTYK"))
        .findFirst()
        .orElseThrow();
  }
}
