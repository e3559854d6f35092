package org.caravan.network.io;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caravan.network.CitedRow;
import org.caravan.network.InfrastructureRow;
import org.caravan.network.LinkSpec;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeSpec;
import org.caravan.network.ServiceSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.Status;
import org.caravan.network.TransferSpec;

/**
 * Writes a {@link NetworkSpec} as the five network files, in the column order of {@link Table}.
 * Reading the written files gives back an equal spec. Each file is written to a temporary name and
 * moved into place, so a failed export leaves no half-written file.
 */
public final class NetworkWriter {
  private NetworkWriter() {}

  public static void write(NetworkSpec spec, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> temps = new ArrayList<>();
    try {
      for (Table t : Table.values()) {
        Path tmp = Files.createTempFile(dir, "." + t.fileName(), ".tmp");
        temps.add(tmp);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            CSVPrinter p =
                new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
          p.printRecord(t.columns());
          for (List<String> row : rows(spec, t)) {
            p.printRecord(row);
          }
        }
      }
      Table[] tables = Table.values();
      for (int i = 0; i < tables.length; i++) {
        Files.move(
            temps.get(i),
            dir.resolve(tables[i].fileName()),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path t : temps) {
        Files.deleteIfExists(t);
      }
    }
  }

  private static List<List<String>> rows(NetworkSpec spec, Table t) {
    List<List<String>> rows = new ArrayList<>();
    switch (t) {
      case SOURCES -> {
        for (SourceSpec s : spec.sources()) {
          rows.add(
              List.of(s.id(), s.kind(), s.title(), s.publisher(), s.date(), s.url(), s.licence()));
        }
      }
      case NODES -> {
        for (NodeSpec n : spec.nodes()) {
          rows.add(
              row(
                  t,
                  n,
                  n.id(),
                  n.name(),
                  String.join(";", n.aliases()),
                  n.kind().code(),
                  n.country(),
                  num(n.lat()),
                  num(n.lon()),
                  num(n.dwell_h()),
                  num(n.dwell_sd_h()),
                  num(n.dwell_out_h()),
                  num(n.dwell_out_sd_h()),
                  num(n.handling_h()),
                  num(n.handling_usd_teu()),
                  num(n.capacity_teu_day())));
        }
      }
      case LINKS -> {
        for (LinkSpec l : spec.links()) {
          rows.add(
              row(
                  t,
                  l,
                  l.id(),
                  l.from(),
                  l.to(),
                  l.mode().code(),
                  l.directed() ? "true" : "",
                  l.gauge_mm() == 0 ? "" : Integer.toString(l.gauge_mm()),
                  l.electrified() ? "true" : "false",
                  l.track(),
                  l.ferryType(),
                  num(l.distance_km()),
                  num(l.duration_h()),
                  num(l.duration_sd_h()),
                  num(l.tariff_usd_teu()),
                  num(l.capacity_teu_day()),
                  String.join(";", l.countries()),
                  String.join(";", l.passages()),
                  l.toc(),
                  l.service()));
        }
      }
      case TRANSFERS -> {
        for (TransferSpec x : spec.transfers()) {
          rows.add(
              row(
                  t,
                  x,
                  x.node(),
                  x.fromClass().code(),
                  x.toClass().code(),
                  num(x.time_h()),
                  num(x.cost_usd_teu())));
        }
      }
      case SERVICES -> {
        for (ServiceSpec v : spec.services()) {
          rows.add(
              row(
                  t,
                  v,
                  v.id(),
                  v.link(),
                  v.kind(),
                  num(v.departures_per_week()),
                  num(v.first_departure_h()),
                  String.join(";", v.timetable()),
                  num(v.capacity_teu()),
                  v.operator()));
        }
      }
    }
    return rows;
  }

  /**
   * A cited row: its own cells, then the columns every cited row ends with, in the order of {@link
   * Table#columns}: sources, the planning columns of infrastructure, notes.
   */
  private static List<String> row(Table t, CitedRow row, String... own) {
    List<String> cells = new ArrayList<>(t.columns().size());
    cells.addAll(Arrays.asList(own));
    Map<String, String> sources = row.sources();
    cells.add(sources.getOrDefault("", ""));
    for (String group : t.sourceGroups()) {
      cells.add(sources.getOrDefault(group, ""));
    }
    if (row instanceof InfrastructureRow i) {
      cells.add(i.status() == Status.OPERATIONAL ? "" : i.status().code());
      cells.add(i.openingYear() == 0 ? "" : Integer.toString(i.openingYear()));
      cells.add(i.range());
    }
    cells.add(row.notes());
    return cells;
  }

  /** Shortest plain decimal that parses back to the same double; empty for NaN. */
  static String num(double d) {
    if (Double.isNaN(d)) {
      return "";
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
