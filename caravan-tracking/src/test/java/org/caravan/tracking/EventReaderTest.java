package org.caravan.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EventReaderTest {
  static final String HEADER =
      "event_id,shipment_id,container,event_type,classifier,event_time,location,facility,mode,destination,booked_route\n";

  @Test
  void csv_with_a_byte_order_mark_reads_and_a_wrong_check_digit_is_named() {
    String csv =
        "\uFEFF"
            + HEADER
            + "E1,S1,CSQU3054383,GTIN,ACT,2024-03-01T08:00:00Z,CNXIA,Xinzhu,RAIL,AZBAK,\n"
            + "E2,S1,CSQU3054384,DEPA,ACT,2024-03-02T08:00:00Z,CNXIA,,RAIL,,\n"
            + "E3,S1,CSQU3054383,BRDA,act,2024-03-05T08:00+03:00,KZDOS,,rail,,\n";
    EventReader.Read r = (EventReader.Read) EventReader.csv(new StringReader(csv));
    assertThat(r.events()).extracting(TrackingEvent::eventId).containsExactly("E1", "E3");
    assertThat(r.lines()).containsExactly(2L, 4L);
    assertThat(r.rejections()).hasSize(1);
    Rejection bad = r.rejections().getFirst();
    assertThat(bad.eventId()).isEqualTo("E2");
    assertThat(bad.field()).isEqualTo("container");
    assertThat(bad.line()).isEqualTo(3);
    assertThat(r.events().get(1).eventTime_s())
        .isEqualTo(java.time.Instant.parse("2024-03-05T05:00:00Z").getEpochSecond());
    assertThat(r.events().getFirst().destination()).contains("AZBAK");
  }

  @Test
  void json_names_the_field_and_index() {
    String json =
        "{\"events\":[{\"event_id\":\"J1\",\"shipment_id\":\"S\",\"container\":\"BICU1234565\","
            + "\"event_type\":\"ARRI\",\"classifier\":\"ACT\",\"event_time\":\"2024-01-01T00:00:00Z\","
            + "\"location\":\"KZAKT\",\"booked_route\":[\"CNXIA\",\"KZAKT\"]},"
            + "{\"event_id\":\"J2\",\"shipment_id\":\"S\",\"container\":\"BICU1234565\","
            + "\"event_type\":\"TELEPORT\",\"classifier\":\"ACT\",\"event_time\":\"2024-01-01T00:00:00Z\","
            + "\"location\":\"KZAKT\"}, 7]}";
    EventReader.Read r = (EventReader.Read) EventReader.json(json);
    assertThat(r.events()).hasSize(1);
    assertThat(r.events().getFirst().bookedRoute()).containsExactly("CNXIA", "KZAKT");
    assertThat(r.rejections())
        .extracting(Rejection::eventId, Rejection::field, Rejection::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("J2", "event_type", 1L),
            org.assertj.core.groups.Tuple.tuple("?", "events[2]", 2L));
  }

  @Test
  void unreadable_input_is_one_error() {
    assertThat(EventReader.json("[{"))
        .isInstanceOfSatisfying(
            EventReader.Unreadable.class,
            u -> {
              assertThat(u.field()).isEmpty();
              assertThat(u.message()).contains("not valid JSON");
            });
    assertThat(EventReader.json("{\"x\": 1}"))
        .isEqualTo(
            new EventReader.Unreadable(
                "events", "expected a JSON array of events or an object with an 'events' array"));
    assertThat(EventReader.csv(new StringReader("a,b\n1,2\n")))
        .isInstanceOfSatisfying(
            EventReader.Unreadable.class,
            u -> {
              assertThat(u.field()).isEqualTo("event_id");
              assertThat(u.message()).contains("event_id");
            });
  }

  @Test
  void a_blank_header_name_is_unreadable_not_a_crash() {
    // Found by the fuzz profile: Commons CSV throws IllegalArgumentException for it.
    assertThat(
            EventReader.csv(
                new StringReader("event_id, ,container,event_type\nE1,x,CSQU3054383,GTIN\n")))
        .isInstanceOfSatisfying(
            EventReader.Unreadable.class,
            u -> assertThat(u.message()).contains("not readable as CSV"));
  }
}
