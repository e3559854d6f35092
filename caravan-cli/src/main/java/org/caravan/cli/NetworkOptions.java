package org.caravan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caravan.app.CaravanApp;
import picocli.CommandLine.Option;

/** {@code --overlay DIR}: network files applied on top of the built-in network. */
final class NetworkOptions {
  @Option(
      names = "--overlay",
      paramLabel = "DIR|FILE",
      description = "Network files to apply on top of the built-in network (repeatable).")
  List<Path> overlays = new ArrayList<>();

  CaravanApp open() {
    return CaravanApp.open(overlays);
  }
}
