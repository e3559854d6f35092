package org.caravan.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A table declared once by its columns (a header and how a row fills the cell) and rendered for a
 * document as a Markdown pipe table or for a terminal as fixed-width text. The generated docs
 * (docs/VALIDATION.md) and the commands' tables use it, so each table is the list of its columns
 * and no renderer repeats a row's fields in a format call.
 *
 * @param <R> the row type
 */
public final class Table<R> {
  private final List<String> headers = new ArrayList<>();
  private final List<Function<? super R, String>> cells = new ArrayList<>();

  /** Adds a column; {@code cell} formats a row's value as text. */
  public Table<R> column(String header, Function<? super R, String> cell) {
    headers.add(header);
    cells.add(cell);
    return this;
  }

  /** A Markdown pipe table: the header row, the {@code |---|} rule, one line per row. */
  public String markdown(Iterable<? extends R> rows) {
    StringBuilder sb = new StringBuilder();
    pipe(sb, headers);
    sb.append("|---".repeat(headers.size())).append("|\n");
    for (R r : rows) {
      pipe(sb, row(r));
    }
    return sb.toString();
  }

  /**
   * Fixed-width text: {@code layout} is a format with one {@code %s} per column (widths and
   * separators, such as {@code "%-26s %8s %s%n"}), used for the header and for every row.
   */
  public String text(String layout, Iterable<? extends R> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, layout, headers.toArray()));
    for (R r : rows) {
      sb.append(String.format(Locale.ROOT, layout, row(r).toArray()));
    }
    return sb.toString();
  }

  private List<String> row(R r) {
    List<String> out = new ArrayList<>(cells.size());
    for (Function<? super R, String> c : cells) {
      out.add(c.apply(r));
    }
    return out;
  }

  private static void pipe(StringBuilder sb, List<String> values) {
    sb.append("| ").append(String.join(" | ", values)).append(" |\n");
  }
}
