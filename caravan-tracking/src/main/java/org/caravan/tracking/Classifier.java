package org.caravan.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * DCSA event classifier: planned ({@code PLN}), estimated ({@code EST}) or actual ({@code ACT}).
 * Only actual events move a shipment; planned and estimated ones are kept and shown.
 */
public enum Classifier {
  PLN,
  EST,
  ACT;

  public static Optional<Classifier> parse(String code) {
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
