package org.caravan.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --format}: the one output-format flag every printing command takes ({@code table}, {@code
 * json}, {@code csv}, {@code geojson} as the command offers), beside the older {@code
 * --json}/{@code --csv}/ {@code --geojson} switches it sets. An unknown value is a parameter error
 * (exit 1) listing the choices.
 */
final class Formats {
  private Formats() {}

  /** The value, lower-cased, if it is one of {@code allowed}. */
  static String check(CommandSpec spec, String value, String... allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!Arrays.asList(allowed).contains(v)) {
      throw new ParameterException(
          spec.commandLine(),
          "--format must be " + String.join(", ", allowed) + "; got '" + value + "'");
    }
    return v;
  }

  /**
   * {@code --json} and {@code --format table|json}, as a mixin: the output flags of every command
   * that prints a table or JSON, so they are spelled and checked the same everywhere.
   */
  static final class TableOrJson {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Whether JSON was asked for, by {@code --json} or {@code --format json}. */
    boolean json;

    @Option(names = "--json", description = "JSON output (same as --format json).")
    void json(boolean on) {
      json = on;
    }

    @Option(
        names = "--format",
        paramLabel = "table|json",
        description = "Output format (default table).")
    void format(String f) {
      json = check(mixee, f, "table", "json").equals("json");
    }
  }
}
