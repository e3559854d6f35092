package org.caravan.emissions;

import java.util.Locale;

/**
 * Formats a chain result as a plain-text table for terminals: one row per element with distance,
 * mass, WTT/TTW/WTW in kg CO2e, the factors used and whether they are default or primary data,
 * then the totals. Stateless.
 */
public final class EmissionsReport {
  private EmissionsReport() {}

  /** The table, ending with a newline. */
  public static String table(ChainResult result) {
    StringBuilder sb = new StringBuilder();
    String head = "%3s  %-24s %-21s %9s %9s %8s %10s %10s %10s  %-7s  %s%n";
    String row = "%3d  %-24s %-21s %9s %9s %8.2f %10.2f %10.2f %10.2f  %-7s  %s%n";
    sb.append(String.format(Locale.ROOT, head, "#", "leg", "mode/TOC/HOC", "dist_km", "adj_km", "mass_t",
        "WTT_kg", "TTW_kg", "WTW_kg", "data", "factors"));
    for (ElementResult e : result.elements()) {
      Emissions em = e.emissions();
      sb.append(String.format(Locale.ROOT, row, e.index(), clip(e.label(), 24), clip(e.category(), 21),
          e.hub() ? "-" : String.format(Locale.ROOT, "%.1f", e.distance_km()),
          e.hub() ? String.format(Locale.ROOT, "%.1f TEU", e.teu()) : String.format(Locale.ROOT, "%.1f", e.adjustedDistance_km()),
          e.mass_t(), em.wtt_g() / 1000, em.ttw_g() / 1000, em.wtw_g() / 1000,
          e.dataKind().name().toLowerCase(Locale.ROOT), String.join("+", e.factorIds())));
    }
    Emissions t = result.total();
    sb.append(String.format(Locale.ROOT, "%3s  %-24s %-21s %9s %9s %8s %10.2f %10.2f %10.2f%n", "", "total", "", "",
        "", "", t.wtt_g() / 1000, t.ttw_g() / 1000, t.wtw_g() / 1000));
    return sb.toString();
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
