package org.caravan.routing;

import java.util.Arrays;
import java.util.Optional;

/** What a query optimises: the full Pareto set, or one criterion (or a weighted sum of all). */
public enum Objective {
  PARETO("pareto"),
  TIME("time"),
  COST("cost"),
  CO2E("co2e"),
  WEIGHTED("weighted");

  private final String code;

  Objective(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Objective> parse(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
