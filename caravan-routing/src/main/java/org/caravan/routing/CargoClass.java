package org.caravan.routing;

import java.util.Arrays;
import java.util.Optional;

/** Cargo class of a shipment; dangerous goods carry a UN hazard class (1–9) in the request. */
public enum CargoClass {
  GENERAL("general"),
  REEFER("reefer"),
  BULK("bulk"),
  DANGEROUS("dg");

  private final String code;

  CargoClass(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<CargoClass> parse(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
