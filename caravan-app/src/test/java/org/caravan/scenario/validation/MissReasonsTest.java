package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caravan.scenario.validation.Validator.Result;
import org.caravan.scenario.validation.Validator.Side;
import org.caravan.scenario.validation.Validator.TargetRow;
import org.caravan.scenario.validation.Validator.Verdict;
import org.junit.jupiter.api.Test;

/** The reason a report gives for a miss follows the values, not a fixed text per target. */
class MissReasonsTest {

  /** A transit-time target from Dostyk to Aktau with the given range (also used by other tests). */
  static Target target(String id, String kind, double low, double high) {
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

  @Test
  void a_miss_lies_on_one_side_only_when_every_value_does() {
    Target t = target("A", "observed", 5.0, 6.0);
    TargetRow above = row(t, 7.0, 6.5);
    TargetRow below = row(t, 4.0, 4.9);
    TargetRow across = row(t, 4.0, 7.0);
    TargetRow split = row(t, 5.5, 7.0);
    TargetRow within = row(t, 5.5, 5.9);
    TargetRow routerOnly =
        new TargetRow(
            t,
            OptionalDouble.of(6.1),
            "",
            OptionalDouble.empty(),
            "",
            Verdict.OUTSIDE,
            Verdict.NO_VALUE,
            Verdict.OUTSIDE,
            "");
    assertThat(above.side()).contains(Side.ABOVE);
    assertThat(below.side()).contains(Side.BELOW);
    assertThat(routerOnly.side()).contains(Side.ABOVE);
    assertThat(across.side()).isEmpty();
    assertThat(split.side()).isEmpty();
    assertThat(within.side()).isEmpty();
    // An input that misses is not a miss: it is not counted either way.
    TargetRow input =
        new TargetRow(
            t,
            OptionalDouble.of(9.0),
            "",
            OptionalDouble.empty(),
            "",
            Verdict.OUTSIDE,
            Verdict.NO_VALUE,
            Verdict.INPUT,
            "");
    assertThat(input.side()).isEmpty();

    Result result =
        new Result(
            "s", 1, 1, List.of(above, below, across, split, within, routerOnly, input), List.of());
    assertThat(result.missing(Side.ABOVE)).isEqualTo(2);
    assertThat(result.missing(Side.BELOW)).isEqualTo(1);
    assertThat(result.headline("%7$d above, %8$d below")).isEqualTo("2 above, 1 below");
  }
}
