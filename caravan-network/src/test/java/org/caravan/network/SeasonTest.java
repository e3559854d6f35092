package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import org.junit.jupiter.api.Test;

class SeasonTest {
  @Test
  void every_month_falls_in_its_meteorological_season() {
    for (Month m : Month.values()) {
      Season expected =
          switch (m) {
            case DECEMBER, JANUARY, FEBRUARY -> Season.WINTER;
            case MARCH, APRIL, MAY -> Season.SPRING;
            case JUNE, JULY, AUGUST -> Season.SUMMER;
            default -> Season.AUTUMN;
          };
      assertThat(Season.ofMonth(m.getValue() - 1)).as(m.toString()).isEqualTo(expected);
    }
    assertThatThrownBy(() -> Season.ofMonth(12)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codes_read_back() {
    for (Season s : Season.values()) {
      assertThat(Season.parse(s.code())).contains(s);
    }
    assertThat(Season.parse("all")).isEmpty();
  }
}
