package org.caravan.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContainerNumberTest {
  /** CSQU3054383 is the worked example of ISO 6346 Annex A; BICU1234565 is BIC's own example. */
  @Test
  void published_numbers_are_valid_and_one_changed_digit_is_not() {
    assertThat(ContainerNumber.problem("CSQU3054383")).isEmpty();
    assertThat(ContainerNumber.problem("BICU 123456-5")).isEmpty();
    assertThat(ContainerNumber.problem("CSQU3054384"))
        .get()
        .asString()
        .contains("ISO 6346 gives 3");
    assertThat(ContainerNumber.problem("CSQX3054383")).isPresent();
  }

  @Test
  void letter_values_skip_the_multiples_of_eleven() {
    assertThat(ContainerNumber.letterValue('A')).isEqualTo(10);
    assertThat(ContainerNumber.letterValue('B')).isEqualTo(12);
    assertThat(ContainerNumber.letterValue('K')).isEqualTo(21);
    assertThat(ContainerNumber.letterValue('L')).isEqualTo(23);
    assertThat(ContainerNumber.letterValue('U')).isEqualTo(32);
    assertThat(ContainerNumber.letterValue('V')).isEqualTo(34);
    assertThat(ContainerNumber.letterValue('Z')).isEqualTo(38);
  }

  /**
   * Brute force: exactly one of the ten possible last digits is valid, and it is the one the
   * standard's formula gives, written out independently here.
   */
  @Property(tries = 2000)
  void exactly_one_check_digit_is_valid(
      @ForAll @IntRange(min = 0, max = 25) int a,
      @ForAll @IntRange(min = 0, max = 25) int b,
      @ForAll @IntRange(min = 0, max = 25) int c,
      @ForAll @IntRange(min = 0, max = 999_999) int serial) {
    String owner = "" + (char) ('A' + a) + (char) ('A' + b) + (char) ('A' + c) + 'U';
    String first10 = owner + String.format("%06d", serial);
    int valid = 0;
    int found = -1;
    for (int d = 0; d <= 9; d++) {
      if (ContainerNumber.problem(first10 + d).isEmpty()) {
        valid++;
        found = d;
      }
    }
    assertThat(valid).isEqualTo(1);
    String alphabet = "A.BCDEFGHIJK.LMNOPQRSTU.VWXYZ"; // value = 10 + index; dots mark 11, 22, 33
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      char ch = first10.charAt(i);
      int v = i < 4 ? 10 + alphabet.indexOf(ch) : ch - '0';
      sum += v * (long) Math.pow(2, i);
    }
    assertThat(found).isEqualTo((int) (sum % 11 % 10));
  }
}
