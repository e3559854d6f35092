package org.caravan.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.caravan.app.SimulationRuns;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLimits;
import org.caravan.scenario.sim.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan simulate [SCENARIO.yaml]}: runs a corridor scenario's replications on all cores,
 * prints a summary table (or the summary JSON with {@code --json}) and writes the result files to
 * {@code out/simulate-<scenario>} or {@code --out DIR}. A progress bar with an ETA is drawn on
 * stderr only when stderr is a terminal. Scenario errors exit 1 with one line naming the field.
 */
@Command(
    name = "simulate",
    description = {
      "Simulates freight on the corridors for a scenario (default: the built-in default-2024).",
      "Writes summary.json, kpis.csv, transit.csv, resources.csv, bottlenecks.csv, queues.csv, flows.csv and",
      "replications.csv to DIR. Format of scenario files and outputs: docs/SIMULATION.md."
    })
public final class SimulateCommand extends OpensNetwork implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.yaml",
      description = "Scenario file, or the name of a built-in scenario (default ${DEFAULT-VALUE}).",
      defaultValue = SimulationRuns.DEFAULT_SCENARIO)
  String scenario;

  @Mixin ScenarioOverrides overrides;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (overrides the file).")
  Optional<Long> seed = Optional.empty();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder, new or empty (default out/simulate-<scenario>).")
  Optional<Path> out = Optional.empty();

  @Mixin Force force;

  @Mixin Formats.TableOrJson output;

  @Override
  public Integer call() {
    PrintWriter stdout = out();
    SimulationRuns service = network.open().simulations();
    Scenario sc = overrides.apply(service.load(scenario));
    if (seed.isPresent()) {
      sc = sc.withSeed(seed.get());
    }
    ScenarioLimits.checkRun(sc);
    Path dir = out.orElse(Path.of("out", "simulate-" + sc.name()));
    long t0 = System.nanoTime();
    SimulationService.Run run;
    if (stderrIsTerminal()) {
      // Replications done, elapsed and ETA, redrawn in place on stderr; width fixed so no terminal
      // is probed.
      try (ProgressBar pb =
          new ProgressBarBuilder()
              .setTaskName("simulating")
              .setInitialMax(sc.replications())
              .setUnit(" replications", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
              .build()) {
        run = service.runAndWrite(sc, dir, force.force, pb::stepTo);
      }
    } else {
      run = service.runAndWrite(sc, dir, force.force, done -> {});
    }
    double wall_s = (System.nanoTime() - t0) / 1e9;
    if (output.json) {
      stdout.print(service.summaryJson(run));
    } else {
      stdout.print(service.summaryTable(run, dir, wall_s));
    }
    stdout.flush();
    return 0;
  }

  /**
   * Whether stderr is a terminal: the launcher tells ({@code -Dcaravan.stderr.tty}, from {@code [
   * -t 2 ]}); without it (plain {@code java -jar}) a console attached to the terminal counts.
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty("caravan.stderr.tty");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    Console c = System.console();
    return c != null && c.isTerminal();
  }
}
