package org.caravan.cli;

import java.util.concurrent.Callable;
import org.caravan.app.SimulationRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caravan bench mmc}: runs the M/M/c reference model (utilisation 0.9) and prints one line
 * in the format of the SimPy peer script {@code shared/bench/simpy_mmc.py}, so the two can be
 * compared side by side. Exit code 0 on success, 1 on bad options.
 */
@Command(
    name = "mmc",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the M/M/c benchmark (arrival rate 0.9*c, service rate 1, FIFO) and prints",
      "customers=N wall_s=T customers_per_s=R mean_wait=W, like the SimPy peer script."
    })
public final class BenchMmcCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--customers",
      defaultValue = "1000000",
      description = "customers to simulate (default ${DEFAULT-VALUE})")
  long customers;

  @Option(
      names = "--servers",
      defaultValue = "1",
      description = "number of servers c (default ${DEFAULT-VALUE})")
  int servers;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (customers <= 0 || servers <= 0) {
      spec.commandLine()
          .getErr()
          .println(
              "caravan bench mmc: --customers and --servers must be > 0, got customers="
                  + customers
                  + " servers="
                  + servers);
      return 1;
    }
    spec.commandLine().getOut().println(SimulationRuns.mmcBenchmark(customers, servers, seed));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
