package org.caravan.emissions;

import java.util.List;

/**
 * Emissions of one chain element with everything needed to audit them.
 *
 * @param index position in the chain, from 1
 * @param category the TOC or HOC id
 * @param adjustedDistance_km distance after the distance adjustment factor (0 for hubs)
 * @param factorIds every factor used, e.g. the energy factor and each country's grid factor
 * @param source short description of where the intensity came from
 * @param range low and high WTW from the factor's range (equal to WTW for primary data)
 */
public record ElementResult(
    int index,
    String label,
    boolean hub,
    String category,
    double distance_km,
    double adjustedDistance_km,
    double mass_t,
    double teu,
    Emissions emissions,
    List<String> factorIds,
    String source,
    DataKind dataKind,
    WtwRange range) {
  public ElementResult {
    factorIds = List.copyOf(factorIds);
  }
}
