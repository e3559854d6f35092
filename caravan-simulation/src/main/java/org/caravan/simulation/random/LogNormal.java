package org.caravan.simulation.random;

import java.util.random.RandomGenerator;

/**
 * Log-normal distribution: {@code exp(mu + sigma Z)} with Z standard normal. Dwell and transit
 * times are skewed to the right, which this models with two parameters; published figures give
 * either a median and a spread ({@link #ofMedian}) or a mean and a standard deviation ({@link
 * #ofMeanSd}).
 *
 * @param mu mean of the logarithm
 * @param sigma standard deviation of the logarithm, 0 or more
 */
public record LogNormal(double mu, double sigma) implements Distribution {
  public LogNormal {
    if (!(sigma >= 0) || Double.isInfinite(sigma) || !Double.isFinite(mu)) {
      throw new IllegalArgumentException("need finite mu and sigma >= 0, got " + mu + ", " + sigma);
    }
  }

  /** The distribution with median {@code median} (> 0) and log-standard-deviation {@code sigma}. */
  public static LogNormal ofMedian(double median, double sigma) {
    if (!(median > 0)) {
      throw new IllegalArgumentException("median must be > 0, got " + median);
    }
    return new LogNormal(Math.log(median), sigma);
  }

  /**
   * The distribution with mean {@code mean} (> 0) and standard deviation {@code sd} (0 or more):
   * {@code sigma² = ln(1 + sd²/mean²)}, {@code mu = ln(mean) - sigma²/2}.
   */
  public static LogNormal ofMeanSd(double mean, double sd) {
    if (!(mean > 0) || !(sd >= 0)) {
      throw new IllegalArgumentException("need mean > 0 and sd >= 0, got " + mean + ", " + sd);
    }
    double s2 = Math.log1p((sd * sd) / (mean * mean));
    return new LogNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
  }

  @Override
  public double sample(RandomGenerator rng) {
    return Math.exp(mu + sigma * rng.nextGaussian());
  }

  @Override
  public double mean() {
    return Math.exp(mu + sigma * sigma / 2);
  }

  @Override
  public double variance() {
    double s2 = sigma * sigma;
    return Math.expm1(s2) * Math.exp(2 * mu + s2);
  }

  /** The median, {@code exp(mu)}. */
  public double median() {
    return Math.exp(mu);
  }
}
