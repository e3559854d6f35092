package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * The meteorological seasons of the northern hemisphere, the one home of the month-to-season rule:
 * the simulation's storm seasons and its waits per season, the wait table's {@code season} column
 * and the router's choice of waits all use it. Winter is December to February, as in the storm
 * windows of the scenario ({@code events_per_season}); the ordinal indexes arrays.
 */
public enum Season {
  WINTER("winter"),
  SPRING("spring"),
  SUMMER("summer"),
  AUTUMN("autumn");

  /** {@code values()} once: it copies the array on every call, and the simulation asks per wait. */
  private static final Season[] ALL = values();

  private final String code;

  Season(String code) {
    this.code = code;
  }

  /**
   * The name in files and output: {@code winter}, {@code spring}, {@code summer}, {@code autumn}.
   */
  public String code() {
    return code;
  }

  /** The season of calendar month {@code month0} (0 = January .. 11 = December). */
  public static Season ofMonth(int month0) {
    if (month0 < 0 || month0 > 11) {
      throw new IllegalArgumentException("month must be 0..11, got " + month0);
    }
    return ALL[(month0 + 1) % 12 / 3];
  }

  /** The season of a code, if it is one. */
  public static Optional<Season> parse(String code) {
    return Arrays.stream(ALL).filter(s -> s.code.equals(code)).findFirst();
  }
}
