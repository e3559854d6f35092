package org.caravan.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caravan.scenario.Choices;
import org.caravan.scenario.RouteQuery;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags of {@code caravan route}, one mixin per part of the question: what is shipped ({@link
 * Cargo}), when it leaves ({@link Departure}), what a route may not do ({@link Limits}), which
 * routes come back ({@link Search}); the route command prints with {@link Formats.Output} and its
 * GeoJSON format. {@link #query} puts them into the gateway's {@link RouteQuery}, the record the
 * HTTP API fills too; the planner validates the values and names the field ({@link CliWords} maps
 * it back to the flag).
 *
 * <p>The route command lists its help in declaration order ({@code sortOptions = false}): it
 * declares the mixins in the order above, and each mixin its flags in help order.
 */
final class RouteOptions {
  private RouteOptions() {}

  /** The question from {@code from} to {@code to} on {@code day} that the flags ask. */
  static RouteQuery query(
      String from, String to, Cargo cargo, Optional<LocalDate> day, Limits limits, Search search) {
    return new RouteQuery(
        from,
        to,
        cargo.teu,
        cargo.feu,
        cargo.tonnes,
        cargo.cargo.value,
        cargo.unClass,
        day,
        limits.limits(),
        search.objective.value,
        search.alternatives,
        search.labelCap,
        search.epsilon);
  }

  /** What is shipped: containers or mass, and the cargo class. */
  static final class Cargo {
    @Option(names = "--teu", description = "Containers in TEU.")
    Optional<Double> teu = Optional.empty();

    @Option(names = "--feu", description = "Containers in FEU (forty-foot; 1 FEU = 2 TEU).")
    Optional<Double> feu = Optional.empty();

    @Option(names = "--tonnes", description = "Gross cargo mass in tonnes (default 10 t per TEU).")
    Optional<Double> tonnes = Optional.empty();

    @Mixin Choice cargo = new Choice("--cargo", Choices.CARGO_CLASSES, "general");

    @Option(names = "--un-class", description = "UN hazard class 1-9 for --cargo dg.")
    Optional<Integer> unClass = Optional.empty();
  }

  /** {@code --depart}: the day the cargo leaves, which also picks the dated rate tables. */
  static final class Departure {
    @Option(names = "--depart", description = "Departure date, YYYY-MM-DD (UTC; default today).")
    Optional<String> depart = Optional.empty();

    /** The day; a value that is no ISO date is a user error naming the flag. */
    Optional<LocalDate> day() {
      try {
        return depart.map(LocalDate::parse);
      } catch (DateTimeParseException e) {
        throw new UserException(
            "depart", "{depart} '" + depart.orElseThrow() + "' is not a date like 2026-12-01");
      }
    }
  }

  /**
   * What a route may not use or exceed. The three list limits are declared from one table ({@link
   * Lists}), which also names the gateway field each fills, so their flags, help and error words
   * have one home; the others are plain options.
   */
  static final class Limits {
    @Mixin ListFlags lists;

    /** A comma-separated list flag: its name, value label, accepted values (empty: any), help. */
    record ListFlag(String name, String label, List<String> choices, String help) {}

    /**
     * The comma-separated list limits, in help order: flag, value label, the accepted values
     * (empty: any, checked by the planner) and help; the constant's lower-case name is the field of
     * {@link RouteQuery.Limits} it fills, as user errors name it.
     */
    enum Lists {
      AVOID_COUNTRIES("--avoid-country", "CC", List.of(), "Countries to avoid, e.g. RU,BY."),
      AVOID_PASSAGES(
          "--avoid-passage",
          "PASSAGE",
          Choices.PASSAGES,
          "Sea passages to avoid: ${COMPLETION-CANDIDATES}."),
      MODES(
          "--modes",
          "MODE",
          Choices.MODES,
          "Allowed modes: ${COMPLETION-CANDIDATES} (default all)."),
      VIA(
          "--via",
          "PLACE",
          List.of(),
          "Places the route must pass, in order, e.g. Aktau,Poti: the fastest route through them.");

      final ListFlag flag;

      Lists(String name, String label, List<String> choices, String help) {
        this.flag = new ListFlag(name, label, choices, help);
      }

      /** The request field, as the gateway's user errors name it. */
      String field() {
        return name().toLowerCase(Locale.ROOT);
      }

      /** The list limit that fills a request field. */
      static Optional<Lists> of(String field) {
        return Arrays.stream(values()).filter(l -> l.field().equals(field)).findFirst();
      }
    }

    /**
     * The {@link Lists} flags and their values. A mixin of {@link Limits}, declared first, so its
     * flags come first in help.
     */
    @Command
    static final class ListFlags {
      /** The values given to each list flag, in order; absent until the flag is given. */
      private final Map<Lists, List<String>> lists = new EnumMap<>(Lists.class);

      /**
       * Declares the list flags on {@link Limits}, whose options picocli then adds to the command.
       */
      @Spec(Spec.Target.MIXEE)
      void declare(CommandSpec limits) {
        for (Lists l : Lists.values()) {
          ListFlag f = l.flag;
          limits.addOption(
              Flags.<List<String>>bound(
                      OptionSpec.builder(f.name())
                          .type(List.class)
                          .auxiliaryTypes(String.class)
                          .splitRegex(",")
                          .paramLabel(f.label())
                          .completionCandidates(f.choices().isEmpty() ? null : f.choices())
                          .description(f.help()),
                      v -> lists.put(l, v),
                      () -> lists.get(l))
                  .build());
        }
      }

      /** The values of a list flag; empty when it was not given. */
      List<String> get(Lists l) {
        return Optional.ofNullable(lists.get(l)).orElse(List.of());
      }
    }

    @Option(
        names = "--max-transshipments",
        description = "At most this many changes of carrier (gauge, ship, truck).")
    Optional<Integer> maxTransshipments = Optional.empty();

    @Option(names = "--max-days", description = "Door-to-door time limit in days.")
    Optional<Double> maxDays = Optional.empty();

    @Option(names = "--max-budget", description = "Cost limit in USD for the whole cargo.")
    Optional<Double> maxBudget = Optional.empty();

    @Option(
        names = "--corridor",
        paramLabel = "CORRIDOR",
        description =
            "Only routes on this corridor, fastest first: middle, northern, southern (or a corridor"
                + " of data/network/corridors.csv by id), sea or sea-cape; the rule the simulation"
                + " and caravan validate use.")
    Optional<String> corridor = Optional.empty();

    /** The gateway's record of these limits. */
    RouteQuery.Limits limits() {
      return new RouteQuery.Limits(
          lists.get(Lists.AVOID_COUNTRIES),
          lists.get(Lists.AVOID_PASSAGES),
          lists.get(Lists.MODES),
          maxTransshipments,
          maxDays,
          maxBudget,
          corridor,
          lists.get(Lists.VIA));
    }
  }

  /** Which routes come back: the objective, how many, and how hard the search looks. */
  static final class Search {
    @Mixin Choice objective = new Choice("--objective", Choices.OBJECTIVES, "pareto");

    @Option(
        names = {"-k", "--alternatives"},
        defaultValue = "1",
        description = "With a single objective: the k best routes (default ${DEFAULT-VALUE}).")
    int alternatives;

    @Option(
        names = "--label-cap",
        defaultValue = "0",
        description = "Labels kept per node (0 = exact Pareto set).")
    int labelCap;

    @Option(
        names = "--include-planned",
        description =
            "Also route over planned infrastructure (links and nodes with status planned, e.g. the China-Kyrgyzstan-Uzbekistan railway, Anaklia).")
    boolean includePlanned;

    @Option(
        names = "--epsilon",
        description =
            "Thinning of the Pareto set, 0 = every Pareto route (default 0.1: leave out routes within 10 %% of a returned one on every criterion; the fastest, cheapest, lowest-CO2e and most reliable always stay).")
    Optional<Double> epsilon = Optional.empty();
  }

  /**
   * A flag that takes one word of a gateway choice list ({@link Choices}) and has a default, e.g.
   * {@code --cargo general}: its help lists the words and the default. A mixin made with its flag,
   * so every such flag is declared and explained alike; the planner checks the word and names the
   * field.
   */
  @Command
  static final class Choice {
    private final String flag;
    private final List<String> words;
    private final String fallback;

    /** The word given, else the default. */
    String value;

    Choice(String flag, List<String> words, String fallback) {
      this.flag = flag;
      this.words = words;
      this.fallback = fallback;
    }

    /** Declares the flag on the mixin or command that holds this one, in its place. */
    @Spec(Spec.Target.MIXEE)
    void declare(CommandSpec holder) {
      holder.addOption(
          Flags.<String>bound(
                  OptionSpec.builder(flag)
                      .type(String.class)
                      .paramLabel("<" + flag.substring(2) + ">")
                      .defaultValue(fallback)
                      .completionCandidates(words)
                      .description("${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})."),
                  v -> value = v,
                  () -> value)
              .build());
    }
  }
}
