package org.caravan.emissions;

/**
 * The low and high well-to-wheel CO2e of an element or chain in grams, from the low and high ends
 * of its factors' published ranges (ship size class, load factor, hub range). Bounds of a chain are
 * the sums of its elements' bounds: every leg at its low end, every leg at its high end.
 */
public record WtwRange(double low_g, double high_g) {
  public static final WtwRange ZERO = new WtwRange(0, 0);

  public WtwRange {
    if (!Double.isFinite(low_g) || !Double.isFinite(high_g) || low_g > high_g + 1e-9) {
      throw new IllegalArgumentException(
          "range must be finite with low <= high, was " + low_g + " .. " + high_g);
    }
  }

  public WtwRange plus(WtwRange o) {
    return new WtwRange(low_g + o.low_g, high_g + o.high_g);
  }

  public WtwRange times(double f) {
    return new WtwRange(low_g * f, high_g * f);
  }
}
