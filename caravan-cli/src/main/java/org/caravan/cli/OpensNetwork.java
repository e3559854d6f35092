package org.caravan.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that open the network: {@code --help}/{@code --version}, {@code --overlay}
 * and the command's spec (for its output streams). Picocli reads the annotated fields and the
 * {@code @Command} attributes of superclasses, so a subclass declares only what is its own.
 */
@Command(mixinStandardHelpOptions = true)
abstract class OpensNetwork {
  @Spec CommandSpec spec;
  @Mixin NetworkOptions network;

  /** The command's standard output. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
