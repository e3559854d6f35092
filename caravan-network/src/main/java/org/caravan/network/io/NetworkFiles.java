package org.caravan.network.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.CarrierClass;
import org.caravan.network.Citation;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.NetworkException;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.network.NodeSpec;
import org.caravan.network.Origin;
import org.caravan.network.Problem;
import org.caravan.network.ServiceSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.Status;
import org.caravan.network.TransferSpec;

/**
 * Reads network files into a {@link NetworkSpec}: the built-in default network, then any overlays
 * on top.
 *
 * <p>Reading is in three steps, each collecting every problem it finds before it gives up: (1) each
 * CSV file is parsed into rows of text cells that remember their file and line; (2) the layers are
 * merged, an overlay row with the key of a base row replacing only the cells it fills (so a
 * two-column overlay can raise one capacity); (3) the merged rows are parsed into typed specs.
 * Semantic checks (unknown nodes, sources, reachability) follow in {@link
 * org.caravan.network.Network#build}. Nothing is returned unless all steps pass.
 */
public final class NetworkFiles {
  /** Classpath folder of the default network (packed from {@code data/network} at build time). */
  public static final String DEFAULT_RESOURCE_DIR = "org/caravan/network/default/";

  private static final CSVFormat FORMAT = TextFiles.CSV;

  private NetworkFiles() {}

  /** One file of one layer, ready to be read. */
  public record Input(String name, Table table, ReaderSupplier reader) {}

  /** Opens a reader; may throw {@link IOException}. */
  @FunctionalInterface
  public interface ReaderSupplier {
    Reader open() throws IOException;
  }

  /** The default network as packed in the jar. */
  public static NetworkSpec readDefault() {
    return read(List.of(defaultLayer()));
  }

