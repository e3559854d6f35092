package org.caravan.simulation.random;

import java.util.random.RandomGenerator;

/**
 * A probability distribution of a non-negative duration or amount in model units, sampled with a
 * caller's stream. Implementations are immutable and thread-safe; {@link #sample} does not
 * allocate.
 */
public sealed interface Distribution permits LogNormal, Triangular, Constant {
  /** Draws one value from {@code rng}. Performance: a few nanoseconds, no allocation. */
  double sample(RandomGenerator rng);

  /** The exact mean. */
  double mean();

  /** The exact variance. */
  double variance();
}
