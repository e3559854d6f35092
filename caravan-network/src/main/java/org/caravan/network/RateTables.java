package org.caravan.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Dated rate tables: market prices that replace a link's undated {@code tariff_usd_teu} for
 * departures in a period, quoted the way the market quotes them. Two files: {@code rate-tables.csv}
 * names each table and the links it prices; {@code rates.csv} gives one row per table and period. A
 * period's prices are either per container ({@code usd_teu} and {@code usd_feu}, for the link as a
 * whole: ocean and rail quotes) or per 20 t truckload as ADB CAREC CPMM publishes road costs
 * ({@code usd_20t_500km}, scaled by the link's length, plus {@code bcp_usd_20t} per border-crossing
 * point), or a market index ({@code tariff_index}) that scales the undated tariffs of a whole
 * market, for through-prices quoted end to end (China–Europe rail) that no single link carries.
 * Which unit applies is fixed per table. A table lists its links by id, or selects every link of
 * one mode whose countries all lie in a set ({@code mode}, {@code countries}); a link listed by id
 * belongs to that table even when a selector also matches it.
 *
 * <p>Validation collects every problem with file, line and field: unknown tables, links and source
 * ids, unparsable or reversed dates, overlapping periods of one table, mixed units, a FEU cheaper
 * than a TEU, values outside the row's recorded {@code range}. Immutable; safe to share.
 */
public final class RateTables {
  /** Classpath location of the default tables (packed from {@code data/network}). */
  public static final String DEFAULT_TABLES = "org/caravan/network/default/rate-tables.csv";

  public static final String DEFAULT_RATES = "org/caravan/network/default/rates.csv";

  private static final CSVFormat FORMAT = TextFiles.CSV;

