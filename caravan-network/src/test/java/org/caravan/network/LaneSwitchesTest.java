package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;

/** Dated sea-lane switches: the Red Sea diversion of the default data, and the file's checks. */
class LaneSwitchesTest {
  private static final NetworkSpec FILES = NetworkFiles.readDefault();

  @Test
  void the_red_sea_diversion_starts_on_15_december_2023() {
    LaneSwitches lanes = LaneSwitches.readDefault(FILES);
    assertThat(lanes.on(LocalDate.of(2023, 12, 14))).isEmpty();
    assertThat(lanes.on(LocalDate.of(2023, 12, 15)))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("RED-SEA");
              assertThat(s.avoid()).containsExactlyInAnyOrder(Passage.SUEZ, Passage.BABELMANDEB);
              assertThat(s.kind()).isEqualTo("observed");
            });
    assertThat(lanes.on(LocalDate.of(2026, 6, 1)))
        .singleElement()
        .extracting("kind")
        .isEqualTo("estimate");
    assertThat(lanes.on(LocalDate.of(2027, 1, 1))).isEmpty();
  }

  @Test
  void bad_rows_are_reported_with_line_and_field() {
    String csv =
        "id,name,valid_from,valid_to,avoid_passages,kind,source,notes\n"
            + "X,x,2024-01-01,2023-01-01,suez,observed,DIPLOMAT24,\n"
            + "Y,y,2024-01-01,2024-02-01,nowhere,guess,NO-SUCH-ID,\n"
            + "Z,z,2024-01-01,2024-12-31,suez,observed,DIPLOMAT24,\n"
            + "Z,z,2024-06-01,2025-12-31,suez,observed,DIPLOMAT24,\n";
    assertThatThrownBy(() -> LaneSwitches.read("lanes.csv", () -> new StringReader(csv), FILES))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e -> {
              String all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
              assertThat(all)
                  .contains("lanes.csv:2: field 'valid_to'")
                  .contains("lanes.csv:3: field 'avoid_passages': unknown sea passage 'nowhere'")
                  .contains(
                      "lanes.csv:3: field 'kind': expected observed or estimate, found 'guess'")
                  .contains("lanes.csv:3: field 'source': unknown source id 'NO-SUCH-ID'")
                  .contains("lanes.csv:5: field 'valid_from'");
            });
  }
}
