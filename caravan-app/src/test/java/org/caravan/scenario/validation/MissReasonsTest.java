package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caravan.scenario.validation.Validator.TargetRow;
import org.caravan.scenario.validation.Validator.Verdict;
import org.junit.jupiter.api.Test;

/** The reason a report gives for a miss follows the values, not a fixed text per target. */
class MissReasonsTest {

  private static Target target(String id, String kind, double low, double high) {
    return new Target(
        id,
        "KZ-DOSTYK",
        "KZAAU",
        "middle",
        List.of(),
        Target.Quantity.TRANSIT_DAYS,
        low,
        high,
        kind,
        "2023",
        Optional.empty(),
        false,
        "SRC",
        Optional.empty(),
        "",
        2);
  }

  private static TargetRow row(Target t, double router, double sim) {
    Verdict rv = t.contains(router) ? Verdict.WITHIN : Verdict.OUTSIDE;
    Verdict sv = t.contains(sim) ? Verdict.WITHIN : Verdict.OUTSIDE;
    Verdict v = rv == sv ? rv : Verdict.SPLIT;
    return new TargetRow(
        t, OptionalDouble.of(router), "", OptionalDouble.of(sim), "", rv, sv, v, "");
  }

  @Test
  void values_on_either_side_of_the_range_are_said_to_be_so() {
    Target t = target("A", "promised", 4.5, 5.5);
    TargetRow r = row(t, 4.4, 7.0);
    assertThat(MissReasons.explain(r, List.of(r)))
        .isEqualTo("the router's value is below the range and the simulation's above it");
    TargetRow flipped = row(t, 7.0, 4.4);
    assertThat(MissReasons.explain(flipped, List.of(flipped)))
        .isEqualTo("the router's value is above the range and the simulation's below it");
  }

  @Test
  void a_miss_names_the_targets_its_value_agrees_with_and_its_direction() {
    Target slow = target("A", "observed", 5.4, 6.6);
    Target fast = target("B", "promised", 6.5, 8.0);
    TargetRow a = row(slow, 7.0, 7.0);
    TargetRow b = row(fast, 7.0, 7.0);
    assertThat(MissReasons.explain(a, List.of(a, b)))
        .isEqualTo("agrees with B (promised, SRC); model above the range");
    // Below an observed range: the delays the model leaves out.
    TargetRow under = row(slow, 4.0, 4.2);
    assertThat(MissReasons.explain(under, List.of(under))).startsWith("faster than observed");
    // A split row explains the side that misses.
    TargetRow split = row(slow, 6.0, 7.0);
    assertThat(MissReasons.explain(split, List.of(split))).isEqualTo("model above the range");
    assertThat(MissReasons.explain(row(slow, 6.0, 6.1), List.of())).isEmpty();
  }
}
