package org.caravan.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.caravan.scenario.sim.Scenario;
import picocli.CommandLine.Option;

/**
 * {@code --years} and {@code --replications}: what the commands that run a scenario (simulate,
 * validate) let the user change in it, as a mixin, so both flags mean the same everywhere.
 */
final class ScenarioOverrides {
  @Option(
      names = "--years",
      paramLabel = "Y",
      description = "Measured years after the warm-up (default: the scenario's horizon_days).")
  Optional<Double> years = Optional.empty();

  @Option(
      names = "--replications",
      paramLabel = "N",
      description = "Number of replications (default: the scenario's).")
  Optional<Integer> replications = Optional.empty();

  /** The scenario with the given overrides applied. */
  Scenario apply(Scenario sc) {
    Scenario s = years.map(sc::withYears).orElse(sc);
    return replications.map(s::withReplications).orElse(s);
  }

  /**
   * {@code --targets}: the published-target table that validate and calibrate compare the model
   * with.
   */
  static final class Targets {
    @Option(
        names = "--targets",
        paramLabel = "FILE",
        description = "Target table (default: the built-in one).")
    Optional<Path> file = Optional.empty();
  }
}
