package org.caravan.scenario.sim;

import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.caravan.scenario.Caravan;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorRunner;

/**
 * Runs a scenario: builds the model once, runs its replications on all cores and, if asked, writes the
 * result files. The entry point for the CLI, the validation report and tests. Thread-safe (no state beyond
 * the Caravan).
 */
public final class SimulationService {
  /** A finished run: the model as built and its merged result. */
  public record Run(Scenario scenario, ModelBuilder.Built model, CorridorResult result) {}

  private final Caravan caravan;

  public SimulationService(Caravan caravan) {
    this.caravan = caravan;
  }

  /** Loads a scenario file or built-in scenario name. */
  public Scenario load(String fileOrName) {
    return ScenarioLoader.load(fileOrName, caravan);
  }

  /**
   * Runs the scenario.
   *
   * @param threads worker threads (the result does not depend on it)
   * @param progress called with the number of replications done
   */
  public Run run(Scenario sc, int threads, IntConsumer progress) {
    ModelBuilder.Built built = new ModelBuilder(caravan).build(sc);
    CorridorResult r = CorridorRunner.run(built.spec(), sc.replications(), sc.seed(), threads, progress);
    return new Run(sc, built, r);
  }

  /** Runs the scenario on all cores and writes the files to {@code out}. */
  public Run runAndWrite(Scenario sc, Path out, IntConsumer progress) {
    Run run = run(sc, Runtime.getRuntime().availableProcessors(), progress);
    SimulationOutput.write(out, sc, run.model(), run.result());
    return run;
  }
}
