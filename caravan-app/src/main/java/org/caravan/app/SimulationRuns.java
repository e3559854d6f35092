package org.caravan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.caravan.network.io.SafeOutput;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.scenario.sim.SimulationOutput;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.simulation.model.MmcModel;

/**
 * Simulation runs: load a scenario (a file, a built-in name or uploaded text), run its
 * replications, and present the result as files, a summary table, the summary JSON or the web app's
 * results document. A run is cancelled by throwing from the progress callback: the run stops after
 * the replication in hand. Thread-safe.
 */
public final class SimulationRuns {
  /** The built-in scenario run when none is named. */
  public static final String DEFAULT_SCENARIO = ScenarioLoader.DEFAULT;

  private final Caravan caravan;
  private final SimulationService service;

  SimulationRuns(Caravan caravan) {
    this.caravan = caravan;
    this.service = new SimulationService(caravan);
  }

  /**
   * A scenario file or built-in scenario name.
   *
   * @throws org.caravan.scenario.UserException naming the field (and line) at fault
   */
  public Scenario load(String fileOrName) {
    return service.load(fileOrName);
  }

  /**
   * A scenario given as YAML text; {@code defaultName} names it when the text has no {@code name}.
   */
  public Scenario parse(String yaml, String defaultName) {
    return ScenarioLoader.parse(yaml, defaultName, caravan);
  }

  /** The built-in default scenario. */
  public Scenario loadDefault() {
    return ScenarioLoader.loadResource(DEFAULT_SCENARIO, caravan);
  }

  /**
   * Runs the scenario's replications.
   *
   * @param threads worker threads (the result does not depend on it)
   * @param progress called with the number of replications done; throwing from it cancels the run
   */
  public SimulationService.Run run(Scenario sc, int threads, IntConsumer progress) {
    return service.run(sc, threads, progress);
  }

  /**
   * Runs the scenario on all cores and writes the result files into {@code out}, a new or empty
   * folder or, with {@code force}, a previous output (see {@link SafeOutput}); the folder is
   * checked before the run.
   *
   * @throws UserException for an unusable {@code out} (field {@code out}), before or after the run
   */
  public SimulationService.Run runAndWrite(
      Scenario sc, Path out, boolean force, IntConsumer progress) {
    try {
      return service.runAndWrite(sc, out, force, progress);
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
  }

  /** The summary as JSON text, as {@code summary.json} holds it. */
  public String summaryJson(SimulationService.Run run) {
    return SimulationOutput.summaryJson(run.scenario(), run.model(), run.result());
  }

  /** The summary table {@code caravan simulate} prints. */
  public String summaryTable(SimulationService.Run run, Path dir, double wall_s) {
    return SimulationOutput.summaryTable(run, dir, wall_s);
  }

  /**
   * The summary with transit histograms, the resource table and queue series: the web app's
   * results.
   */
  public ObjectNode resultsDocument(SimulationService.Run run) {
    return SimulationResults.results(run);
  }

  /**
   * The M/M/c reference benchmark (utilisation 0.9): one line in the format of the SimPy peer
   * script.
   *
   * @param customers customers to simulate, &gt; 0
   * @param servers number of servers c, &gt; 0
   */
  public static String mmcBenchmark(long customers, int servers, long seed) {
    return MmcModel.run(customers, servers, seed).line();
  }
}
