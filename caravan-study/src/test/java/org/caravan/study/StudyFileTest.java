package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StudyFileTest {
  private static final String OK =
      """
      name: s
      baseline: default-2024
      seed: 5
      variants:
        - name: a
          source: EST
          set:
            network.ports[node=KZAAU].berths: 5
        - name: b
          source: X
          scale:
            demand.flows[*].teu_per_year: 2
      """;

  @Test
  void parses_a_study_with_defaults() {
    StudyFile s = StudyFile.parse(OK, "s.yaml");
    assertThat(s.variantNames()).containsExactly("baseline", "a", "b");
    assertThat(s.seed()).isEqualTo(5);
    assertThat(s.replications()).isEqualTo(10);
    assertThat(s.years()).isEmpty();
    assertThat(s.variants().get(1).scale()).containsEntry("demand.flows[*].teu_per_year", 2.0);
    assertThat(s.crmFlows()).isFalse();
    assertThat(StudyFile.parse("crm_flows: true\n" + OK, "s.yaml").crmFlows()).isTrue();
  }

  @Test
  void errors_name_file_field_and_line() {
    assertThatThrownBy(() -> StudyFile.parse(OK.replace("    source: X", "    sorce: X"), "s.yaml"))
        .isInstanceOf(StudyException.class)
        .hasMessageContaining("s.yaml: unknown field 'variants[1].sorce' at line 10");
    assertThatThrownBy(() -> StudyFile.parse(OK.replace("name: b", "name: a"), "s.yaml"))
        .hasMessageContaining("duplicate variant name 'a' (line 9)");
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    OK.replace("network.ports[node=KZAAU]", "network.ports[node"), "s.yaml"))
        .hasMessageContaining("bad path 'network.ports[node.berths'")
        .hasMessageContaining("(line 8)");
    assertThatThrownBy(
            () -> StudyFile.parse(OK.replace("teu_per_year: 2", "teu_per_year: -2"), "s.yaml"))
        .hasMessageContaining("must be a number >= 0 (line 12)");
    assertThatThrownBy(() -> StudyFile.parse(OK.replace("seed: 5", "seed: five"), "s.yaml"))
        .hasMessageContaining("'seed' at line 3");
    assertThatThrownBy(() -> StudyFile.parse(OK.replace("    source: EST\n", ""), "s.yaml"))
        .hasMessageContaining("variants[0].source is required (line 5)");
  }

  @Test
  void the_shipped_study_parses_and_cites_every_variant() throws Exception {
    Path f =
        Path.of(System.getProperty("caravan.repo", ".."), "data/studies/middle-corridor-2030.yaml");
    StudyFile s = StudyFile.parse(Files.readString(f), f.toString());
    assertThat(s.variants()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(s.variants()).allSatisfy(v -> assertThat(v.source()).matches("[A-Z0-9+-]+"));
  }
}
