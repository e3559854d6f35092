package org.caravan.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code caravan aot-train} (hidden): the training run the launcher records a JDK 25 AOT cache from
 * (JEP 483/514/515: {@code -XX:AOTCacheOutput}). It runs the common commands in-process with their
 * output discarded, so the cache holds the classes, linkage and method profiles of places, route,
 * network and emissions start-up, not only those of whichever command happened to run first.
 */
@Command(
    name = "aot-train",
    hidden = true,
    description = "Training run for the start-up cache (used by ./caravan).")
final class AotTrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    String[][] runs = {
      {"places", "Baku"},
      {"places", "--json", "Duisburg"},
      {"network", "info"},
      {"route", "Xian", "Duisburg"},
      {"route", "Xian", "Duisburg", "--json", "--avoid-country", "RU,BY"},
      {"--help"}
    };
    int failed = 0;
    for (String[] args : runs) {
      failed += CaravanCommand.execute(sink, sink, args) == 0 ? 0 : 1;
    }
    return failed == 0 ? 0 : 2;
  }
}
