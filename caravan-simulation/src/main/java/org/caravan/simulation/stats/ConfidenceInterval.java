package org.caravan.simulation.stats;

/**
 * A two-sided confidence interval {@code mean ± halfWidth} at level {@code confidence}, from {@code
 * batches} batch means. {@code halfWidth} is NaN when fewer than two batches were complete.
 */
public record ConfidenceInterval(double mean, double halfWidth, double confidence, int batches) {
  /** The lower bound. */
  public double lower() {
    return mean - halfWidth;
  }

  /** The upper bound. */
  public double upper() {
    return mean + halfWidth;
  }

  /** True if {@code value} lies in the closed interval. */
  public boolean contains(double value) {
    return value >= lower() && value <= upper();
  }
}
