package org.caravan.scenario.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.Corridors;
import org.caravan.network.Network;
import org.caravan.network.io.TextFiles;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.CorridorLabels;
import org.caravan.scenario.UserException;

/**
 * Reads {@code targets.csv} (columns in {@link #COLUMNS}). Every problem is a {@link UserException}
 * naming the file, line and field; nothing is returned from a file with a problem.
 */
public final class TargetTable {
  /** The columns of the file, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "origin",
          "destination",
          "corridor",
          "via",
          "quantity",
          "low",
          "high",
          "kind",
          "year",
          "departed",
          "shipment",
          "source",
          "input",
          "note");

  /** The built-in table, packed from {@code data/validation/targets.csv}. */
  public static final String RESOURCE = "/org/caravan/scenario/validation/targets.csv";

  private TargetTable() {}

  /** The targets of a file, or the built-in ones, for the Caravan's network and corridors. */
  public static List<Target> load(Optional<Path> file, Caravan caravan) {
    CorridorLabels corridors = CorridorLabels.forTargets(caravan.corridors());
    return file.isPresent()
        ? load(file.get(), caravan.network(), corridors)
        : loadDefault(caravan.network(), corridors);
  }

  /** The built-in targets, for the default corridors. */
  public static List<Target> loadDefault(Network network) {
    return loadDefault(network, defaultCorridors(network));
  }

  /** Targets from a file, for the default corridors. */
  public static List<Target> load(Path file, Network network) {
    return load(file, network, defaultCorridors(network));
  }

  private static List<Target> loadDefault(Network network, CorridorLabels corridors) {
    try (InputStream in = TargetTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(
          new InputStreamReader(in, StandardCharsets.UTF_8), "targets.csv", network, corridors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Target> load(Path file, Network network, CorridorLabels corridors) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), network, corridors);
    } catch (IOException e) {
      throw new UserException("targets", "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static CorridorLabels defaultCorridors(Network network) {
    return CorridorLabels.forTargets(Corridors.loadDefault(network));
  }

  static List<Target> read(Reader reader, String name, Network network) throws IOException {
    return read(reader, name, network, defaultCorridors(network));
  }

  static List<Target> read(Reader reader, String name, Network network, CorridorLabels corridors)
      throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<Target> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (CSVParser p = CSVParser.parse(reader, format)) {
      if (!p.getHeaderNames().equals(COLUMNS)) {
        throw new UserException(
            "targets",
            name
                + ":1: header must be "
                + String.join(",", COLUMNS)
                + ", got "
                + String.join(",", p.getHeaderNames()));
      }
      for (CSVRecord r : p) {
        int line = (int) r.getParser().getCurrentLineNumber();
        if (r.size() != COLUMNS.size()) {
          throw error(name, line, "id", "expected " + COLUMNS.size() + " fields, got " + r.size());
        }
        String id = r.get("id");
        if (id.isEmpty() || !ids.add(id)) {
          throw error(name, line, "id", id.isEmpty() ? "missing" : "duplicate id '" + id + "'");
        }
        String origin = node(r, "origin", name, line, network);
        String destination = node(r, "destination", name, line, network);
        String corridor = r.get("corridor");
        if (!corridors.contains(corridor)) {
          throw error(
              name,
              line,
              "corridor",
              "unknown corridor '" + corridor + "'; known: " + corridors.describe());
        }
        Target.Quantity q =
            Target.Quantity.of(r.get("quantity"))
                .orElseThrow(
                    () ->
                        error(
                            name,
                            line,
                            "quantity",
                            "unknown quantity '" + r.get("quantity") + "'"));
        double low = number(r, "low", name, line);
        double high = number(r, "high", name, line);
        if (low > high) {
          throw error(name, line, "high", "high " + high + " is below low " + low);
        }
        String kind = r.get("kind");
        if (!Target.KINDS.contains(kind)) {
          throw error(
              name, line, "kind", "kind must be one of " + Target.KINDS + ", got '" + kind + "'");
        }
        if (r.get("source").isEmpty()) {
          throw error(name, line, "source", "missing source id");
        }
        boolean od =
            q == Target.Quantity.TRANSIT_DAYS
                || q.key().startsWith("cost")
                || q.key().startsWith("co2e")
                || q == Target.Quantity.WAIT_DAYS
                || q == Target.Quantity.SEA_DISTANCE_NM;
        if (od && (origin.isEmpty() || destination.isEmpty())) {
          throw error(
              name,
              line,
              origin.isEmpty() ? "origin" : "destination",
              q.key() + " needs an origin and a destination");
        }
        String input = r.get("input");
        Optional<YearMonth> departed = Optional.empty();
        if (!r.get("departed").isEmpty()) {
          try {
            departed = Optional.of(YearMonth.parse(r.get("departed")));
          } catch (DateTimeParseException e) {
            throw error(
                name,
                line,
                "departed",
                "expected the month the trips left, YYYY-MM, got '" + r.get("departed") + "'");
          }
          if (q != Target.Quantity.TRANSIT_DAYS) {
            throw error(name, line, "departed", "only a transit time is dated by its departures");
          }
        }
        // The path a figure names (Altynkol, Aktau, Poti, Burgas): nodes the route passes in order.
        List<String> via = new ArrayList<>();
        for (String v : r.get("via").split(";")) {
          if (v.isBlank()) {
            continue;
          }
          if (network.findNode(v.trim()).isEmpty()) {
            throw error(name, line, "via", "unknown node '" + v.trim() + "'");
          }
          via.add(v.trim());
        }
        if (!via.isEmpty() && !od) {
          throw error(name, line, "via", "only a figure between two places names a path");
        }
        boolean train = r.get("shipment").equals("train");
        if (!train && !r.get("shipment").isEmpty()) {
          throw error(
              name,
              line,
              "shipment",
              "expected 'train' (the figure is one block train's) or nothing, got '"
                  + r.get("shipment")
                  + "'");
        }
        if (train && q != Target.Quantity.TRANSIT_DAYS) {
          throw error(name, line, "shipment", "only a transit time is one train's");
        }
        out.add(
            new Target(
                id,
                origin,
                destination,
                corridor,
                List.copyOf(via),
                q,
                low,
                high,
                kind,
                r.get("year"),
                departed,
                train,
                r.get("source"),
                input.isEmpty() ? Optional.empty() : Optional.of(input),
                r.get("note"),
                line));
      }
    }
    return List.copyOf(out);
  }

  private static String node(CSVRecord r, String field, String name, int line, Network network) {
    String v = r.get(field);
    if (!v.isEmpty() && network.findNode(v).isEmpty()) {
      throw error(name, line, field, "unknown node '" + v + "'");
    }
    return v;
  }

  private static double number(CSVRecord r, String field, String name, int line) {
    String v = r.get(field);
    return TextFiles.finiteNumber(v)
        .orElseThrow(() -> error(name, line, field, "not a number: '" + v + "'"));
  }

  private static UserException error(String name, int line, String field, String message) {
    return new UserException(
        field, String.format(Locale.ROOT, "%s:%d: field '%s': %s", name, line, field, message));
  }
}
