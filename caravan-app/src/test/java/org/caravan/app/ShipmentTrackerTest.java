package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.Caravan;
import org.caravan.tracking.Classifier;
import org.caravan.tracking.EventType;
import org.caravan.tracking.TrackingEvent;
import org.caravan.tracking.TransportMode;
import org.caravan.tracking.eta.EtaEngine;
import org.caravan.tracking.eta.Observations;
import org.caravan.tracking.eta.Segment;
import org.junit.jupiter.api.Test;

/** Events onto routes on the built-in network, and observations from events. */
class ShipmentTrackerTest {
  static final Caravan CARAVAN = Caravan.openDefault();
  static final ShipmentTracker TRACKER = new ShipmentTracker(CARAVAN.network(), CARAVAN.router());

  static long t(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  static TrackingEvent ev(
      String id, EventType type, Classifier c, String time, String where, List<String> route) {
    return new TrackingEvent(
        id,
        "S1",
        "CSQU3054383",
        type,
        c,
        t(time),
        where,
        Optional.empty(),
        Optional.of(TransportMode.RAIL),
        Optional.of("AZBAK"),
        route);
  }

  @Test
  void a_booked_route_is_followed_and_the_position_is_the_last_actual_event() {
    List<String> booked = List.of("CNXIA", "KZAAU", "AZBAK");
    List<TrackingEvent> events =
        List.of(
            ev("1", EventType.GTIN, Classifier.ACT, "2024-03-01T00:00:00Z", "CNXIA", booked),
            ev("2", EventType.DEPA, Classifier.ACT, "2024-03-02T00:00:00Z", "CNXIA", List.of()),
            ev("3", EventType.ARRI, Classifier.ACT, "2024-03-09T00:00:00Z", "KZAAU", List.of()),
            ev("4", EventType.ARRI, Classifier.PLN, "2024-03-12T00:00:00Z", "AZBAK", List.of()));
    ShipmentTracker.State s = TRACKER.state("S1", events);
    assertThat(s.booked()).isTrue();
    Route r = s.route().orElseThrow();
    List<Leg> legs = r.legs();
    assertThat(legs.getFirst().from()).isEqualTo("CNXIA");
    assertThat(legs.getLast().to()).isEqualTo("AZBAK");
    assertThat(ShipmentTracker.nodes(r)).contains("KZAAU");
    assertThat(legs.get(s.legsDone()).from()).isEqualTo("KZAAU");
    assertThat(s.phase()).isEqualTo(EtaEngine.Phase.AT_NODE);
    assertThat(s.since_s()).isEqualTo(t("2024-03-09T00:00:00Z"));
    assertThat(s.delivered()).isFalse(); // the planned arrival does not deliver it
    assertThat(s.last().orElseThrow().eventId()).isEqualTo("3");
  }

  /** With zero spread the segments' waits and runs add up to the planner's transit time. */
  @Test
  void segments_add_up_to_the_planned_transit() {
    Route r =
        TRACKER.routes("CNXIA", "AZBAK", t("2024-03-01T00:00:00Z")).stream()
            .findFirst()
            .orElseThrow();
    List<Segment> all = ShipmentTracker.segments(r, 0);
    double sum = 0;
    double var = 0;
    for (Segment s : all) {
      sum += s.waitMean_s() + s.runMean_s();
      var += s.waitVar_s2() + s.runVar_s2();
    }
    assertThat(sum).isEqualTo((double) (r.arrival_s() - r.departure_s()));
    assertThat(var).isCloseTo((double) r.variance_s2(), within(1.0 + r.variance_s2() * 1e-9));
    assertThat(all).hasSize(r.legs().size());
  }

  @Test
  void observations_are_arrival_departure_arrival_triples_of_actual_events() {
    List<TrackingEvent> events =
        List.of(
            ev("a", EventType.GTIN, Classifier.ACT, "2024-03-01T00:00:00Z", "KZAAU", List.of()),
            ev("b", EventType.DEPA, Classifier.ACT, "2024-03-03T00:00:00Z", "KZAAU", List.of()),
            ev("c", EventType.ARRI, Classifier.EST, "2024-03-03T12:00:00Z", "AZ-ALAT", List.of()),
            ev("d", EventType.ARRI, Classifier.ACT, "2024-03-04T00:00:00Z", "AZ-ALAT", List.of()));
    Observations o = ShipmentTracker.observations(events);
    Observations.Series s = o.series("KZAAU>AZ-ALAT:RAIL");
    assertThat(s.end_s()).containsExactly(t("2024-03-04T00:00:00Z"));
    assertThat(s.wait_s()).containsExactly(2 * 86_400.0);
    assertThat(s.run_s()).containsExactly(86_400.0);
  }
}
