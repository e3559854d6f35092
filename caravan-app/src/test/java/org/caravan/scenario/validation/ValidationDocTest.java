package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The report's figures never seem to contradict their verdicts. */
class ValidationDocTest {

  private static Target range(double low, double high) {
    return MissReasonsTest.target("T", "promised", low, high);
  }

  @Test
  void a_value_rounded_onto_a_bound_it_lies_outside_keeps_the_digits_that_show_it() {
    Target t = range(4.5, 5.5);
    assertThat(ValidationDoc.value(OptionalDouble.of(4.499), t)).isEqualTo("4.499");
    assertThat(ValidationDoc.value(OptionalDouble.of(4.4999), t)).isEqualTo("4.4999");
    assertThat(ValidationDoc.value(OptionalDouble.of(4.46), t)).isEqualTo("4.46");
    // Rounding that keeps the value's side is left as it was.
    assertThat(ValidationDoc.value(OptionalDouble.of(4.54), t)).isEqualTo("4.5");
    assertThat(ValidationDoc.value(OptionalDouble.of(4.42), t)).isEqualTo("4.4");
    assertThat(ValidationDoc.value(OptionalDouble.of(5.57), t)).isEqualTo("5.6");
    assertThat(ValidationDoc.value(OptionalDouble.of(4.52), t)).isEqualTo("4.5");
    assertThat(ValidationDoc.value(OptionalDouble.of(5.549), t)).isEqualTo("5.55");
    assertThat(ValidationDoc.value(OptionalDouble.empty(), t)).isEqualTo("—");
  }

  @Test
  void large_values_group_thousands_in_the_document_and_not_in_the_terminal() {
    Target t = range(5350, 5400);
    assertThat(ValidationDoc.value(OptionalDouble.of(9117.2), t)).isEqualTo("9,117");
    assertThat(ValidationDoc.value(9117.2, t, false)).isEqualTo("9117");
    // 5,349.6 would read 5,350, inside: one decimal shows that it is not.
    assertThat(ValidationDoc.value(OptionalDouble.of(5349.6), t)).isEqualTo("5,349.6");
  }
}