  /**
   * The default network with each overlay (a directory or a single file) applied on top, in order.
   */
  public static NetworkSpec readDefaultWith(List<Path> overlays) {
    List<List<Input>> layers = new ArrayList<>();
    layers.add(defaultLayer());
    List<Problem> problems = new ArrayList<>();
    for (Path p : overlays) {
      layers.add(layerOf(p, problems));
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return read(layers);
  }

  /** A network read from one directory only (no default underneath), e.g. an exported copy. */
  public static NetworkSpec readDirectory(Path dir) {
    List<Problem> problems = new ArrayList<>();
    List<Input> layer = layerOf(dir, problems);
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return read(List.of(layer));
  }

  /** The inputs of the built-in default network. */
  public static List<Input> defaultLayer() {
    List<Input> inputs = new ArrayList<>();
    for (Table t : Table.values()) {
      String resource = DEFAULT_RESOURCE_DIR + t.fileName();
      inputs.add(
          new Input(
              "data/network/" + t.fileName(),
              t,
              () -> {
                InputStream in = NetworkFiles.class.getClassLoader().getResourceAsStream(resource);
                if (in == null) {
                  throw new IOException("resource " + resource + " is missing from the class path");
                }
                return new InputStreamReader(in, StandardCharsets.UTF_8);
              }));
    }
    return inputs;
  }

  /**
   * The file of dated border episodes in an overlay ({@code org.caravan.network.Episodes}); not a
   * table of the network itself, so an overlay may hold it alone.
   */
  public static final String EPISODES_FILE = "episodes.csv";

  /** The inputs of a directory (its files named after the tables) or a single file. */
  public static List<Input> layerOf(Path path, List<Problem> problems) {
    List<Input> inputs = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        List<Path> csvs =
            files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        for (Path f : csvs) {
          Table.forFileName(f.getFileName().toString()).ifPresent(t -> inputs.add(fileInput(f, t)));
        }
        if (inputs.isEmpty() && !Files.exists(path.resolve(EPISODES_FILE))) {
          problems.add(
              new Problem(
                  new Origin(path.toString(), 0),
                  "",
                  "no network files here (expected nodes.csv, links.csv, transfers.csv, services.csv, sources.csv or episodes.csv)"));
        }
      } catch (IOException e) {
        problems.add(
            new Problem(
                new Origin(path.toString(), 0), "", "cannot list directory: " + e.getMessage()));
      }
    } else if (!Files.exists(path)) {
      problems.add(new Problem(new Origin(path.toString(), 0), "", "no such file or directory"));
    } else {
      Optional<Table> t = Table.forFileName(path.getFileName().toString());
      if (t.isEmpty() && path.getFileName().toString().endsWith(EPISODES_FILE)) {
        return inputs; // dated border episodes, read by Episodes.readWith
      }
      if (t.isEmpty()) {
        problems.add(
            new Problem(
                new Origin(path.toString(), 0),
                "",
                "cannot tell which table this is: name the file nodes.csv, links.csv, transfers.csv, services.csv or sources.csv (a prefix such as my-links.csv is fine)"));
      } else {
        inputs.add(fileInput(path, t.get()));
      }
    }
    return inputs;
  }

  private static Input fileInput(Path file, Table table) {
    return new Input(file.toString(), table, () -> TextFiles.open(file));
  }

  /** A row of text cells, each remembering where it was read. */
  record Cell(String value, Origin origin) {}

  /** Reads and merges the layers (first is the base), then parses the merged rows. */
  public static NetworkSpec read(List<List<Input>> layers) {
    List<Problem> problems = new ArrayList<>();
    Map<Table, LinkedHashMap<String, Map<String, Cell>>> merged = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      merged.put(t, new LinkedHashMap<>());
    }
    for (List<Input> layer : layers) {
      Map<Table, Map<String, Origin>> seenInLayer = new EnumMap<>(Table.class);
      for (Input input : layer) {
        Map<String, Origin> seen = seenInLayer.computeIfAbsent(input.table(), k -> new HashMap<>());
        for (Map<String, Cell> row : readRows(input, problems)) {
          String key = key(input.table(), row);
          Origin rowOrigin = row.values().iterator().next().origin();
          Origin first = seen.putIfAbsent(key, rowOrigin);
          if (first != null) {
            String field = input.table().keyColumns().getFirst();
            problems.add(
                new Problem(
                    rowOrigin,
                    field,
                    "duplicate "
                        + describeKey(input.table())
                        + " '"
                        + key
                        + "' (first defined at "
                        + first
                        + ")"));
            continue;
          }
          Map<String, Cell> base = merged.get(input.table()).get(key);
          if (base == null) {
            merged.get(input.table()).put(key, new LinkedHashMap<>(row));
          } else {
            row.forEach(
                (column, cell) -> {
                  if (!cell.value().isEmpty()) {
                    base.put(column, cell);
                  }
                });
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return new RowParser(merged, problems).parse();
  }

  private static String describeKey(Table t) {
    return t == Table.TRANSFERS ? "transfer" : "id";
  }

  private static String key(Table table, Map<String, Cell> row) {
    if (table == Table.TRANSFERS) {
      String a = value(row, "from_class");
      String b = value(row, "to_class");
      return value(row, "node") + "|" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a);
    }
    return value(row, "id");
  }

  private static String value(Map<String, Cell> row, String column) {
    Cell c = row.get(column);
    return c == null ? "" : c.value();
  }

  private static List<Map<String, Cell>> readRows(Input input, List<Problem> problems) {
    List<Map<String, Cell>> rows = new ArrayList<>();
    Table table = input.table();
    try (Reader reader = input.reader().open();
        CSVParser parser = CSVParser.parse(reader, TextFiles.CSV)) {
      List<String> header = parser.getHeaderNames();
      Origin headerOrigin = new Origin(input.name(), 1);
      boolean headerOk = true;
      for (String column : header) {
        if (!table.columns().contains(column)) {
          problems.add(
              new Problem(
                  headerOrigin,
                  column,
                  "unknown column in "
                      + table.fileName()
                      + "; known columns: "
                      + String.join(", ", table.columns())));
          headerOk = false;
        }
      }
      for (String keyColumn : table.keyColumns()) {
        if (!header.contains(keyColumn)) {
          problems.add(
              new Problem(
                  headerOrigin,
                  keyColumn,
                  "missing column (every "
                      + table.fileName()
                      + " needs "
                      + String.join(", ", table.keyColumns())
                      + ")"));
          headerOk = false;
        }
      }
      if (!headerOk) {
        return rows;
      }
      for (CSVRecord record : parser) {
        Origin origin = new Origin(input.name(), record.getParser().getCurrentLineNumber());
        if (record.size() != header.size()) {
          problems.add(
              new Problem(
                  origin,
                  "",
                  "expected "
                      + header.size()
                      + " fields as in the header, found "
                      + record.size()));
          continue;
        }
        Map<String, Cell> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), new Cell(record.get(i), origin));
        }
        if (key(table, row).replace("|", "").isEmpty()) {
          problems.add(
              new Problem(origin, table.keyColumns().getFirst(), "empty " + describeKey(table)));
          continue;
        }
        rows.add(row);
      }
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      problems.add(
          new Problem(new Origin(input.name(), 0), "", "malformed CSV: " + rootMessage(e)));
    } catch (IOException e) {
      problems.add(new Problem(new Origin(input.name(), 0), "", "cannot read: " + rootMessage(e)));
    }
    return rows;
  }

  private static String rootMessage(Throwable e) {
    return TextFiles.describe(e);
  }

  /** Turns merged text rows into typed specs, collecting every parse problem. */
  private static final class RowParser {
    private final Map<Table, LinkedHashMap<String, Map<String, Cell>>> rows;
    private final List<Problem> problems;
    private final Map<String, Origin> origins = new HashMap<>();

    RowParser(Map<Table, LinkedHashMap<String, Map<String, Cell>>> rows, List<Problem> problems) {
      this.rows = rows;
      this.problems = problems;
    }

    NetworkSpec parse() {
      List<SourceSpec> sources = new ArrayList<>();
      List<NodeSpec> nodes = new ArrayList<>();
      List<LinkSpec> links = new ArrayList<>();
      List<TransferSpec> transfers = new ArrayList<>();
      List<ServiceSpec> services = new ArrayList<>();
      each(
          Table.SOURCES,
          (id, r) ->
              sources.add(
                  new SourceSpec(
                      id,
                      text(r, "kind"),
                      text(r, "title"),
                      text(r, "publisher"),
                      text(r, "date"),
                      text(r, "url"),
                      text(r, "licence"))));
      each(
          Table.NODES,
          (id, r) -> {
            NodeKind kind =
                enumValue(r, "kind", NodeKind::parse, "terminal, port, border, gauge_change, city")
                    .orElse(NodeKind.CITY);
            nodes.add(
                new NodeSpec(
                    id,
                    text(r, "name"),
                    list(r, "aliases"),
                    kind,
                    text(r, "country"),
                    number(r, "lat"),
                    number(r, "lon"),
                    number(r, "dwell_h"),
                    number(r, "dwell_sd_h"),
                    number(r, "dwell_out_h"),
                    number(r, "dwell_out_sd_h"),
                    number(r, "handling_h"),
                    number(r, "handling_usd_teu"),
                    number(r, "capacity_teu_day"),
                    status(r),
                    year(r),
                    text(r, "range"),
                    citation(Table.NODES, r)));
          });
      each(
          Table.LINKS,
          (id, r) -> {
            Mode mode =
                enumValue(r, "mode", Mode::parse, "rail, road, ferry, sea, iww").orElse(Mode.RAIL);
            double gauge = number(r, "gauge");
            links.add(
                new LinkSpec(
                    id,
                    text(r, "from"),
                    text(r, "to"),
                    mode,
                    bool(r, "directed"),
                    Double.isNaN(gauge) ? 0 : (int) gauge,
                    bool(r, "electrified"),
                    text(r, "track"),
                    text(r, "ferry_type"),
                    number(r, "distance_km"),
                    number(r, "duration_h"),
                    number(r, "duration_sd_h"),
                    number(r, "tariff_usd_teu"),
                    number(r, "capacity_teu_day"),
                    list(r, "countries"),
                    list(r, "passages"),
                    text(r, "toc"),
                    text(r, "service"),
                    status(r),
                    year(r),
                    text(r, "range"),
                    citation(Table.LINKS, r)));
          });
      each(
          Table.TRANSFERS,
          (id, r) -> {
            String classes = "rail1520, rail1435, road, ferry, sea, iww, rail1668";
            CarrierClass a =
                enumValue(r, "from_class", CarrierClass::parse, classes).orElse(CarrierClass.ROAD);
            CarrierClass b =
                enumValue(r, "to_class", CarrierClass::parse, classes).orElse(CarrierClass.ROAD);
            transfers.add(
                new TransferSpec(
                    text(r, "node"),
                    a,
                    b,
                    number(r, "time_h"),
                    number(r, "cost_usd_teu"),
                    citation(Table.TRANSFERS, r)));
          });
      each(
          Table.SERVICES,
          (id, r) ->
              services.add(
                  new ServiceSpec(
                      id,
                      text(r, "link"),
                      text(r, "kind"),
                      number(r, "departures_per_week"),
                      number(r, "first_departure_h"),
                      list(r, "timetable"),
                      number(r, "capacity_teu"),
                      text(r, "operator"),
                      citation(Table.SERVICES, r))));
      if (!problems.isEmpty()) {
        throw new NetworkException(problems);
      }
      return new NetworkSpec(sources, nodes, links, transfers, services, origins);
    }

    private void each(
        Table table, java.util.function.BiConsumer<String, Map<String, Cell>> parseRow) {
      for (Map.Entry<String, Map<String, Cell>> e : rows.get(table).entrySet()) {
        Map<String, Cell> r = e.getValue();
        String tableName = table.name().toLowerCase(java.util.Locale.ROOT);
        Origin rowOrigin = r.get(table.keyColumns().getFirst()).origin();
        origins.put(tableName + "/" + e.getKey(), rowOrigin);
        r.forEach(
            (column, cell) -> {
              if (!cell.origin().equals(rowOrigin)) {
                origins.put(tableName + "/" + e.getKey() + "#" + column, cell.origin());
              }
            });
        boolean complete = true;
        for (String column : table.required()) {
          if (text(r, column).isEmpty()) {
            problems.add(
                new Problem(
                    originOf(r, column, rowOrigin),
                    column,
                    "missing value (required in " + table.fileName() + ")"));
            complete = false;
          }
        }
        if (complete) {
          parseRow.accept(e.getKey(), r);
        }
      }
    }

    private static Origin originOf(Map<String, Cell> r, String column, Origin fallback) {
      Cell c = r.get(column);
      return c == null ? fallback : c.origin();
    }

    private static String text(Map<String, Cell> r, String column) {
      Cell c = r.get(column);
      return c == null ? "" : c.value();
    }

    private static List<String> list(Map<String, Cell> r, String column) {
      String v = text(r, column);
      return v.isEmpty()
          ? List.of()
          : Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private double number(Map<String, Cell> r, String column) {
      Cell c = r.get(column);
      if (c == null || c.value().isEmpty()) {
        return Double.NaN;
      }
      OptionalDouble d = TextFiles.finiteNumber(c.value());
      if (d.isEmpty()) {
        problems.add(new Problem(c.origin(), column, "not a number: '" + c.value() + "'"));
        return Double.NaN;
      }
      return d.getAsDouble();
    }

    private Status status(Map<String, Cell> r) {
      Cell c = r.get("status");
      if (c == null) {
        return Status.OPERATIONAL;
      }
      return enumValue(r, "status", Status::parse, "operational, planned (empty = operational)")
          .orElse(Status.OPERATIONAL);
    }

    /** The opening year, 0 when empty. */
    private int year(Map<String, Cell> r) {
      double y = number(r, "opening_year");
      if (Double.isNaN(y)) {
        return 0;
      }
      if (y != Math.rint(y) || y < 1800 || y > 2100) {
        problems.add(
            new Problem(
                r.get("opening_year").origin(),
                "opening_year",
                "expected a year such as 2029, found '" + r.get("opening_year").value() + "'"));
        return 0;
      }
      return (int) y;
    }

    private boolean bool(Map<String, Cell> r, String column) {
      Cell c = r.get(column);
      if (c == null || c.value().isEmpty() || c.value().equals("false")) {
        return false;
      }
      if (c.value().equals("true")) {
        return true;
      }
      problems.add(
          new Problem(c.origin(), column, "expected true or false, found '" + c.value() + "'"));
      return false;
    }

    private <E> Optional<E> enumValue(
        Map<String, Cell> r,
        String column,
        java.util.function.Function<String, Optional<E>> parse,
        String allowed) {
      Cell c = r.get(column);
      Optional<E> v = parse.apply(c.value());
      if (v.isEmpty()) {
        problems.add(
            new Problem(
                c.origin(),
                column,
                "unknown value '" + c.value() + "'; expected one of " + allowed));
      }
      return v;
    }

    /** The row's {@code source} and {@code <group>_source} columns (those filled) and notes. */
    private static Citation citation(Table table, Map<String, Cell> r) {
      Map<String, String> sources = new HashMap<>();
      String rowSource = text(r, "source");
      if (!rowSource.isEmpty()) {
        sources.put("", rowSource);
      }
      for (String group : table.sourceGroups()) {
        String s = text(r, group + "_source");
        if (!s.isEmpty()) {
          sources.put(group, s);
        }
      }
      return new Citation(sources, text(r, "notes"));
    }
  }
}
