package org.caravan.simulation.random;

import java.util.random.RandomGenerator;

/**
 * Exponential distribution with the given mean (rate {@code 1/mean}), the inter-arrival time of a Poisson
 * process. Sampled with the JDK's ziggurat-style {@link RandomGenerator#nextExponential()}, which avoids a
 * logarithm on most draws.
 */
public record Exponential(double mean) implements Distribution {
  public Exponential {
    if (!(mean > 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("mean must be > 0 and finite, got " + mean);
    }
  }

  /** The distribution with rate {@code rate} per unit time. */
  public static Exponential ofRate(double rate) {
    return new Exponential(1.0 / rate);
  }

  @Override
  public double sample(RandomGenerator rng) {
    return rng.nextExponential() * mean;
  }

  @Override
  public double variance() {
    return mean * mean;
  }
}
