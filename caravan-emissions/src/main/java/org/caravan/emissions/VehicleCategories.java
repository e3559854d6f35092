package org.caravan.emissions;

import java.util.List;
import java.util.Set;

/**
 * Picks the emission category of a network link from what runs on it, the single home of that rule.
 * A ferry that carries rail wagons is a rail ferry whatever its ship type (the shipment's wagon
 * rides on board, so it is charged the ship's per-tonne factor on cargo plus tare); a large
 * container ship between East Asia and Europe sails the Asia-Europe trade lane, which the largest
 * ships serve; anything else keeps the link's TOC.
 */
public final class VehicleCategories {
  /** East Asian origins of the Asia-Europe container lane. */
  private static final Set<String> EAST_ASIA =
      Set.of("CN", "KR", "JP", "TW", "HK", "VN", "SG", "MY");

  /** European ends of the lane (North Europe, the Mediterranean and the Black Sea). */
  private static final Set<String> EUROPE =
      Set.of(
          "NL", "BE", "DE", "FR", "GB", "PL", "IT", "ES", "PT", "GR", "TR", "RO", "BG", "SI", "HR",
          "MT", "DK", "SE", "FI", "NO", "LT", "LV", "EE", "GE", "UA");

  private VehicleCategories() {}

  /**
   * The emission TOC for a link.
   *
   * @param linkToc the TOC written on the link
   * @param ferryType {@code rail}, {@code roro} or empty
   * @param countries countries the link lists, first at its start and last at its end
   */
  public static String emissionToc(String linkToc, String ferryType, List<String> countries) {
    if (ferryType.equals("rail")) {
      return "ferry-rail";
    }
    if (linkToc.equals("sea-container-large") && countries.size() >= 2) {
      String a = countries.getFirst();
      String b = countries.getLast();
      if ((EAST_ASIA.contains(a) && EUROPE.contains(b))
          || (EAST_ASIA.contains(b) && EUROPE.contains(a))) {
        return "sea-container-asia-europe";
      }
    }
    return linkToc;
  }
}
