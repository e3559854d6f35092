package org.caravan.network;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * The reading shared by the dated tables of the network ({@code lanes.csv}, {@code episodes.csv}):
 * known columns only, one row at a time with the rows accepted before it (for checks across rows),
 * every problem collected with file, line and field, dates as {@code YYYY-MM-DD}, source ids from
 * {@code sources.csv}. Nothing is returned from a file with a problem.
 */
final class DatedRows {
  private DatedRows() {}

  /** Reads one row; adds its problems and returns empty when it has any. */
  interface Row<T> {
    Optional<T> read(CSVRecord rec, Origin origin, List<T> before, List<Problem> problems);
  }

  /**
   * Every row of a file.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  static <T> List<T> read(String name, RateTables.Opener opener, List<String> columns, Row<T> row) {
    List<Problem> problems = new ArrayList<>();
    List<T> out = new ArrayList<>();
    try (Reader r = opener.open();
        CSVParser p = CSVParser.parse(r, TextFiles.CSV)) {
      for (String c : p.getHeaderNames()) {
        if (!columns.contains(c)) {
          problems.add(
              new Problem(
                  new Origin(name, 1),
                  c,
                  "unknown column (expected " + String.join(", ", columns) + ")"));
        }
      }
      for (CSVRecord rec : p) {
        Origin o = new Origin(name, rec.getParser().getCurrentLineNumber());
        row.read(rec, o, out, problems).ifPresent(out::add);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      problems.add(new Problem(new Origin(name, 0), "", "cannot read: " + TextFiles.describe(e)));
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return out;
  }

  /** The ids of the network's sources. */
  static Set<String> sourceIds(NetworkSpec network) {
    Set<String> ids = new HashSet<>();
    network.sources().forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** Checks a {@code source} cell: present, and every id joined by {@code +} defined. */
  static void checkSource(
      String source, String what, Set<String> sourceIds, Origin o, List<Problem> bad) {
    if (source.isEmpty()) {
      bad.add(new Problem(o, "source", "every " + what + " needs a source"));
    }
    for (String s : source.split("\\+")) {
      if (!s.isBlank() && !sourceIds.contains(s.trim())) {
        bad.add(
            new Problem(
                o, "source", "unknown source id '" + s.trim() + "' (define it in sources.csv)"));
      }
    }
  }

  /** A cell, trimmed; empty when the column is missing. */
  static String cell(CSVRecord rec, String column) {
    return rec.isMapped(column) && rec.isSet(column) ? rec.get(column).trim() : "";
  }

  /** A {@code YYYY-MM-DD} cell, or empty after adding a problem. */
  static Optional<LocalDate> date(CSVRecord rec, String column, Origin o, List<Problem> bad) {
    try {
      return Optional.of(LocalDate.parse(cell(rec, column)));
    } catch (DateTimeParseException e) {
      bad.add(
          new Problem(o, column, "expected a date YYYY-MM-DD, found '" + cell(rec, column) + "'"));
      return Optional.empty();
    }
  }

  /** Checks that a period does not end before it starts (when both dates were read). */
  static void checkPeriod(
      Optional<LocalDate> from, Optional<LocalDate> to, Origin o, List<Problem> bad) {
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      bad.add(
          new Problem(
              o,
              "valid_to",
              "period ends (" + to.get() + ") before it starts (" + from.get() + ")"));
    }
  }
}
