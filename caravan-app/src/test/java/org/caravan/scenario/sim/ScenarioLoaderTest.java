package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.Corridors;
import org.caravan.scenario.CorridorLabels;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict scenario parsing: bad files fail with the field named, before any output is written. */
class ScenarioLoaderTest {
  @Test
  void the_default_scenario_loads() {
    Scenario sc = ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, Fixtures.CARAVAN);
    assertThat(sc.name()).isEqualTo("default-2024");
    assertThat(sc.horizonDays()).isEqualTo(365);
    assertThat(sc.model().demand().flows()).isNotEmpty();
  }

  @Test
  void an_unknown_field_is_named_with_its_line() {
    String yaml =
        Fixtures.defaultYaml().replace("      teu_per_year: 12000", "      teu_per_yer: 12000");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("unknown field 'demand.flows[1].teu_per_yer'")
        .hasMessageMatching("(?s).*at line \\d+.*")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("demand.flows[1].teu_per_yer");
  }

  @Test
  void an_unknown_node_is_named() {
    String yaml =
        Fixtures.defaultYaml()
            .replace(
                "      to: GEPTI\n      cargo: container\n      teu_per_year: 12000",
                "      to: ATLANTIS\n      cargo: container\n      teu_per_year: 12000");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("unknown node 'ATLANTIS' in demand.flows[1].to")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("demand.flows[1].to");
  }

  @Test
  void an_unknown_corridor_is_named_with_the_labels_of_the_corridor_data() {
    String yaml =
        Fixtures.defaultYaml()
            .replaceFirst("\n      corridor: middle\n", "\n      corridor: caspian\n");
    assertThat(yaml).isNotEqualTo(Fixtures.defaultYaml());
    List<String> labels = Fixtures.CARAVAN.corridors().labels();
    assertThat(labels).contains("middle", "northern", "southern");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("demand.flows[0].corridor must be " + String.join(", ", labels))
        .hasMessageContaining(" or any")
        .hasMessageContaining("got 'caspian'")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("demand.flows[0].corridor");
  }

  @Test
  void the_corridor_words_are_the_labels_of_the_corridor_table() throws Exception {
    // A table of its own: its labels, and only they, are what a flow or a target may name.
    String csv =
        "corridor,label,nodes,source,notes\n"
            + "tc-kz,trans-caspian,KZAAU;KZKUR,EST,\n"
            + "tc-tm,trans-caspian,TMKRW,EST,\n"
            + "north,northern,RUMOW,EST,\n";
    Corridors own = Corridors.read("own.csv", new StringReader(csv), Fixtures.CARAVAN.network());
    CorridorLabels flows = CorridorLabels.forFlows(own);
    assertThat(flows.labels()).containsExactly("trans-caspian", "northern", "any");
    assertThat(flows.contains("middle")).isFalse();
    assertThat(flows.describe()).isEqualTo("trans-caspian, northern or any");
    assertThat(CorridorLabels.forTargets(own).labels())
        .containsExactly(
            "trans-caspian", "northern", "sea", "sea-cape", "any", "tc-kz", "tc-tm", "north");
  }

  @Test
  void an_empty_list_entry_is_named_not_a_crash() {
    // A stray "-" in a list binds to null (found by the fuzz profile): the loader names the entry.
    String yaml = Fixtures.defaultYaml().replaceFirst("\n  flows:\n", "\n  flows:\n    -\n");
    assertThat(yaml).isNotEqualTo(Fixtures.defaultYaml());
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("demand.flows[0] is empty")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("demand.flows[0]");
  }

  @Test
  void a_negative_rate_is_named() {
    String yaml = Fixtures.defaultYaml().replace("teu_per_year: 12000", "teu_per_year: -5");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageMatching(
            "demand\\.flows\\[1]\\.teu_per_year must be >= 0, got -5 \\(line \\d+\\)");
  }

  @Test
  void the_default_scenario_marshals_its_kazakh_flows_as_wagonload_at_the_cpmm_speed() {
    Scenario sc = ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, Fixtures.CARAVAN);
    assertThat(sc.model().formation().wagonloadSpeed_kmh()).isEqualTo(10.4);
    assertThat(sc.model().demand().flows())
        .filteredOn(ResolvedScenario.Flow::wagonload)
        .extracting(ResolvedScenario.Flow::from)
        .isNotEmpty()
        .allMatch(n -> n.startsWith("KZ"));
    assertThat(sc.model().demand().flows())
        .filteredOn(f -> f.from().equals("CNXIA"))
        .noneMatch(ResolvedScenario.Flow::wagonload);
  }

  @Test
  void an_unknown_service_and_a_zero_wagonload_speed_are_named() {
    String service =
        Fixtures.defaultYaml().replaceFirst("      service: wagonload ", "      service: wagons ");
    assertThat(service).isNotEqualTo(Fixtures.defaultYaml());
    assertThatThrownBy(() -> Fixtures.parse(service))
        .isInstanceOf(UserException.class)
        .hasMessageMatching(
            "demand\\.flows\\[\\d+]\\.service must be 'train' or 'wagonload', got 'wagons'"
                + " \\(line \\d+\\)")
        .extracting(e -> ((UserException) e).field())
        .asString()
        .endsWith(".service");
    String speed =
        Fixtures.defaultYaml().replace("wagonload_speed_kmh: 10.4", "wagonload_speed_kmh: 0");
    assertThat(speed).isNotEqualTo(Fixtures.defaultYaml());
    assertThatThrownBy(() -> Fixtures.parse(speed))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("formation.wagonload_speed_kmh must be >= 0.1, got 0")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("formation.wagonload_speed_kmh");
  }

  @Test
  void a_zero_horizon_is_named() {
    String yaml = Fixtures.defaultYaml().replace("horizon_days: 365", "horizon_days: 0");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageMatching("horizon_days must be > 0, got 0 \\(line \\d+\\)")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("horizon_days");
  }

  @Test
  void a_horizon_below_an_hour_is_named_not_rounded_to_nothing() {
    String yaml = Fixtures.defaultYaml().replace("horizon_days: 365", "horizon_days: 4.9e-324");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("horizon_days must be at least one hour (1/24 day), got 4.9E-324")
        .extracting(e -> ((UserException) e).field())
        .isEqualTo("horizon_days");
    assertThat(
            Fixtures.parse(
                    Fixtures.defaultYaml().replace("horizon_days: 365", "horizon_days: 0.05"))
                .horizonDays())
        .isGreaterThan(0);
  }

  @Test
  void semantic_errors_give_the_line_of_the_field() {
    String yaml = Fixtures.defaultYaml().replace("horizon_days: 365", "horizon_days: 0");
    int expected =
        1
            + (int)
                yaml.substring(0, yaml.indexOf("horizon_days: 0"))
                    .chars()
                    .filter(c -> c == '\n')
                    .count();
    assertThat(ScenarioLoader.lineOf(yaml, "horizon_days")).isEqualTo(expected);
    int flowLine = ScenarioLoader.lineOf(yaml, "demand.flows[1].teu_per_year");
    assertThat(yaml.lines().skip(flowLine - 1).findFirst().orElseThrow())
        .contains("teu_per_year: 12000");
  }

  @Test
  void a_value_of_the_wrong_type_is_named_with_its_line() {
    String yaml = Fixtures.defaultYaml().replace("seed: 2024", "seed: soon");
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("bad value for 'seed' at line ");
  }

  @Test
  void a_bad_file_writes_no_output(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, Fixtures.defaultYaml().replace("horizon_days: 365", "horizon_days: 0"));
    Path out = tmp.resolve("out");
    SimulationService service = new SimulationService(Fixtures.CARAVAN);

    assertThatThrownBy(() -> service.runAndWrite(service.load(file.toString()), out, i -> {}))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("horizon_days");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
    }
  }

  @Test
  void an_unknown_disruption_kind_is_named() {
    String yaml =
        Fixtures.defaultYaml()
            .replace(
                "disruptions: []",
                """
        disruptions:
          - kind: earthquake
            nodes: [KZAAU]
            start_day: 1
            duration_days: 2
        """);
    assertThatThrownBy(() -> Fixtures.parse(yaml))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("disruptions[0].kind must be port_closure or border_closure");
  }
}
