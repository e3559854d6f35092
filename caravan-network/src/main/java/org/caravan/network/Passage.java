package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sea passages (chokepoints) a route can be asked to avoid. The ordinal is the bit in a passage
 * mask.
 */
public enum Passage {
  SUEZ("suez"),
  BABELMANDEB("babelmandeb"),
  BOSPORUS("bosporus"),
  DARDANELLES("dardanelles"),
  HORMUZ("hormuz"),
  GIBRALTAR("gibraltar"),
  MALACCA("malacca"),
  PANAMA("panama"),
  KIEL("kiel"),
  DOVER("dover");

  private final String code;

  Passage(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public int bit() {
    return 1 << ordinal();
  }

  public static Optional<Passage> parse(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
  }
}
