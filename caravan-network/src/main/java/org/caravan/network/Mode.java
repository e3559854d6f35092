package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/** Transport mode of a link. */
public enum Mode {
  RAIL("rail"),
  ROAD("road"),
  /** Caspian and Black Sea ferries (rail ferries and ro-ro). */
  FERRY("ferry"),
  /** Deep-sea and feeder container shipping. */
  SEA("sea"),
  /** Inland waterway. */
  IWW("iww");

  private final String code;

  Mode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Mode> parse(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }
}
