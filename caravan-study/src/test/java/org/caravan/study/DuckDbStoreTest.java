package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest {
  @TempDir Path dir;

  @Test
  void round_trip_resume_and_compare_on_a_duckdb_file() throws Exception {
    Path db = dir.resolve("studies.duckdb");
    try (StudyStore s = StudyStore.open("jdbc:duckdb:" + db)) {
      StoreContract.roundTrip(s);
      StoreContract.exportsAgree(s, dir);
      StoreContract.jobs(s);
    }
    // reopened, the data is there
    try (StudyStore s = StudyStore.open("jdbc:duckdb:" + db)) {
      assertThat(s.studies()).extracting(StudyStore.StudyRow::runs).containsExactly(10);
    }
  }
}
