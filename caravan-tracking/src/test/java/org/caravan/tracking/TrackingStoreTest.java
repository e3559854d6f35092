package org.caravan.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real DuckDB store in a temporary folder, with the validator on top. */
class TrackingStoreTest {
  @TempDir Path dir;

  private static final Set<String> NODES = Set.of("CNXIA", "KZAKT", "AZBAK", "KZDOS");

  @Test
  void ingest_is_idempotent_and_keeps_the_good_events_of_a_bad_batch() {
    String csv =
        EventReaderTest.HEADER
            + "E1,S1,CSQU3054383,GTIN,ACT,2024-03-01T08:00:00Z,CNXIA,,RAIL,AZBAK,\n"
            + "E2,S1,CSQU3054383,DEPA,ACT,2024-03-02T08:00:00Z,CNXIA,,RAIL,,\n"
            + "E3,S1,CSQU3054383,ARRI,ACT,2024-03-01T09:00:00Z,KZAKT,,RAIL,,\n"
            + "E4,S1,CSQU3054383,ARRI,ACT,2024-03-09T09:00:00Z,XXNOP,,RAIL,,\n"
            + "E5,S1,CSQU3054383,ARRI,ACT,2024-03-09T09:00:00Z,KZAKT,,RAIL,,\n";
    EventValidator v = new EventValidator(NODES::contains);
    Path db = dir.resolve("store.duckdb");
    try (TrackingStore s = TrackingStore.open("jdbc:duckdb:" + db, db.toString())) {
      EventReader.Read r = (EventReader.Read) EventReader.csv(new StringReader(csv));
      EventValidator.Outcome o = v.validate(r.events(), r.lines(), s);
      assertThat(o.accepted()).extracting(TrackingEvent::eventId).containsExactly("E1", "E2", "E5");
      assertThat(o.rejected())
          .extracting(Rejection::eventId, Rejection::field)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("E3", "event_time"),
              org.assertj.core.groups.Tuple.tuple("E4", "location"));
      s.insert(o.accepted());
    }
    try (TrackingStore s = TrackingStore.open("jdbc:duckdb:" + db, db.toString())) {
      assertThat(s.shipment("S1")).hasSize(3);
      assertThat(s.event("E1").orElseThrow().destination()).contains("AZBAK");
      EventReader.Read again = (EventReader.Read) EventReader.csv(new StringReader(csv));
      EventValidator.Outcome o = v.validate(again.events(), again.lines(), s);
      assertThat(o.accepted()).isEmpty();
      assertThat(o.alreadyStored()).isEqualTo(3);
      // E3 is still early, now against the stored events
      assertThat(o.rejected()).extracting(Rejection::eventId).containsExactly("E3", "E4");
      assertThat(s.all()).hasSize(3);
      assertThat(s.lastActual_s("S1", "CSQU3054383")).isPresent();
    }
  }
}
