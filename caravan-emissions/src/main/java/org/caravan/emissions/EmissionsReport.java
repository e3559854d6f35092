package org.caravan.emissions;

import java.util.Locale;

/**
 * Formats a chain result as a plain-text table for terminals: one row per element with distance,
 * mass, WTT/TTW/WTW in kg CO2e, the factors used and whether they are default or primary data, then
 * the totals. Stateless.
 */
public final class EmissionsReport {
  private EmissionsReport() {}

  /** The table, ending with a newline. */
  public static String table(ChainResult result) {
    StringBuilder sb = new StringBuilder();
    String head = "%3s  %-24s %-21s %9s %9s %8s %10s %10s %10s %19s %7s  %-7s  %s%n";
    String row = "%3d  %-24s %-21s %9s %9s %8.2f %10.2f %10.2f %10.2f %19s %7s  %-7s  %s%n";
    sb.append(
        String.format(
            Locale.ROOT,
            head,
            "#",
            "leg",
            "mode/TOC/HOC",
            "dist_km",
            "adj_km",
            "mass_t",
            "WTT_kg",
            "TTW_kg",
            "WTW_kg",
            "WTW_range_kg",
            "g/tkm",
            "data",
            "factors"));
    for (ElementResult e : result.elements()) {
      Emissions em = e.emissions();
      sb.append(
          String.format(
              Locale.ROOT,
              row,
              e.index(),
              clip(e.label(), 24),
              clip(e.category(), 21),
              e.hub() ? "-" : String.format(Locale.ROOT, "%.1f", e.distance_km()),
              e.hub()
                  ? String.format(Locale.ROOT, "%.1f TEU", e.teu())
                  : String.format(Locale.ROOT, "%.1f", e.adjustedDistance_km()),
              e.mass_t(),
              em.wtt_g() / 1000,
              em.ttw_g() / 1000,
              em.wtw_g() / 1000,
              range(e.range()),
              e.hub() || e.mass_t() * e.distance_km() <= 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", em.wtw_g() / (e.mass_t() * e.distance_km())),
              e.dataKind().name().toLowerCase(Locale.ROOT),
              String.join("+", e.factorIds())));
    }
    Emissions t = result.total();
    sb.append(
        String.format(
            Locale.ROOT,
            "%3s  %-24s %-21s %9s %9s %8s %10.2f %10.2f %10.2f %19s%n",
            "",
            "total",
            "",
            "",
            "",
            "",
            t.wtt_g() / 1000,
            t.ttw_g() / 1000,
            t.wtw_g() / 1000,
            range(result.range())));
    return sb.toString();
  }

  private static String range(WtwRange r) {
    return String.format(Locale.ROOT, "%.1f-%.1f", r.low_g() / 1000, r.high_g() / 1000);
  }

  /**
   * One ordered map per element, then a {@code total} row: the fields of the JSON and CSV outputs
   * (leg, kind, category, distances, mass, TEU, WTT/TTW/WTW in kg, data kind, factor ids, source).
   */
  public static java.util.List<java.util.Map<String, Object>> rows(ChainResult result) {
    java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
    for (ElementResult e : result.elements()) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("index", e.index());
      m.put("leg", e.label());
      m.put("kind", e.hub() ? "hub" : "transport");
      m.put("category", e.category());
      m.put("distance_km", e.hub() ? null : round(e.distance_km()));
      m.put("adjusted_distance_km", e.hub() ? null : round(e.adjustedDistance_km()));
      m.put("mass_t", round(e.mass_t()));
      m.put("teu", e.hub() ? round(e.teu()) : null);
      m.put("wtt_kg", round(e.emissions().wtt_g() / 1000));
      m.put("ttw_kg", round(e.emissions().ttw_g() / 1000));
      m.put("wtw_kg", round(e.emissions().wtw_g() / 1000));
      m.put("wtw_low_kg", round(e.range().low_g() / 1000));
      m.put("wtw_high_kg", round(e.range().high_g() / 1000));
      m.put("data", e.dataKind().name().toLowerCase(Locale.ROOT));
      m.put("factors", String.join("+", e.factorIds()));
      m.put("source", e.source());
      rows.add(m);
    }
    return rows;
  }

  /** The totals in kg CO2e. */
  public static java.util.Map<String, Object> totals(ChainResult result) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("wtt_kg", round(result.total().wtt_g() / 1000));
    m.put("ttw_kg", round(result.total().ttw_g() / 1000));
    m.put("wtw_kg", round(result.total().wtw_g() / 1000));
    m.put("wtw_low_kg", round(result.range().low_g() / 1000));
    m.put("wtw_high_kg", round(result.range().high_g() / 1000));
    return m;
  }

  /** RFC 4180 CSV: a header, one row per element, and a final {@code total} row. */
  public static String csv(ChainResult result) {
    java.util.List<java.util.Map<String, Object>> rows = rows(result);
    java.util.List<String> header =
        java.util.List.of(
            "index",
            "leg",
            "kind",
            "category",
            "distance_km",
            "adjusted_distance_km",
            "mass_t",
            "teu",
            "wtt_kg",
            "ttw_kg",
            "wtw_kg",
            "wtw_low_kg",
            "wtw_high_kg",
            "data",
            "factors",
            "source");
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (java.util.Map<String, Object> r : rows) {
      java.util.List<String> cells = new java.util.ArrayList<>();
      for (String h : header) {
        cells.add(cell(r.get(h)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    java.util.Map<String, Object> t = totals(result);
    sb.append(",total,,,,,,,")
        .append(t.get("wtt_kg"))
        .append(',')
        .append(t.get("ttw_kg"))
        .append(',')
        .append(t.get("wtw_kg"))
        .append(',')
        .append(t.get("wtw_low_kg"))
        .append(',')
        .append(t.get("wtw_high_kg"))
        .append(",,,\n");
    return sb.toString();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
