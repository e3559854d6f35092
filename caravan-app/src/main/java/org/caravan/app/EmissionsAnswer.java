package org.caravan.app;

import java.util.List;

/**
 * The answer of {@code POST /api/emissions}: ISO 14083 greenhouse-gas emissions of each chain
 * element and of the whole chain, in kg CO2e, split into well-to-tank, tank-to-wheel and their sum
 * well-to-wheel.
 */
public record EmissionsAnswer(List<Element> elements, Total total) {
  public EmissionsAnswer {
    elements = List.copyOf(elements);
  }

  /**
   * One leg or hub operation.
   *
   * @param index position in the chain, from 1
   * @param category the transport (TOC) or hub (HOC) operation category used
   * @param adjustedDistanceKm distance after the category's distance adjustment factor (0 for hubs)
   * @param factorIds every factor used, for audit
   * @param dataKind {@code default} (factor table), {@code primary} (carrier data), ...
   * @param wtwRangeKg low and high WTW from the factor's range
   */
  public record Element(
      int index,
      String label,
      boolean hub,
      String category,
      double distanceKm,
      double adjustedDistanceKm,
      double massT,
      double teu,
      double wttKg,
      double ttwKg,
      double wtwKg,
      List<String> factorIds,
      String source,
      String dataKind,
      List<Double> wtwRangeKg) {}

  /** Sums over the chain; the range sums the elements' low and high ends. */
  public record Total(double wttKg, double ttwKg, double wtwKg, List<Double> wtwRangeKg) {}
}
