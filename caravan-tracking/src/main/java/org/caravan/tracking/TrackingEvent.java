package org.caravan.tracking;

import java.util.List;
import java.util.Optional;

/**
 * One tracking event as ingested (docs/TRACKING.md has the field table and the DCSA mapping). Times
 * are seconds since the epoch, UTC.
 *
 * @param eventId unique id chosen by the sender; ingest is idempotent by it
 * @param shipmentId the shipment (DCSA transport document or booking reference)
 * @param container ISO 6346 equipment reference, normalised ({@link ContainerNumber#normalise})
 * @param location UN/LOCODE or network node id where it happened
 * @param facility terminal or border station name or code at the location
 * @param mode mode of transport of the leg the event belongs to
 * @param destination UN/LOCODE of the place of delivery, as booked
 * @param bookedRoute node ids the booking routes the container through, in order (empty: none)
 */
public record TrackingEvent(
    String eventId,
    String shipmentId,
    String container,
    EventType type,
    Classifier classifier,
    long eventTime_s,
    String location,
    Optional<String> facility,
    Optional<TransportMode> mode,
    Optional<String> destination,
    List<String> bookedRoute) {
  public TrackingEvent {
    bookedRoute = List.copyOf(bookedRoute);
  }

  /** Whether the event is an actual one (the only kind that moves the shipment). */
  public boolean actual() {
    return classifier == Classifier.ACT;
  }
}
