package org.caravan.simulation.random;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An empirical discrete distribution: {@code values[i]} with probability proportional to
 * {@code weights[i]}, e.g. observed dwell days at a border. Sampling is O(1) with Walker's alias method
 * in Vose's numerically stable form (M. D. Vose, IEEE TSE 17(9), 1991): one uniform picks a column and
 * compares against its cut-off. Immutable.
 */
public final class Discrete implements Distribution {
  private final double[] values;
  private final double[] cutoff;
  private final int[] alias;
  private final double mean;
  private final double variance;

  /**
   * Creates the distribution. Arrays are copied.
   *
   * @param values the outcomes
   * @param weights non-negative weights, same length, positive sum
   */
  public Discrete(double[] values, double[] weights) {
    int n = values.length;
    if (n == 0 || weights.length != n) {
      throw new IllegalArgumentException("need equal, non-zero lengths, got " + n + ", " + weights.length);
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum");
    }
    this.values = values.clone();
    this.cutoff = new double[n];
    this.alias = new int[n];
    double m = 0;
    double m2 = 0;
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      double p = weights[i] / total;
      m += p * values[i];
      m2 += p * values[i] * values[i];
      scaled[i] = p * n;
    }
    this.mean = m;
    this.variance = Math.max(0, m2 - m * m);
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      cutoff[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    // Whatever is left has probability 1 up to rounding.
    while (nl > 0) {
      int l = large[--nl];
      cutoff[l] = 1;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      cutoff[s] = 1;
      alias[s] = s;
    }
  }

  /** Draws the index of an outcome. O(1), no allocation. */
  public int sampleIndex(RandomGenerator rng) {
    double u = rng.nextDouble() * values.length;
    int i = (int) u;
    return (u - i) < cutoff[i] ? i : alias[i];
  }

  @Override
  public double sample(RandomGenerator rng) {
    return values[sampleIndex(rng)];
  }

  @Override
  public double mean() {
    return mean;
  }

  @Override
  public double variance() {
    return variance;
  }

  /** The outcomes, copied. */
  public double[] values() {
    return Arrays.copyOf(values, values.length);
  }
}
