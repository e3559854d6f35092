package org.caravan.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.Choices;
import org.caravan.scenario.RouteQuery;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags of {@code caravan route}, one mixin per part of the question: what is shipped ({@link
 * Cargo}), when it leaves ({@link Departure}), what a route may not do ({@link Limits}), which
 * routes come back ({@link Search}) and how they are printed ({@link Output}). {@link #query} puts
 * them into the gateway's {@link RouteQuery}, the record the HTTP API fills too; the planner
 * validates the values and names the field ({@link CliWords} maps it back to the flag).
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
        cargo.cargo,
        cargo.unClass,
        day,
        limits.limits(),
        search.objective,
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

    @Option(
        names = "--cargo",
        defaultValue = "general",
        completionCandidates = Choices.CargoClasses.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    String cargo;

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

  /** What a route may not use or exceed. */
  static final class Limits {

    @Option(
        names = "--avoid-country",
        split = ",",
        paramLabel = "CC",
        description = "Countries to avoid, e.g. RU,BY.")
    List<String> avoidCountries = new ArrayList<>();

    @Option(
        names = "--avoid-passage",
        split = ",",
        paramLabel = "PASSAGE",
        completionCandidates = Choices.Passages.class,
        description = "Sea passages to avoid: ${COMPLETION-CANDIDATES}.")
    List<String> avoidPassages = new ArrayList<>();

    @Option(
        names = "--modes",
        split = ",",
        paramLabel = "MODE",
        completionCandidates = Choices.Modes.class,
        description = "Allowed modes: ${COMPLETION-CANDIDATES} (default all).")
    List<String> modes = new ArrayList<>();

    @Option(
        names = "--max-transshipments",
        description = "At most this many changes of carrier (gauge, ship, truck).")
    Optional<Integer> maxTransshipments = Optional.empty();

    @Option(names = "--max-days", description = "Door-to-door time limit in days.")
    Optional<Double> maxDays = Optional.empty();

    @Option(names = "--max-budget", description = "Cost limit in USD for the whole cargo.")
    Optional<Double> maxBudget = Optional.empty();

    /** The gateway's record of these limits. */
    RouteQuery.Limits limits() {
      return new RouteQuery.Limits(
          avoidCountries, avoidPassages, modes, maxTransshipments, maxDays, maxBudget);
    }
  }

  /** Which routes come back: the objective, how many, and how hard the search looks. */
  static final class Search {
    @Option(
        names = "--objective",
        defaultValue = "pareto",
        completionCandidates = Choices.Objectives.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    String objective;

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
   * {@code --json}, {@code --geojson} and {@code --format table|json|geojson}: the route's own
   * output flags (the GeoJSON map layer is what only routes have; other commands take {@link
   * Formats.TableOrJson}).
   */
  static final class Output {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--json", description = "JSON output (documented in docs/CLI.md).")
    boolean json;

    @Option(names = "--geojson", description = "GeoJSON output: one LineString per route.")
    boolean geojson;

    @Option(
        names = "--format",
        paramLabel = "table|json|geojson",
        description = "Output format (default table; --json and --geojson are the same).")
    void format(String f) {
      String v = Formats.check(mixee, f, "table", "json", "geojson");
      json = v.equals("json");
      geojson = v.equals("geojson");
    }

    /** The switches may not ask for two formats at once. */
    void check() {
      if (json && geojson) {
        throw new UserException("json", "choose {json} or {geojson}, not both");
      }
    }
  }
}
