package org.caravan.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a container. The first six are the DCSA Track and Trace 2.x event type codes
 * (equipment events {@code GTIN} gate-in, {@code GTOT} gate-out, {@code LOAD}, {@code DISC}
 * discharge; transport events {@code ARRI} arrival, {@code DEPA} departure); the last four are the
 * rail-corridor events DCSA does not define, named in the same four-letter style.
 */
public enum EventType {
  GTIN(Family.EQUIPMENT, "gate-in at a terminal", true),
  GTOT(Family.EQUIPMENT, "gate-out from a terminal", false),
  LOAD(Family.EQUIPMENT, "loaded on a train, vessel or truck", false),
  DISC(Family.EQUIPMENT, "discharged from a train, vessel or truck", true),
  ARRI(Family.TRANSPORT, "the carrier arrived at a place", true),
  DEPA(Family.TRANSPORT, "the carrier departed from a place", false),
  BRDA(Family.CORRIDOR, "arrival at a border crossing", false),
  BRDC(Family.CORRIDOR, "border clearance (customs and transit formalities done)", false),
  GAUG(Family.CORRIDOR, "gauge change (transshipment or bogie exchange, 1520/1435 mm)", false),
  FRLD(Family.CORRIDOR, "loaded on a ferry (Caspian or Black Sea)", false);

  /** The DCSA event class, or the corridor extension. */
  public enum Family {
    EQUIPMENT,
    TRANSPORT,
    CORRIDOR
  }

  private final Family family;
  private final String meaning;
  private final boolean arrival;

  EventType(Family family, String meaning, boolean arrival) {
    this.family = family;
    this.meaning = meaning;
    this.arrival = arrival;
  }

  public Family family() {
    return family;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * Whether the event puts the container at a place, waiting to leave it (gate-in, discharge,
   * arrival); the others are departures from a place or steps inside a leg.
   */
  public boolean isArrival() {
    return arrival;
  }

  /** Whether the event takes the container away from its place (gate-out, load, departure). */
  public boolean isDeparture() {
    return this == GTOT || this == LOAD || this == DEPA || this == FRLD;
  }

  /** The type for a code, case-insensitive. */
  public static Optional<EventType> parse(String code) {
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
