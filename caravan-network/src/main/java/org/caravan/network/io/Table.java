package org.caravan.network.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of one network file: its columns, which of them a new row must fill, which are numbers
 * and the source group each number belongs to. Kept as data so reader, writer and validator agree
 * on one definition.
 */
public enum Table {
  SOURCES(
      "sources.csv",
      List.of("id", "kind", "title", "publisher", "date", "url", "licence"),
      List.of("id"),
      Set.of("id", "title", "licence"),
      Map.of()),
  NODES(
      "nodes.csv",
      planned(
          List.of(
              "id",
              "name",
              "aliases",
              "kind",
              "country",
              "lat",
              "lon",
              "dwell_h",
              "dwell_sd_h",
              "handling_h",
              "handling_usd_teu",
              "capacity_teu_day"),
          "coord",
          "dwell",
          "handling",
          "capacity"),
      List.of("id"),
      Set.of("id", "name", "kind", "country", "lat", "lon"),
      Map.of(
          "lat",
          "coord",
          "lon",
          "coord",
          "dwell_h",
          "dwell",
          "dwell_sd_h",
          "dwell",
          "handling_h",
          "handling",
          "handling_usd_teu",
          "handling",
          "capacity_teu_day",
          "capacity")),
  LINKS(
      "links.csv",
      planned(
          List.of(
              "id",
              "from",
              "to",
              "mode",
              "directed",
              "gauge",
              "electrified",
              "track",
              "ferry_type",
              "distance_km",
              "duration_h",
              "duration_sd_h",
              "tariff_usd_teu",
              "capacity_teu_day",
              "countries",
              "passages",
              "toc",
              "service"),
          "distance",
          "duration",
          "tariff",
          "capacity"),
      List.of("id"),
      Set.of("id", "from", "to", "mode", "distance_km", "duration_h", "countries", "toc"),
      Map.of(
          "distance_km",
          "distance",
          "duration_h",
          "duration",
          "duration_sd_h",
          "duration",
          "tariff_usd_teu",
          "tariff",
          "capacity_teu_day",
          "capacity")),
  TRANSFERS(
      "transfers.csv",
      List.of(
          "node",
          "from_class",
          "to_class",
          "time_h",
          "cost_usd_teu",
          "source",
          "transfer_source",
          "notes"),
      List.of("node", "from_class", "to_class"),
      Set.of("node", "from_class", "to_class", "time_h"),
      Map.of("time_h", "transfer", "cost_usd_teu", "transfer")),
  SERVICES(
      "services.csv",
      List.of(
          "id",
          "link",
          "kind",
          "departures_per_week",
          "first_departure_h",
          "timetable",
          "capacity_teu",
          "operator",
          "source",
          "schedule_source",
          "capacity_source",
          "notes"),
      List.of("id"),
      Set.of("id", "link", "kind"),
      Map.of(
          "departures_per_week",
          "schedule",
          "first_departure_h",
          "schedule",
          "capacity_teu",
          "capacity"));

  private final String fileName;
  private final List<String> columns;
  private final List<String> keyColumns;
  private final Set<String> required;
  private final Map<String, String> sourceGroups;

  Table(
      String fileName,
      List<String> columns,
      List<String> keyColumns,
      Set<String> required,
      Map<String, String> sourceGroups) {
    this.fileName = fileName;
    this.columns = columns;
    this.keyColumns = keyColumns;
    this.required = required;
    this.sourceGroups = sourceGroups;
  }

  public String fileName() {
    return fileName;
  }

  /** All columns, in the order the writer uses. */
  public List<String> columns() {
    return columns;
  }

  /** Columns that identify a row; an overlay row with the same key changes the base row. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** Columns a new row must fill. */
  public Set<String> required() {
    return required;
  }

  /** Numeric column → the source group that cites it (its {@code <group>_source} column). */
  public Map<String, String> sourceGroups() {
    return sourceGroups;
  }

  /**
   * The columns of a table of infrastructure that may be planned: its own, then {@code source}, a
   * {@code <group>_source} column per source group, then {@code status}, {@code opening_year},
   * {@code range} and {@code notes}.
   */
  private static List<String> planned(List<String> own, String... sourceGroups) {
    List<String> all = new ArrayList<>(own);
    all.add("source");
    for (String g : sourceGroups) {
      all.add(g + "_source");
    }
    all.addAll(List.of("status", "opening_year", "range", "notes"));
    return List.copyOf(all);
  }

  /** The table a file belongs to, by its name ending: {@code my-links.csv} is a links file. */
  public static Optional<Table> forFileName(String name) {
    for (Table t : values()) {
      if (name.equals(t.fileName)
          || name.endsWith("-" + t.fileName)
          || name.endsWith("_" + t.fileName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
