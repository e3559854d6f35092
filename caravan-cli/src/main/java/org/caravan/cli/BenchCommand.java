package org.caravan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code caravan bench ...}: benchmark commands whose output is compared with peer programs. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (see docs/BENCHMARKS.md).",
    subcommands = {BenchMmcCommand.class})
final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
