package org.caravan.emissions;

/**
 * Greenhouse-gas emissions of one chain element or a whole chain, in grams CO2e, split into the
 * well-to-tank and tank-to-wheel parts. Well-to-wheel is derived, so WTW = WTT + TTW holds by
 * construction. Immutable.
 */
public record Emissions(double wtt_g, double ttw_g) {
  public static final Emissions ZERO = new Emissions(0, 0);

  public Emissions {
    if (!Double.isFinite(wtt_g) || !Double.isFinite(ttw_g)) {
      throw new IllegalArgumentException(
          "emissions must be finite, were " + wtt_g + " and " + ttw_g);
    }
  }

  /** Well-to-wheel emissions in grams CO2e: WTT + TTW. */
  public double wtw_g() {
    return wtt_g + ttw_g;
  }

  public Emissions plus(Emissions other) {
    return new Emissions(wtt_g + other.wtt_g, ttw_g + other.ttw_g);
  }
}
