package org.caravan.emissions;

/**
 * The intensity of one leg's TOC over its countries, with the distance adjustment factor (1 when
 * the factor is on the same distance basis as the leg), ready to multiply by mass and distance.
 * Routing can compute it once per link and reuse it for every query.
 *
 * @param wtwLow_g_per_tkm low end of the WTW intensity range
 * @param wtwHigh_g_per_tkm high end of the WTW intensity range
 */
public record LegIntensity(
    double wtt_g_per_tkm,
    double ttw_g_per_tkm,
    double daf,
    double wtwLow_g_per_tkm,
    double wtwHigh_g_per_tkm) {

  /** An intensity without a range (primary data). */
  public LegIntensity(double wtt_g_per_tkm, double ttw_g_per_tkm, double daf) {
    this(
        wtt_g_per_tkm,
        ttw_g_per_tkm,
        daf,
        wtt_g_per_tkm + ttw_g_per_tkm,
        wtt_g_per_tkm + ttw_g_per_tkm);
  }

  /** Well-to-wheel intensity in g CO2e per tonne-km of adjusted distance. */
  public double wtw_g_per_tkm() {
    return wtt_g_per_tkm + ttw_g_per_tkm;
  }

  /** WTW grams for a consignment over an SFD distance; no allocation. */
  public double co2eWtw_g(double distance_km, double mass_t) {
    return mass_t * distance_km * daf * (wtt_g_per_tkm + ttw_g_per_tkm);
  }
}
