package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for where a results store is: a JDBC URL as given, else a DuckDB file. */
class StoreLocationTest {
  @TempDir Path dir;

  @Test
  void a_jdbc_url_is_used_as_given() {
    StoreLocation at = StoreLocation.of(Optional.of("jdbc:postgresql://db/caravan"));
    assertThat(at.jdbcUrl()).isEqualTo("jdbc:postgresql://db/caravan");
    assertThat(at.given()).isEqualTo("jdbc:postgresql://db/caravan");
  }

  @Test
  void a_path_is_a_duckdb_file_whose_folders_are_created() {
    Path file = dir.resolve("a/b/store.duckdb");
    StoreLocation at = StoreLocation.of(Optional.of(file.toString()));
    assertThat(at.jdbcUrl()).isEqualTo("jdbc:duckdb:" + file.toAbsolutePath());
    assertThat(at.given()).isEqualTo(file.toString());
    assertThat(dir.resolve("a/b")).isDirectory();
  }

  @Test
  void a_folder_that_cannot_be_made_is_a_store_error() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    String where = blocker.resolve("store.duckdb").toString();
    assertThatThrownBy(() -> StoreLocation.of(Optional.of(where)))
        .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.field()).isEqualTo("store"))
        .hasMessageContaining("cannot create the folder of store " + where);
  }
}
