package org.caravan.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a batch of read events against the store and the network, without losing the good ones:
 * each event is accepted or rejected on its own, in file order.
 *
 * <ul>
 *   <li><b>Known location</b>: {@code location}, {@code destination} and every {@code booked_route}
 *       entry must be a network node id or UN/LOCODE the network knows.
 *   <li><b>Duplicates</b>: an event id already stored with the same content is skipped (ingest is
 *       idempotent); with other content, or twice in one batch with other content, it is rejected.
 *   <li><b>Times in order</b>: an actual event may not be earlier than the latest actual event of
 *       the same container and shipment already stored or accepted before it in the batch (a late
 *       report of an earlier step must come before the later ones).
 * </ul>
 */
public final class EventValidator {
  /** What the validator needs to know of the store. */
  public interface Stored {
    /** The stored event with this id. */
    Optional<TrackingEvent> event(String eventId);

    /** The latest actual event time of a container on a shipment, if any is stored. */
    Optional<Long> lastActual_s(String shipmentId, String container);
  }

  /**
   * The outcome.
   *
   * @param accepted new events to store, in file order
   * @param alreadyStored events identical to stored ones (skipped)
   */
  public record Outcome(
      List<TrackingEvent> accepted, int alreadyStored, List<Rejection> rejected) {}

  private final Predicate<String> knownLocation;

  /**
   * @param knownLocation whether a code is a location of the network
   */
  public EventValidator(Predicate<String> knownLocation) {
    this.knownLocation = knownLocation;
  }

  /**
   * Validates {@code read}, whose rejections are carried over; {@code lines} gives each event's
   * line or index for the messages, in the order of {@code read.events()}.
   */
  public Outcome validate(List<TrackingEvent> events, List<Long> lines, Stored stored) {
    List<TrackingEvent> accepted = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    Map<String, TrackingEvent> inBatch = new HashMap<>();
    Map<String, Long> last = new HashMap<>();
    int already = 0;
    for (int i = 0; i < events.size(); i++) {
      TrackingEvent e = events.get(i);
      long line = lines.get(i);
      Optional<String> bad = location(e);
      if (bad.isPresent()) {
        String field = bad.get();
        String value =
            switch (field) {
              case "location" -> e.location();
              case "destination" -> e.destination().orElse("");
              default -> String.join(";", e.bookedRoute());
            };
        rejected.add(
            new Rejection(
                e.eventId(),
                field,
                line,
                "'" + value + "' is not a location of the network (UN/LOCODE or node id)"));
        continue;
      }
      TrackingEvent twin = inBatch.get(e.eventId());
      if (twin != null) {
        if (!twin.equals(e)) {
          rejected.add(
              new Rejection(
                  e.eventId(),
                  "event_id",
                  line,
                  "duplicate event id in the batch with different content"));
        }
        continue;
      }
      Optional<TrackingEvent> old = stored.event(e.eventId());
      if (old.isPresent()) {
        if (old.get().equals(e)) {
          already++;
        } else {
          rejected.add(
              new Rejection(
                  e.eventId(),
                  "event_id",
                  line,
                  "event id already stored with different content (events are immutable; send a"
                      + " new id)"));
        }
        continue;
      }
      if (e.actual()) {
        String key = e.shipmentId() + "\u0000" + e.container();
        Long prev = last.get(key);
        if (prev == null) {
          prev = stored.lastActual_s(e.shipmentId(), e.container()).orElse(null);
        }
        if (prev != null && e.eventTime_s() < prev) {
          rejected.add(
              new Rejection(
                  e.eventId(),
                  "event_time",
                  line,
                  Instant.ofEpochSecond(e.eventTime_s())
                      + " is before the container's previous actual event at "
                      + Instant.ofEpochSecond(prev)));
          continue;
        }
        last.put(key, e.eventTime_s());
      }
      inBatch.put(e.eventId(), e);
      accepted.add(e);
    }
    return new Outcome(accepted, already, rejected);
  }

  private Optional<String> location(TrackingEvent e) {
    if (!knownLocation.test(e.location())) {
      return Optional.of("location");
    }
    if (e.destination().isPresent() && !knownLocation.test(e.destination().get())) {
      return Optional.of("destination");
    }
    for (String s : e.bookedRoute()) {
      if (!knownLocation.test(s)) {
        return Optional.of("booked_route");
      }
    }
    return Optional.empty();
  }
}
