package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.caravan.app.SimulationRuns;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caravan simulate [SCENARIO.yaml]}: runs a corridor scenario's replications on all cores, prints a
 * summary table (or the summary JSON with {@code --json}) and writes the result files to
 * {@code out/simulate-<scenario>} or {@code --out DIR}. A progress bar is drawn on stderr when a terminal
 * is attached. Scenario errors exit 1 with one line naming the field.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates freight on the corridors for a scenario (default: the built-in default-2024).",
      "Writes summary.json, kpis.csv, transit.csv, resources.csv, bottlenecks.csv, queues.csv, flows.csv and",
      "replications.csv to DIR. Format of scenario files and outputs: docs/SIMULATION.md."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
      description = "Scenario file, or the name of a built-in scenario (default ${DEFAULT-VALUE}).",
      defaultValue = SimulationRuns.DEFAULT_SCENARIO)
  String scenario;

  @Option(names = "--years", paramLabel = "Y", description = "Measured years after the warm-up (overrides horizon_days).")
  Optional<Double> years = Optional.empty();

  @Option(names = "--replications", paramLabel = "N", description = "Number of replications (overrides the file).")
  Optional<Integer> replications = Optional.empty();

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (overrides the file).")
  Optional<Long> seed = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/simulate-<scenario>).")
  Optional<Path> out = Optional.empty();

  @Option(names = "--json", description = "Print the summary as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    SimulationRuns service = network.open().simulations();
    Scenario sc = service.load(scenario);
    if (years.isPresent()) {
      sc = sc.withYears(years.get());
    }
    if (replications.isPresent()) {
      sc = sc.withReplications(replications.get());
    }
    if (seed.isPresent()) {
      sc = sc.withSeed(seed.get());
    }
    Path dir = out.orElse(Path.of("out", "simulate-" + sc.name()));
    IntConsumer progress = System.console() != null ? new ProgressBar(sc.replications()) : done -> {};
    long t0 = System.nanoTime();
    SimulationService.Run run = service.runAndWrite(sc, dir, progress);
    double wall_s = (System.nanoTime() - t0) / 1e9;
    if (progress instanceof ProgressBar pb) {
      pb.finish();
    }
    if (json) {
      stdout.print(service.summaryJson(run));
    } else {
      stdout.print(service.summaryTable(run, dir, wall_s));
    }
    stdout.flush();
    return 0;
  }

  /** A one-line progress bar on stderr, redrawn with a carriage return. */
  private static final class ProgressBar implements IntConsumer {
    private final int total;
    private final long start = System.nanoTime();

    ProgressBar(int total) {
      this.total = total;
    }

    @Override
    public void accept(int done) {
      int width = 30;
      int filled = (int) ((long) width * done / total);
      double s = (System.nanoTime() - start) / 1e9;
      System.err.printf(Locale.ROOT, "\rsimulating [%s%s] %d/%d replications %.1f s", "#".repeat(filled),
          " ".repeat(width - filled), done, total, s);
      System.err.flush();
    }

    void finish() {
      System.err.println();
    }
  }
}
