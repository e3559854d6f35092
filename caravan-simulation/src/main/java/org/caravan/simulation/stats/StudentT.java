package org.caravan.simulation.stats;

/** Quantiles of Student's t distribution, for confidence intervals from a few batch means. */
public final class StudentT {
  private StudentT() {}

  /**
   * {@code P(|T| < t)} for T with {@code dof} degrees of freedom: the exact finite series of
   * Abramowitz and Stegun 26.7.3–26.7.4 (integer dof), with {@code θ = atan(t/√dof)}. O(dof).
   *
   * @param t 0 or more
   * @param dof 1 or more
   */
  public static double twoSidedProbability(double t, int dof) {
    if (dof < 1) {
      throw new IllegalArgumentException("dof must be >= 1, got " + dof);
    }
    double theta = Math.atan(Math.abs(t) / Math.sqrt(dof));
    double s = Math.sin(theta);
    double c2 = Math.cos(theta) * Math.cos(theta);
    if (dof % 2 == 0) {
      // sinθ (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + … up to cos^(dof-2)θ)
      double term = 1;
      double sum = 1;
      for (int k = 2; k <= dof - 2; k += 2) {
        term *= c2 * (k - 1) / k;
        sum += term;
      }
      return s * sum;
    }
    if (dof == 1) {
      return 2 * theta / Math.PI;
    }
    // 2/π (θ + sinθ cosθ (1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + … up to cos^(dof-3)θ))
    double term = 1;
    double sum = 1;
    for (int k = 2; k <= dof - 3; k += 2) {
      term *= c2 * k / (k + 1);
      sum += term;
    }
    return 2 / Math.PI * (theta + s * Math.cos(theta) * sum);
  }

  /**
   * The {@code t} with {@code P(|T| < t) = confidence}, e.g. 2.861 for 99 % and 19 dof. Found by
   * bisection to a relative accuracy of about 1e-12.
   *
   * @param confidence in (0, 1)
   * @param dof 1 or more
   */
  public static double twoSidedQuantile(double confidence, int dof) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double lo = 0;
    double hi = 1;
    while (twoSidedProbability(hi, dof) < confidence) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (twoSidedProbability(mid, dof) < confidence) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
