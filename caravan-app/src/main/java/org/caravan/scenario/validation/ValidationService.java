package org.caravan.scenario.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.SimulationService;

/**
 * Runs the default scenario (or another) and validates it against the targets: the entry point of
 * {@code caravan validate} and of the tests. Thread-safe (no state beyond the Caravan).
 */
public final class ValidationService {
  /** The command that regenerates docs/VALIDATION.md, printed in its header. */
  public static final String DOC_COMMAND = "./caravan validate --doc docs/VALIDATION.md";

  /**
   * A validation with the simulation run it was computed from.
   *
   * @param waits the wait table the router used in this validation
   */
  public record Outcome(
      Validator.Result result, SimulationService.Run run, List<WaitTable.Row> waits) {}

  private final Caravan caravan;

  public ValidationService(Caravan caravan) {
    this.caravan = caravan;
  }

  /**
   * Validates a scenario.
   *
   * @param targets a target file, or empty for the built-in {@code data/validation/targets.csv}
   */
  public Outcome validate(
      Scenario scenario, Optional<Path> targets, int threads, IntConsumer progress) {
    List<Target> ts = TargetTable.load(targets, caravan);
    SimulationService.Run run = new SimulationService(caravan).run(scenario, threads, progress);
    Validator v = new Validator(caravan, WaitTable.defaultRows());
    return new Outcome(v.validate(ts, run), run, List.of());
  }

  /**
   * Measures the waits the router should read and validates with them: the simulation assigns its
   * flows with the nominal router, so the run (and the table) depend on the scenario alone; the
   * router of the validation then reads the measured table, as the default network will once the
   * table is committed.
   */
  public Outcome validateWithMeasuredWaits(
      Scenario scenario, Optional<Path> targets, int threads, IntConsumer progress) {
    List<Target> ts = TargetTable.load(targets, caravan);
    SimulationService.Run run = new SimulationService(caravan).run(scenario, threads, progress);
    List<WaitTable.Row> table = WaitTable.measure(run, caravan.network());
    Caravan c = caravan.withWaits(WaitTable.waits(table, caravan.network()));
    return new Outcome(new Validator(c, Optional.of(table)).validate(ts, run), run, table);
  }
}
