package org.caravan.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

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
}
