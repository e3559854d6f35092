package org.caravan.scenario.sim;

import java.time.Instant;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;

/**
 * A loaded scenario: its run settings, which a front end may override, and the {@link
 * ResolvedScenario model} with every default applied and every name resolved. Times are an {@link
 * Instant} and seconds; front ends format them. Immutable.
 *
 * @param start simulated time zero (midnight UTC of the file's {@code start_date})
 * @param horizon_s measured seconds after the warm-up (the run lasts warm-up plus horizon)
 * @param warmup_s seconds simulated before measuring starts
 */
public record Scenario(
    String name,
    Instant start,
    long horizon_s,
    long warmup_s,
    int replications,
    long seed,
    ResolvedScenario model) {
  private static final double S_PER_DAY = 86_400;

  /** The horizon in days, for display. */
  public double horizonDays() {
    return horizon_s / S_PER_DAY;
  }

  /** The warm-up in days, for display. */
  public double warmupDays() {
    return warmup_s / S_PER_DAY;
  }

  /** This scenario with a different horizon in years of 365 days. */
  public Scenario withYears(double years) {
    if (!(years > 0)) {
      throw new UserException(
          ErrorCode.INVALID_VALUE, "years", "{years} must be > 0, got " + years);
    }
    return new Scenario(
        name, start, Math.round(years * 365 * S_PER_DAY), warmup_s, replications, seed, model);
  }

  /** This scenario with a different number of replications. */
  public Scenario withReplications(int n) {
    if (n < 1) {
      throw new UserException(
          ErrorCode.INVALID_VALUE, "replications", "{replications} must be >= 1, got " + n);
    }
    return new Scenario(name, start, horizon_s, warmup_s, n, seed, model);
  }

  /** This scenario with a different seed. */
  public Scenario withSeed(long s) {
    return new Scenario(name, start, horizon_s, warmup_s, replications, s, model);
  }
}
