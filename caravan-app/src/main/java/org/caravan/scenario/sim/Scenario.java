package org.caravan.scenario.sim;

import java.time.LocalDate;

/**
 * A validated scenario: the parsed file plus its run settings, which the command line may override. Every
 * field of {@link #file()} has passed the loader's checks, so the model builder only applies defaults.
 * Immutable.
 *
 * @param horizonDays measured days after the warm-up (the run lasts warm-up plus horizon)
 */
public record Scenario(ScenarioFile file, String name, LocalDate startDate, double horizonDays, double warmupDays,
    int replications, long seed) {

  /** This scenario with a different horizon in years of 365 days. */
  public Scenario withYears(double years) {
    if (!(years > 0)) {
      throw new org.caravan.scenario.UserException("--years", "--years must be > 0, got " + years);
    }
    return new Scenario(file, name, startDate, years * 365, warmupDays, replications, seed);
  }

  /** This scenario with a different number of replications. */
  public Scenario withReplications(int n) {
    if (n < 1) {
      throw new org.caravan.scenario.UserException("--replications", "--replications must be >= 1, got " + n);
    }
    return new Scenario(file, name, startDate, horizonDays, warmupDays, n, seed);
  }

  /** This scenario with a different seed. */
  public Scenario withSeed(long s) {
    return new Scenario(file, name, startDate, horizonDays, warmupDays, replications, s);
  }
}