  private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]*");

  private static final Pattern RANGE_ITEM =
      Pattern.compile("([a-z_0-9]+)=(-?[0-9.]+)\\.\\.(-?[0-9.]+)");

  /** How a table's prices are quoted. */
  public enum Unit {
    /**
     * Per container for the whole link: {@code usd_teu} for a 20-ft box, {@code usd_feu} for a
     * 40-ft box.
     */
    CONTAINER,
    /**
     * Per 20 t truckload and 500 km (CPMM TFI3), plus a fixed amount per truckload at a border
     * (CPMM TFI2).
     */
    TRUCKLOAD_20T_500KM,
    /** A factor on the undated tariffs of the table's links (1 = the level they were set at). */
    INDEX
  }

  /**
   * One table.
   *
   * @param links link ids (rows of {@code links.csv}) the table prices
   * @param forwardOnly true when only the direction {@code from -> to} of each link is priced
   *     (ocean head-haul quotes); the other direction keeps its undated tariff
   */
  public record Table(
      String id, String name, List<String> links, boolean forwardOnly, Unit unit, String notes) {
    public Table {
      links = List.copyOf(links);
    }
  }

  /**
   * The prices of one table in one period ({@code validFrom} to {@code validTo}, both inclusive).
   *
   * @param sources source ids per field group ({@code ""} = the row's default, {@code teu}, {@code
   *     feu})
   * @param kind what the figure is: {@code observed} (index or market reading), {@code tariff} (a
   *     published carrier or railway tariff), {@code estimate} (named basis in the source)
   */
  public record Period(
      String table,
      String period,
      LocalDate validFrom,
      LocalDate validTo,
      OptionalDouble usdTeu,
      OptionalDouble usdFeu,
      OptionalDouble usd20t500km,
      OptionalDouble bcpUsd20t,
      OptionalDouble tariffIndex,
      Map<String, String> sources,
      String kind,
      String range,
      String notes) {
    public Period {
      sources = Map.copyOf(sources);
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The source cell that applies to a field group. */
    public String source(String group) {
      return sources.getOrDefault(group, sources.getOrDefault("", ""));
    }
  }

  private final Map<String, Table> tables;
  private final List<Period> periods;
  private final Map<String, List<Table>> byLink = new HashMap<>();

  private RateTables(Map<String, Table> tables, List<Period> periods) {
    this.tables = Map.copyOf(tables);
    this.periods = List.copyOf(periods);
    for (Table t : tables.values()) {
      for (String l : t.links()) {
        byLink.computeIfAbsent(l, k -> new ArrayList<>()).add(t);
      }
    }
  }

  /**
   * Which links a selector picks: every link of {@code mode} whose countries all lie in {@code
   * countries}.
   */
  private static List<String> select(NetworkSpec network, Mode mode, Set<String> countries) {
    List<String> ids = new ArrayList<>();
    for (LinkSpec l : network.links()) {
      if (l.mode() == mode && countries.containsAll(l.countries())) {
        ids.add(l.id());
      }
    }
    return ids;
  }

  /** No dated prices: every link keeps its tariff from {@code links.csv}. */
  public static RateTables none() {
    return new RateTables(Map.of(), List.of());
  }

  public Map<String, Table> tables() {
    return tables;
  }

  public List<Period> periods() {
    return periods;
  }

  /** The period of a table that covers a day, if any. */
  public Optional<Period> period(String table, LocalDate day) {
    return periods.stream().filter(p -> p.table().equals(table) && p.covers(day)).findFirst();
  }

  /** The table pricing a link row (by id), if any. */
  public Optional<Table> tableOf(String linkId) {
    List<Table> ts = byLink.get(linkId);
    return ts == null ? Optional.empty() : Optional.of(ts.getFirst());
  }

  /** The default tables packed in the jar, checked against the default network. */
  public static RateTables readDefault(NetworkSpec network) {
    return read(
        resource(DEFAULT_TABLES, "data/network/rate-tables.csv"),
        resource(DEFAULT_RATES, "data/network/rates.csv"),
        network);
  }

  /** Tables from a directory holding {@code rate-tables.csv} and {@code rates.csv}. */
  public static RateTables readDirectory(Path dir, NetworkSpec network) {
    Path t = dir.resolve("rate-tables.csv");
    Path r = dir.resolve("rates.csv");
    return read(
        new Source(t.toString(), () -> Files.newBufferedReader(t, StandardCharsets.UTF_8)),
        new Source(r.toString(), () -> Files.newBufferedReader(r, StandardCharsets.UTF_8)),
        network);
  }

  /** A named, openable CSV text. */
  public record Source(String name, Opener opener) {}

  /** Opens a reader; may throw {@link IOException}. */
  @FunctionalInterface
  public interface Opener {
    Reader open() throws IOException;
  }

  private static Source resource(String path, String name) {
    return new Source(
        name,
        () -> {
          InputStream in = RateTables.class.getClassLoader().getResourceAsStream(path);
          if (in == null) {
            throw new IOException("resource " + path + " is missing from the class path");
          }
          return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
  }

  /**
   * Reads and checks both files against a network.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static RateTables read(Source tablesFile, Source ratesFile, NetworkSpec network) {
    List<Problem> problems = new ArrayList<>();
    Set<String> linkIds = new HashSet<>();
    network.links().forEach(l -> linkIds.add(l.id()));
    Set<String> sourceIds = new HashSet<>();
    network.sources().forEach(s -> sourceIds.add(s.id()));
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, Origin> tableOrigin = new HashMap<>();
    Map<String, Set<Unit>> units = new HashMap<>();
    List<Period> periods = new ArrayList<>();
    List<Origin> periodOrigins = new ArrayList<>();
    Map<String, String> pricedBy = new HashMap<>();
    Map<String, List<String>> selected = new LinkedHashMap<>();
    for (Row row :
        rows(
            tablesFile,
            List.of("id", "name", "links", "mode", "countries", "direction", "notes"),
            problems)) {
      String id = row.get("id");
      if (!ID.matcher(id).matches()) {
        problems.add(row.problem("id", "table id '" + id + "' must be [A-Z0-9-]"));
        continue;
      }
      if (tables.containsKey(id)) {
        problems.add(
            row.problem(
                "id",
                "duplicate table id '" + id + "' (first defined at " + tableOrigin.get(id) + ")"));
        continue;
      }
      List<String> links = new ArrayList<>();
      for (String l : row.get("links").split(";")) {
        String link = l.trim();
        if (link.isEmpty()) {
          continue;
        }
        if (!linkIds.contains(link)) {
          problems.add(row.problem("links", "unknown link '" + link + "'"));
        } else if (pricedBy.containsKey(link)) {
          problems.add(
              row.problem(
                  "links", "link '" + link + "' is already priced by table " + pricedBy.get(link)));
        } else {
          pricedBy.put(link, id);
          links.add(link);
        }
      }
      String modeText = row.get("mode");
      String countryText = row.get("countries");
      if (!modeText.isEmpty() || !countryText.isEmpty()) {
        Optional<Mode> mode = Mode.parse(modeText);
        Set<String> codes = new HashSet<>();
        for (String c : countryText.split(";")) {
          if (c.trim().matches("[A-Z]{2}")) {
            codes.add(c.trim());
          } else {
            problems.add(
                row.problem("countries", "'" + c.trim() + "' is not an ISO 3166-1 alpha-2 code"));
          }
        }
        if (mode.isEmpty()) {
          problems.add(
              row.problem(
                  "mode",
                  "a selector needs a mode (rail, road, ferry, sea, iww), found '"
                      + modeText
                      + "'"));
        } else {
          selected.put(id, select(network, mode.get(), codes));
        }
      } else if (links.isEmpty() && row.get("links").isBlank()) {
        problems.add(
            row.problem(
                "links",
                "a rate table must price at least one link (links, or mode and countries)"));
      }
      String dir = row.get("direction");
      if (!dir.equals("forward") && !dir.equals("both")) {
        problems.add(row.problem("direction", "expected 'forward' or 'both', found '" + dir + "'"));
      }
      tables.put(
          id,
          new Table(
              id, row.get("name"), links, dir.equals("forward"), Unit.CONTAINER, row.get("notes")));
      tableOrigin.put(id, row.origin);
    }
    Map<String, String> selectedBy = new HashMap<>();
    for (var e : selected.entrySet()) {
      List<String> add = new ArrayList<>();
      for (String link : e.getValue()) {
        if (pricedBy.containsKey(link)) {
          continue; // listed by id elsewhere: that table prices it
        }
        String other = selectedBy.get(link);
        if (other != null) {
          problems.add(
              new Problem(
                  tableOrigin.get(e.getKey()),
                  "countries",
                  "link '" + link + "' is selected by tables " + other + " and " + e.getKey()));
          continue;
        }
        selectedBy.put(link, e.getKey());
        add.add(link);
      }
      Table t = tables.get(e.getKey());
      List<String> all = new ArrayList<>(t.links());
      all.addAll(add);
      tables.put(t.id(), new Table(t.id(), t.name(), all, t.forwardOnly(), t.unit(), t.notes()));
    }
    List<String> rateColumns =
        List.of(
            "table",
            "period",
            "valid_from",
            "valid_to",
            "usd_teu",
            "usd_feu",
            "usd_20t_500km",
            "bcp_usd_20t",
            "tariff_index",
            "source",
            "teu_source",
            "feu_source",
            "kind",
            "range",
            "notes");
    for (Row row : rows(ratesFile, rateColumns, problems)) {
      String table = row.get("table");
      if (!tables.containsKey(table)) {
        problems.add(
            row.problem("table", "unknown rate table '" + table + "' (not in rate-tables.csv)"));
        continue;
      }
      LocalDate from = row.date("valid_from", problems);
      LocalDate to = row.date("valid_to", problems);
      if (from != null && to != null && to.isBefore(from)) {
        problems.add(
            row.problem("valid_to", "period ends (" + to + ") before it starts (" + from + ")"));
      }
      OptionalDouble teu = row.number("usd_teu", problems);
      OptionalDouble feu = row.number("usd_feu", problems);
      OptionalDouble road = row.number("usd_20t_500km", problems);
      OptionalDouble bcp = row.number("bcp_usd_20t", problems);
      OptionalDouble index = row.number("tariff_index", problems);
      Unit unit;
      if (index.isPresent() && teu.isEmpty() && feu.isEmpty() && road.isEmpty() && bcp.isEmpty()) {
        unit = Unit.INDEX;
      } else if (index.isPresent()) {
        problems.add(
            row.problem(
                "tariff_index", "a market index stands alone: no usd_* prices on the same row"));
        continue;
      } else if (teu.isPresent() && feu.isPresent() && road.isEmpty() && bcp.isEmpty()) {
        unit = Unit.CONTAINER;
        if (feu.getAsDouble() < teu.getAsDouble()) {
          problems.add(
              row.problem(
                  "usd_feu",
                  "a 40-ft box ("
                      + feu.getAsDouble()
                      + ") cannot cost less than a 20-ft box ("
                      + teu.getAsDouble()
                      + ")"));
        }
      } else if (road.isPresent() && teu.isEmpty() && feu.isEmpty()) {
        unit = Unit.TRUCKLOAD_20T_500KM;
      } else {
        problems.add(
            row.problem(
                "usd_teu",
                "give either usd_teu and usd_feu (per container), usd_20t_500km "
                    + "(per 20 t truckload, CPMM) with optional bcp_usd_20t, or tariff_index"));
        continue;
      }
      units.computeIfAbsent(table, k -> new HashSet<>()).add(unit);
      if (units.get(table).size() > 1) {
        problems.add(
            row.problem(
                "usd_teu", "table " + table + " mixes units (per container, per 20 t, index)"));
      }
      Map<String, String> sources = new HashMap<>();
      for (String group : List.of("", "teu", "feu")) {
        String col = group.isEmpty() ? "source" : group + "_source";
        String cell = row.get(col);
        if (cell.isEmpty()) {
          continue;
        }
        for (String s : cell.split("\\+")) {
          if (!sourceIds.contains(s.trim())) {
            problems.add(
                row.problem(
                    col, "unknown source id '" + s.trim() + "' (define it in sources.csv)"));
          }
        }
        sources.put(group, cell);
      }
      for (String group : unit == Unit.CONTAINER ? List.of("teu", "feu") : List.of("")) {
        if (!sources.containsKey(group) && !sources.containsKey("")) {
          problems.add(
              row.problem("source", "every price needs a source (source or " + group + "_source)"));
        }
      }
      String kind = row.get("kind");
      if (!Set.of("observed", "tariff", "estimate").contains(kind)) {
        problems.add(
            row.problem("kind", "expected observed, tariff or estimate, found '" + kind + "'"));
      }
      checkRange(
          row,
          Map.of(
              "usd_teu",
              teu,
              "usd_feu",
              feu,
              "usd_20t_500km",
              road,
              "bcp_usd_20t",
              bcp,
              "tariff_index",
              index),
          problems);
      if (from == null || to == null) {
        continue;
      }
      Period p =
          new Period(
              table,
              row.get("period"),
              from,
              to,
              teu,
              feu,
              road,
              bcp,
              index,
              sources,
              kind,
              row.get("range"),
              row.get("notes"));
      for (int i = 0; i < periods.size(); i++) {
        Period q = periods.get(i);
        if (q.table().equals(table) && !q.validFrom().isAfter(to) && !from.isAfter(q.validTo())) {
          problems.add(
              row.problem(
                  "valid_from",
                  "period "
                      + p.period()
                      + " overlaps period "
                      + q.period()
                      + " of table "
                      + table
                      + " ("
                      + periodOrigins.get(i)
                      + ")"));
        }
      }
      periods.add(p);
      periodOrigins.add(row.origin);
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    Map<String, Table> typed = new LinkedHashMap<>();
    tables.forEach(
        (id, t) -> {
          Unit u = units.getOrDefault(id, Set.of(Unit.CONTAINER)).iterator().next();
          typed.put(id, new Table(t.id(), t.name(), t.links(), t.forwardOnly(), u, t.notes()));
        });
    return new RateTables(typed, periods);
  }

  private static void checkRange(
      Row row, Map<String, OptionalDouble> values, List<Problem> problems) {
    String range = row.get("range");
    if (range.isEmpty()) {
      return;
    }
    for (String item : range.split(";")) {
      Matcher m = RANGE_ITEM.matcher(item.trim());
      if (!m.matches()) {
        problems.add(row.problem("range", "expected field=low..high, found '" + item.trim() + "'"));
        continue;
      }
      OptionalDouble v = values.get(m.group(1));
      if (v == null) {
        problems.add(row.problem("range", "unknown field '" + m.group(1) + "'"));
        continue;
      }
      double lo = Double.parseDouble(m.group(2));
      double hi = Double.parseDouble(m.group(3));
      if (v.isPresent() && (v.getAsDouble() < lo || v.getAsDouble() > hi)) {
        problems.add(
            row.problem(
                m.group(1),
                v.getAsDouble() + " lies outside its recorded range " + lo + ".." + hi));
      }
    }
  }

  /** One CSV record with its origin. */
  private record Row(Map<String, String> cells, Origin origin) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }

    Problem problem(String field, String message) {
      return new Problem(origin, field, message);
    }

    LocalDate date(String column, List<Problem> problems) {
      try {
        return LocalDate.parse(get(column));
      } catch (DateTimeParseException e) {
        problems.add(problem(column, "expected a date YYYY-MM-DD, found '" + get(column) + "'"));
        return null;
      }
    }

    OptionalDouble number(String column, List<Problem> problems) {
      String v = get(column);
      if (v.isEmpty()) {
        return OptionalDouble.empty();
      }
      try {
        double d = Double.parseDouble(v);
        if (!(d >= 0) || Double.isInfinite(d)) {
          problems.add(problem(column, "must be a non-negative number, found '" + v + "'"));
          return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
      } catch (NumberFormatException e) {
        problems.add(problem(column, "not a number: '" + v + "'"));
        return OptionalDouble.empty();
      }
    }
  }

  private static List<Row> rows(Source source, List<String> columns, List<Problem> problems) {
    List<Row> rows = new ArrayList<>();
    try (Reader r = source.opener().open();
        CSVParser p = CSVParser.parse(r, TextFiles.CSV)) {
      List<String> header = p.getHeaderNames();
      for (String c : header) {
        if (!columns.contains(c)) {
          problems.add(
              new Problem(
                  new Origin(source.name(), 1),
                  c,
                  "unknown column (expected " + String.join(", ", columns) + ")"));
        }
      }
      for (CSVRecord rec : p) {
        Map<String, String> cells = new HashMap<>();
        for (String c : header) {
          cells.put(c, rec.isSet(c) ? rec.get(c) : "");
        }
        rows.add(new Row(cells, new Origin(source.name(), rec.getParser().getCurrentLineNumber())));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      problems.add(
          new Problem(new Origin(source.name(), 0), "", "cannot read: " + TextFiles.describe(e)));
    }
    return rows;
  }
}
