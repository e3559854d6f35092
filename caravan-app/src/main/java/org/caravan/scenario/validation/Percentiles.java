package org.caravan.scenario.validation;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** Percentiles the validation compares published figures with. */
final class Percentiles {
  private Percentiles() {}

  /** The median of the values. */
  static double median(double[] v) {
    return of(v, 50);
  }

  /** The {@code p}th percentile (nearest rank) of the values; NaN for none. */
  static double of(double[] v, double p) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int k = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, k))];
  }

  /**
   * The {@code p}th percentile of an equal-weight mixture of normal distributions (one per
   * departure: the route's mean transit and its spread, the router's own normal approximation of
   * {@link org.caravan.routing.Route#p95TransitDays()}), by bisection on the mixture's distribution
   * function. With no spread it is the percentile of the means.
   */
  static double ofMixture(double[] mean, double[] sd, double p) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < mean.length; i++) {
      lo = Math.min(lo, mean[i] - 8 * sd[i]);
      hi = Math.max(hi, mean[i] + 8 * sd[i]);
    }
    double target = p / 100.0;
    for (int it = 0; it < 100 && hi - lo > 1e-9; it++) {
      double mid = (lo + hi) / 2;
      double f = 0;
      for (int i = 0; i < mean.length; i++) {
        f +=
            sd[i] > 0
                ? NORMAL.cumulativeProbability((mid - mean[i]) / sd[i])
                : mid >= mean[i] ? 1 : 0;
      }
      if (f / mean.length < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
}
