package org.caravan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; subcommands do the work. */
@Command(
    name = "caravan",
    mixinStandardHelpOptions = true,
    version = "caravan 0.1.0",
    description = "Plan and simulate freight on the Eurasian trade corridors.",
    subcommands = {CommandLine.HelpCommand.class})
public final class CaravanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns the exit code: 0 ok, 1 user error, 2 internal error. */
  public static int execute(String... args) {
    return new CommandLine(new CaravanCommand()).execute(args);
  }
}
