package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepsTest {
  private static final String STUDY =
      """
      name: s
      baseline: default-2024
      seed: 3
      sweeps:
        - name: g
          kind: grid
          source: EST
          parameters:
            - {path: "network.crossings[link=a].fleet", values: [16, 20, 24]}
            - {path: "network.ports[node=KZAAU].berths", values: [3, 5]}
        - name: h
          kind: lhs
          samples: 10
          source: EST
          parameters:
            - {path: "network.borders[node=KZHOR].dwell_h", min: 40, max: 60}
            - {path: "network.crossings[link=a].fleet", min: 10, max: 30, integer: true}
      """;

  @Test
  void grid_takes_every_combination_and_lhs_puts_one_point_in_each_stratum() {
    StudyFile s = StudyFile.parse(STUDY, "s.yaml");
    List<StudyFile.Variant> g =
        s.variants().stream().filter(v -> v.name().startsWith("g-")).toList();
    assertThat(g).hasSize(6);
    assertThat(g.getFirst().name()).isEqualTo("g-001");
    Set<String> combos = new HashSet<>();
    g.forEach(v -> combos.add(v.set().values().toString()));
    assertThat(combos).hasSize(6);
    List<StudyFile.Variant> h =
        s.variants().stream().filter(v -> v.name().startsWith("h-")).toList();
    assertThat(h).hasSize(10);
    boolean[] strata = new boolean[10];
    for (StudyFile.Variant v : h) {
      double x = v.set().get("network.borders[node=KZHOR].dwell_h").asDouble();
      assertThat(x).isBetween(40.0, 60.0);
      int k = (int) ((x - 40) / 2);
      assertThat(strata[k]).as("two points in stratum " + k).isFalse();
      strata[k] = true;
      assertThat(v.set().get("network.crossings[link=a].fleet").isIntegralNumber()).isTrue();
    }
    // same file, same points
    assertThat(StudyFile.parse(STUDY, "s.yaml").variants()).isEqualTo(s.variants());
  }

  @Test
  void bad_sweeps_name_the_field() {
    assertThatThrownBy(() -> StudyFile.parse(STUDY.replace("kind: lhs", "kind: random"), "s.yaml"))
        .hasMessageContaining("sweeps[1].kind must be grid or lhs")
        .hasMessageContaining("(line 12)");
    assertThatThrownBy(() -> StudyFile.parse(STUDY.replace("samples: 10", "samples: 0"), "s.yaml"))
        .hasMessageContaining("sweeps[1].samples must be");
  }
}
