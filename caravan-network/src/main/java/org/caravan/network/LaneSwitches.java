package org.caravan.network;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Dated sea-lane switches ({@code data/network/lanes.csv}): in a period, deep-sea sailings keep
 * away from named passages and sail the best lane that avoids them, as the Red Sea diversion round
 * the Cape of Good Hope from December 2023. A departure in the period routes every sea link whose
 * usual lane crosses such a passage along the detour (distance, time, CO2e), exactly as if the user
 * had asked to avoid the passages; the dated rate tables price the sailing. One row per period:
 * {@code id, name, valid_from, valid_to, avoid_passages, kind, source, notes}. Periods of one id
 * must not overlap. Validation collects every problem with file, line and field. Immutable.
 */
public final class LaneSwitches {
  /** Classpath location of the default file (packed from {@code data/network}). */
  public static final String DEFAULT_LANES = "org/caravan/network/default/lanes.csv";

  /** No switches: every sea link sails its usual lane. */
  public static final LaneSwitches NONE = new LaneSwitches(List.of());

  private static final List<String> COLUMNS =
      List.of("id", "name", "valid_from", "valid_to", "avoid_passages", "kind", "source", "notes");

  /**
   * One switch in one period (both dates inclusive).
   *
   * @param kind {@code observed} (carriers announced and sailed it) or {@code estimate} (carried
   *     forward past the last report; the source names the basis)
   */
  public record Switch(
      String id,
      String name,
      LocalDate validFrom,
      LocalDate validTo,
      Set<Passage> avoid,
      String kind,
      String source,
      String notes) {
    public Switch {
      avoid = avoid.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoid));
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The avoided passages as codes, in the enum's order. */
    public List<String> passageCodes() {
      return EnumSet.copyOf(avoid).stream().map(Passage::code).toList();
    }
  }

  private final List<Switch> switches;

  private LaneSwitches(List<Switch> switches) {
    this.switches = List.copyOf(switches);
  }

  public List<Switch> switches() {
    return switches;
  }

  /** The switches in force on a day (empty when every lane is the usual one). */
  public List<Switch> on(LocalDate day) {
    return switches.stream().filter(s -> s.covers(day)).toList();
  }

  /** The default file packed in the jar, its source ids checked against the network's sources. */
  public static LaneSwitches readDefault(NetworkSpec network) {
    return TextFiles.readResource(
        DEFAULT_LANES, "data/network/lanes.csv", (name, r) -> read(name, () -> r, network));
  }

  /**
   * Reads and checks a lanes file.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static LaneSwitches read(String name, RateTables.Opener opener, NetworkSpec network) {
    Set<String> sourceIds = new HashSet<>();
    network.sources().forEach(s -> sourceIds.add(s.id()));
    List<Problem> problems = new ArrayList<>();
    List<Switch> out = new ArrayList<>();
    try (Reader r = opener.open();
        CSVParser p = CSVParser.parse(r, TextFiles.CSV)) {
      for (String c : p.getHeaderNames()) {
        if (!COLUMNS.contains(c)) {
          problems.add(
              new Problem(
                  new Origin(name, 1),
                  c,
                  "unknown column (expected " + String.join(", ", COLUMNS) + ")"));
        }
      }
      for (CSVRecord rec : p) {
        Origin o = new Origin(name, rec.getParser().getCurrentLineNumber());
        Switch s = row(rec, o, sourceIds, problems);
        if (s == null) {
          continue;
        }
        for (Switch q : out) {
          if (q.id().equals(s.id())
              && !q.validFrom().isAfter(s.validTo())
              && !s.validFrom().isAfter(q.validTo())) {
            problems.add(
                new Problem(o, "valid_from", "period overlaps another period of " + s.id()));
          }
        }
        out.add(s);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      problems.add(new Problem(new Origin(name, 0), "", "cannot read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return new LaneSwitches(out);
  }

  private static Switch row(CSVRecord rec, Origin o, Set<String> sourceIds, List<Problem> bad) {
    int before = bad.size();
    String id = cell(rec, "id");
    if (!id.matches("[A-Z0-9][A-Z0-9-]*")) {
      bad.add(new Problem(o, "id", "lane switch id '" + id + "' must be [A-Z0-9-]"));
    }
    LocalDate from = date(rec, "valid_from", o, bad);
    LocalDate to = date(rec, "valid_to", o, bad);
    if (from != null && to != null && to.isBefore(from)) {
      bad.add(
          new Problem(o, "valid_to", "period ends (" + to + ") before it starts (" + from + ")"));
    }
    Set<Passage> avoid = EnumSet.noneOf(Passage.class);
    for (String code : cell(rec, "avoid_passages").split(";")) {
      if (code.isBlank()) {
        continue;
      }
      Passage.parse(code.trim())
          .ifPresentOrElse(
              avoid::add,
              () ->
                  bad.add(
                      new Problem(
                          o, "avoid_passages", "unknown sea passage '" + code.trim() + "'")));
    }
    if (avoid.isEmpty() && bad.size() == before) {
      bad.add(new Problem(o, "avoid_passages", "a lane switch must avoid at least one passage"));
    }
    String kind = cell(rec, "kind");
    if (!kind.equals("observed") && !kind.equals("estimate")) {
      bad.add(new Problem(o, "kind", "expected observed or estimate, found '" + kind + "'"));
    }
    String source = cell(rec, "source");
    if (source.isEmpty()) {
      bad.add(new Problem(o, "source", "every lane switch needs a source"));
    }
    for (String s : source.split("\\+")) {
      if (!s.isBlank() && !sourceIds.contains(s.trim())) {
        bad.add(
            new Problem(
                o, "source", "unknown source id '" + s.trim() + "' (define it in sources.csv)"));
      }
    }
    if (bad.size() > before) {
      return null;
    }
    return new Switch(id, cell(rec, "name"), from, to, avoid, kind, source, cell(rec, "notes"));
  }

  private static String cell(CSVRecord rec, String column) {
    return rec.isMapped(column) && rec.isSet(column) ? rec.get(column) : "";
  }

  private static LocalDate date(CSVRecord rec, String column, Origin o, List<Problem> bad) {
    try {
      return LocalDate.parse(cell(rec, column));
    } catch (DateTimeParseException e) {
      bad.add(
          new Problem(o, column, "expected a date YYYY-MM-DD, found '" + cell(rec, column) + "'"));
      return null;
    }
  }
}
