package org.caravan.network.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caravan.network.CitedRow;
import org.caravan.network.InfrastructureRow;
import org.caravan.network.LinkSpec;
import org.caravan.network.NodeSpec;
import org.caravan.network.ServiceSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.TransferSpec;

/**
 * The schema of one network file: its columns and which of them a new row must fill. The cited
 * numbers and their source groups come from the row type's {@link org.caravan.network.Cited}
 * components, so reader, writer and validator agree on one definition.
 */
public enum Table {
  SOURCES(
      "sources.csv",
      SourceSpec.class,
      List.of("id", "kind", "title", "publisher", "date", "url", "licence"),
      List.of("id"),
      Set.of("id", "title", "licence")),
  NODES(
      "nodes.csv",
      NodeSpec.class,
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
          "dwell_out_h",
          "dwell_out_sd_h",
          "handling_h",
          "handling_usd_teu",
          "capacity_teu_day"),
      List.of("id"),
      Set.of("id", "name", "kind", "country", "lat", "lon")),
  LINKS(
      "links.csv",
      LinkSpec.class,
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
      List.of("id"),
      Set.of("id", "from", "to", "mode", "distance_km", "duration_h", "countries", "toc")),
  TRANSFERS(
      "transfers.csv",
      TransferSpec.class,
      List.of("node", "from_class", "to_class", "time_h", "cost_usd_teu"),
      List.of("node", "from_class", "to_class"),
      Set.of("node", "from_class", "to_class", "time_h")),
  SERVICES(
      "services.csv",
      ServiceSpec.class,
      List.of(
          "id",
          "link",
          "kind",
          "departures_per_week",
          "first_departure_h",
          "timetable",
          "capacity_teu",
          "operator"),
      List.of("id"),
      Set.of("id", "link", "kind"));

  private final String fileName;
  private final List<String> columns;
  private final List<String> keyColumns;
  private final Set<String> required;
  private final List<String> sourceGroups;

  /**
   * @param rowType the spec record of a row; for a {@link CitedRow} the columns go on after the
   *     table's own: {@code source}, a {@code <group>_source} column per source group, then (for
   *     infrastructure, which may be planned) {@code status}, {@code opening_year} and {@code
   *     range}, then {@code notes}
   * @param own the table's own columns
   */
  Table(
      String fileName,
      Class<? extends Record> rowType,
      List<String> own,
      List<String> keyColumns,
      Set<String> required) {
    boolean cited = CitedRow.class.isAssignableFrom(rowType);
    this.sourceGroups =
        cited ? CitedRow.sourceGroups(rowType.asSubclass(CitedRow.class)) : List.of();
    this.columns =
        cited
            ? citedColumns(own, sourceGroups, InfrastructureRow.class.isAssignableFrom(rowType))
            : own;
    this.fileName = fileName;
    this.keyColumns = keyColumns;
    this.required = required;
  }

  private static List<String> citedColumns(
      List<String> own, List<String> sourceGroups, boolean infrastructure) {
    List<String> all = new ArrayList<>(own);
    all.add("source");
    sourceGroups.forEach(g -> all.add(g + "_source"));
    if (infrastructure) {
      all.addAll(List.of("status", "opening_year", "range"));
    }
    all.add("notes");
    return List.copyOf(all);
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

  /** The source groups of the table's cited values (each has a {@code <group>_source} column). */
  public List<String> sourceGroups() {
    return sourceGroups;
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
