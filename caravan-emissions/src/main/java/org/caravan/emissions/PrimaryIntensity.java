package org.caravan.emissions;

import java.util.List;

/**
 * An operator's own emission intensity for a transport operation category (ISO 14083 primary data),
 * already converted to grams CO2e per tonne-km. Fuel use given in litres, kilograms or kWh per
 * tonne-km is converted with the fuel factors when it is read. Electricity use stays in kWh per
 * tonne-km, because its intensity depends on the grids of the countries each leg runs through.
 *
 * @param wtt_g_per_tkm well-to-tank part from fuels (or a stated intensity)
 * @param ttw_g_per_tkm tank-to-wheel part
 * @param electricity_kWh_per_tkm electricity drawn per tonne-km, charged at the leg's grids as WTT
 * @param source who supplied the data and where, printed on every leg that uses it
 * @param factorIds ids of the fuel factors used in the conversion (empty for a stated intensity)
 */
public record PrimaryIntensity(
    double wtt_g_per_tkm,
    double ttw_g_per_tkm,
    double electricity_kWh_per_tkm,
    String source,
    List<String> factorIds) {
  public PrimaryIntensity {
    requireNonNegative("wtt_g_per_tkm", wtt_g_per_tkm);
    requireNonNegative("ttw_g_per_tkm", ttw_g_per_tkm);
    requireNonNegative("electricity_kWh_per_tkm", electricity_kWh_per_tkm);
    factorIds = List.copyOf(factorIds);
  }

  /** A stated intensity with no fuel conversion. */
  public static PrimaryIntensity of(double wtt_g_per_tkm, double ttw_g_per_tkm, String source) {
    return new PrimaryIntensity(wtt_g_per_tkm, ttw_g_per_tkm, 0, source, List.of());
  }

  private static void requireNonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
    }
  }
}
