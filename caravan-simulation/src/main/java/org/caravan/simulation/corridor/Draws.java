package org.caravan.simulation.corridor;

import java.util.SplittableRandom;
import org.caravan.simulation.random.Constant;
import org.caravan.simulation.random.Distribution;
import org.caravan.simulation.random.LogNormal;

/**
 * The corridor model's random draws: durations from (mean, sd), truncated normal delays and Poisson
 * counts. No allocation per draw.
 */
final class Draws {
  private Draws() {}

  /**
   * A duration distribution: constant 0 for a non-positive mean, log-normal with a spread, else
   * constant.
   */
  static Distribution dist(double mean, double sd) {
    if (mean <= 0) {
      return new Constant(0);
    }
    return sd > 0 ? LogNormal.ofMeanSd(mean, sd) : new Constant(mean);
  }

  /** One draw of {@code d} rounded to whole ticks (seconds). */
  static long delayTicks(Distribution d, SplittableRandom rng) {
    return Math.round(d.sample(rng));
  }

  /** Poisson draw: Knuth's product method below 30, else a rounded normal approximation. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = Math.exp(-mean);
      double p = rng.nextDouble();
      int k = 0;
      while (p > limit) {
        p *= rng.nextDouble();
        k++;
      }
      return k;
    }
    return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
  }

  /**
   * One draw of a normal distribution of {@code mean} and {@code sd} truncated at 0 (drawn again
   * while negative; at least every second draw is kept as the mean is not negative), rounded to
   * whole ticks.
   */
  static long truncatedNormalTicks(SplittableRandom rng, double mean, double sd) {
    double x;
    do {
      x = mean + sd * gaussian(rng);
    } while (x < 0);
    return Math.round(x);
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
