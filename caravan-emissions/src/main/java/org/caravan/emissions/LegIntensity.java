package org.caravan.emissions;

/**
 * The intensity of one leg's TOC over its countries, with the distance adjustment factor, ready to
 * multiply by mass and distance. Routing can compute it once per link and reuse it for every query.
 */
public record LegIntensity(double wtt_g_per_tkm, double ttw_g_per_tkm, double daf) {
  /** Well-to-wheel intensity in g CO2e per tonne-km of adjusted distance. */
  public double wtw_g_per_tkm() {
    return wtt_g_per_tkm + ttw_g_per_tkm;
  }

  /** WTW grams for a consignment over an SFD distance; no allocation. */
  public double co2eWtw_g(double distance_km, double mass_t) {
    return mass_t * distance_km * daf * (wtt_g_per_tkm + ttw_g_per_tkm);
  }
}
