package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * What carries the container on a link, for transfer purposes: a route may change class only at a
 * node that offers a {@link Transfer} between the two classes (a gauge change, a crane lift, a
 * roll-on).
 */
public enum CarrierClass {
  RAIL1520("rail1520"),
  RAIL1435("rail1435"),
  ROAD("road"),
  FERRY("ferry"),
  SEA("sea"),
  IWW("iww"),
  /**
   * Iberian broad gauge (Spain, Portugal); appended last so the other ordinals stay as they were.
   */
  RAIL1668("rail1668");

  public static final int COUNT = values().length;

  private final String code;

  CarrierClass(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** True for the rail classes (any gauge). */
  public boolean isRail() {
    return this == RAIL1520 || this == RAIL1435 || this == RAIL1668;
  }

  public static Optional<CarrierClass> parse(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }

  /** The class of a link of this mode and gauge (gauge 0 when not rail). */
  public static CarrierClass of(Mode mode, int gauge_mm) {
    return switch (mode) {
      case RAIL -> gauge_mm == 1520 ? RAIL1520 : gauge_mm == 1668 ? RAIL1668 : RAIL1435;
      case ROAD -> ROAD;
      case FERRY -> FERRY;
      case SEA -> SEA;
      case IWW -> IWW;
    };
  }
}
