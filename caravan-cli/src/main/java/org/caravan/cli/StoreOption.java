package org.caravan.cli;

import java.util.Optional;
import org.caravan.app.TrackingService;
import picocli.CommandLine.Option;

/**
 * {@code --store}: the results store (a DuckDB file or a JDBC URL) that {@code track}, {@code
 * serve} (its tracking endpoints) and the studies read and write; one mixin so the flag and its
 * default are spelled once.
 */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "PATH|JDBC-URL",
      description =
          "Results store: a DuckDB file or a JDBC URL (default "
              + TrackingService.DEFAULT_STORE
              + ").")
  Optional<String> store = Optional.empty();
}
