package org.caravan.simulation.random;

import java.util.random.RandomGenerator;

/**
 * Triangular distribution on {@code [min, max]} with peak at {@code mode}: the usual choice when
 * only a minimum, a most likely and a maximum value are known (Law [1] §6.11). Sampled by inverting
 * the CDF.
 */
public record Triangular(double min, double mode, double max) implements Distribution {
  public Triangular {
    if (!(min <= mode && mode <= max && min < max)
        || !Double.isFinite(min)
        || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "need finite min <= mode <= max and min < max, got " + min + ", " + mode + ", " + max);
    }
  }

  @Override
  public double sample(RandomGenerator rng) {
    double u = rng.nextDouble();
    double width = max - min;
    double f = (mode - min) / width;
    if (u < f) {
      return min + Math.sqrt(u * width * (mode - min));
    }
    return max - Math.sqrt((1 - u) * width * (max - mode));
  }

  @Override
  public double mean() {
    return (min + mode + max) / 3;
  }

  @Override
  public double variance() {
    return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  }
}
