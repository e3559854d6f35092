package org.caravan.scenario.sim;

import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.caravan.network.io.SafeOutput;
import org.caravan.scenario.Caravan;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorRunner;

/**
 * Runs a scenario: builds the model once, runs its replications on all cores and, if asked, writes
 * the result files. The entry point for the CLI, the validation report and tests. Thread-safe (no
 * state beyond the Caravan).
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
   * @throws org.caravan.scenario.UserException when the run's estimated events exceed {@link
   *     ScenarioLimits#MAX_EVENTS}
   */
  public Run run(Scenario sc, int threads, IntConsumer progress) {
    ScenarioLimits.checkCost(sc, ScenarioLimits.MAX_EVENTS);
    ModelBuilder.Built built = new ModelBuilder(caravan).build(sc);
    CorridorResult r =
        CorridorRunner.run(built.spec(), sc.replications(), sc.seed(), threads, progress);
    return new Run(sc, built, r);
  }

  /** Runs the scenario on all cores and writes the files to a new or empty folder {@code out}. */
  public Run runAndWrite(Scenario sc, Path out, IntConsumer progress) {
    return runAndWrite(sc, out, false, progress);
  }

  /**
   * Runs the scenario on all cores and writes the files to {@code out}. The target is checked (and
   * its staging folder created) before the run, so an unusable {@code --out} fails in a moment, not
   * after the run.
   *
   * @param force replace a previous Caravan output in {@code out} (only the files its manifest
   *     lists)
   */
  public Run runAndWrite(Scenario sc, Path out, boolean force, IntConsumer progress) {
    SafeOutput.Folder target = SafeOutput.folder(out, force, "{out}");
    Run run;
    try {
      run = run(sc, Runtime.getRuntime().availableProcessors(), progress);
    } catch (RuntimeException | Error e) {
      target.abort();
      throw e;
    }
    SimulationOutput.write(target, sc, run.model(), run.result());
    return run;
  }
}
