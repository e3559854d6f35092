package org.caravan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caravan.scenario.UserException;

/**
 * Where a results store is (docs/STUDIES.md, docs/TRACKING.md): the one home of the rule the study
 * store and the tracking store share, since both live in the same database. A {@code jdbc:} URL
 * (PostgreSQL, or {@code jdbc:duckdb:FILE}) is used as given; anything else is a DuckDB file path
 * whose parent folders are created; empty is {@link StudyService#DEFAULT_STORE}.
 *
 * @param given the location as the user gave it, for messages
 * @param jdbcUrl the URL the store connects to
 */
record StoreLocation(String given, String jdbcUrl) {

  /**
   * Resolves a location, creating the folder of a DuckDB file.
   *
   * @throws UserException (field {@code store}) when the folder cannot be created
   */
  static StoreLocation of(Optional<String> location) {
    String given = location.orElse(StudyService.DEFAULT_STORE);
    if (given.startsWith("jdbc:")) {
      return new StoreLocation(given, given);
    }
    Path p = Path.of(given).toAbsolutePath();
    try {
      Files.createDirectories(p.getParent());
    } catch (IOException e) {
      throw new UserException(
          "store", "cannot create the folder of store " + given + ": " + e.getMessage());
    }
    return new StoreLocation(given, "jdbc:duckdb:" + p);
  }
}
