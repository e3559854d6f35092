package org.caravan.network.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a JDBC store is (the study store and the tracking store share the rule): a {@code jdbc:}
 * URL as given (PostgreSQL, or {@code jdbc:duckdb:FILE}), else a DuckDB file path.
 */
public final class StoreLocations {
  private StoreLocations() {}

  /**
   * The JDBC URL of {@code location}; for a file path, its parent folders are created first.
   *
   * @throws IOException when the folder of a file path cannot be created
   */
  public static String jdbcUrl(String location) throws IOException {
    if (location.startsWith("jdbc:")) {
      return location;
    }
    Path p = Path.of(location).toAbsolutePath();
    Files.createDirectories(p.getParent());
    return "jdbc:duckdb:" + p;
  }
}
