package org.caravan.simulation.random;

import java.util.random.RandomGenerator;

/** A fixed value; draws nothing from the stream. */
public record Constant(double value) implements Distribution {
  @Override
  public double sample(RandomGenerator rng) {
    return value;
  }

  @Override
  public double mean() {
    return value;
  }

  @Override
  public double variance() {
    return 0;
  }
}
