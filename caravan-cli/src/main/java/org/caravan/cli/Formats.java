package org.caravan.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
   * The output flags of a printing command, as a mixin: {@code --json}, {@code --format} and, for a
   * command with a format of its own beside table and JSON ({@code emissions}: CSV, {@code route}:
   * GeoJSON), that format's switch. They are declared here once, with picocli's programmatic model,
   * for whichever formats a command offers, so they are spelled, explained and checked the same
   * everywhere; a command creates the mixin with its own format.
   */
  @Command
  static class Output {
    private final Optional<String> own;
    private final String ownHelp;
    private CommandSpec mixee;

    /** Whether JSON was asked for, by {@code --json} or {@code --format json}. */
    boolean json;

    /** Whether the command's own format was asked for, by its switch or {@code --format}. */
    boolean ownFormat;

    /** Table or JSON only. */
    Output() {
      this.own = Optional.empty();
      this.ownHelp = "";
    }

    /** Table, JSON or {@code format}, whose switch {@code --format} explains with {@code help}. */
    Output(String format, String help) {
      this.own = Optional.of(format);
      this.ownHelp = help;
    }

    /** Declares the flags on the command, where this mixin stands in its help. */
    @Spec(Spec.Target.MIXEE)
    void declare(CommandSpec command) {
      mixee = command;
      command.addOption(
          switchFlag(
              "--json", "JSON output (same as --format json).", on -> json = on, () -> json));
      own.ifPresent(
          f ->
              command.addOption(
                  switchFlag("--" + f, ownHelp, on -> ownFormat = on, () -> ownFormat)));
      List<String> formats = new ArrayList<>(List.of("table", "json"));
      own.ifPresent(formats::add);
      String also = own.map(f -> "; --json and --" + f + " are the same").orElse("");
      command.addOption(
          Flags.<String>bound(
                  OptionSpec.builder("--format")
                      .type(String.class)
                      .paramLabel(String.join("|", formats))
                      .description("Output format (default table" + also + ")."),
                  f -> format(f, formats),
                  () -> null)
              .build());
    }

    private void format(String value, List<String> formats) {
      if (value == null) {
        return; // picocli resetting the option before a parse
      }
      String v = Formats.check(mixee, value, formats.toArray(String[]::new));
      json = v.equals("json");
      ownFormat = own.isPresent() && v.equals(own.get());
    }

    /** The switches may not ask for two formats at once. */
    void check() {
      if (json && ownFormat) {
        throw new UserException("json", "choose {json} or {" + own.orElseThrow() + "}, not both");
      }
    }

    private static OptionSpec switchFlag(
        String name, String help, Consumer<Boolean> set, Supplier<Boolean> get) {
      return Flags.<Boolean>bound(
              OptionSpec.builder(name)
                  .type(boolean.class)
                  .arity("0")
                  .initialValue(false)
                  .description(help),
              on -> set.accept(Boolean.TRUE.equals(on)),
              get)
          .build();
    }
  }

  /** {@code --json} and {@code --format table|json}: every command that prints a table or JSON. */
  @Command
  static final class TableOrJson extends Output {}
}
