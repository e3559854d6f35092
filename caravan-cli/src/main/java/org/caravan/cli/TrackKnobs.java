package org.caravan.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The flags of the commands that simulate shipments for tracking ({@code track evaluate}, {@code
 * track sample}), declared from one table ({@link Knob}) with picocli's programmatic model: flag,
 * value label, type (picocli refuses a value of another type), default and help. Each command mixes
 * in {@link Knobs} with the knobs it takes and reads their values by knob, typed.
 */
final class TrackKnobs {
  private TrackKnobs() {}

  /**
   * One flag: its name, value label, type, default ({@code empty}: the flag is required) and help.
   */
  record Knob<T>(
      String flag, String label, Class<T> type, Optional<String> defaultValue, String help) {}

  /** {@code track evaluate --out}: the report. */
  static final Knob<Path> REPORT =
      new Knob<>(
          "--out",
          "FILE",
          Path.class,
          Optional.of("docs/ETA.md"),
          "The report (default ${DEFAULT-VALUE}; replaced).");

  /** {@code track sample --out}: the event file. */
  static final Knob<Path> EVENTS =
      new Knob<>("--out", "FILE", Path.class, Optional.empty(), "New CSV file.");

  static final Knob<Integer> PER_CORRIDOR =
      new Knob<>(
          "--per-corridor",
          "N",
          Integer.class,
          Optional.of("400"),
          "Shipments per corridor and seed (default ${DEFAULT-VALUE}).");

  static final Knob<Long> SEED =
      new Knob<>(
          "--seed",
          "N",
          Long.class,
          Optional.of("7"),
          "Simulation seed (default ${DEFAULT-VALUE}).");

  static final Knob<Integer> DAY =
      new Knob<>(
          "--day",
          "D",
          Integer.class,
          Optional.of("120"),
          "Cut the events at this day after the warm-up (default ${DEFAULT-VALUE}).");

  static final Knob<Integer> SHIPMENTS =
      new Knob<>(
          "--shipments",
          "N",
          Integer.class,
          Optional.of("24"),
          "Shipments in the file (default ${DEFAULT-VALUE}).");

  /** The flags of the knobs a command takes, and their values; a mixin. */
  @Command
  static final class Knobs {
    private final List<Knob<?>> taken;
    private final Map<Knob<?>, Object> values = new HashMap<>();

    Knobs(Knob<?>... taken) {
      this.taken = List.of(taken);
    }

    /** Declares the knobs' flags on the command. */
    @Spec(Spec.Target.MIXEE)
    void declare(CommandSpec command) {
      for (Knob<?> k : taken) {
        OptionSpec.Builder option =
            OptionSpec.builder(k.flag())
                .type(k.type())
                .paramLabel(k.label())
                .required(k.defaultValue().isEmpty())
                .description(k.help());
        k.defaultValue().ifPresent(option::defaultValue);
        command.addOption(
            Flags.<Object>bound(option, v -> values.put(k, v), () -> values.get(k)).build());
      }
    }

    /** The value of a knob this command takes (its default when the flag was not given). */
    <T> T get(Knob<T> k) {
      return k.type().cast(values.get(k));
    }
  }
}
