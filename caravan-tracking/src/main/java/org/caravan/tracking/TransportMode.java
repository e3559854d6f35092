package org.caravan.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * DCSA mode of transport ({@code VESSEL}, {@code RAIL}, {@code TRUCK}, {@code BARGE}) plus {@code
 * FERRY} for the Caspian and Black Sea rail and ro-ro ferries, which the corridor treats apart.
 */
public enum TransportMode {
  VESSEL,
  RAIL,
  TRUCK,
  BARGE,
  FERRY;

  public static Optional<TransportMode> parse(String code) {
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
