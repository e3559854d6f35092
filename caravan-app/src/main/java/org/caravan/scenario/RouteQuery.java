package org.caravan.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A route question as a user asks it, before places are resolved: what the CLI and the HTTP API
 * both fill. Validation happens in {@link Planner#plan}, which names the offending field.
 *
 * @param from place name, alias, UN/LOCODE or {@code lat,lon}
 * @param teu containers in TEU (an FEU counts 2); used when neither {@code feu} nor {@code tonnes}
 *     is given
 * @param tonnes gross cargo mass; when given without containers, {@code ceil(tonnes / 20)} TEU are
 *     assumed ({@link org.caravan.routing.RouteRequest#TEU_PAYLOAD_T})
 * @param cargo {@code general}, {@code reefer}, {@code bulk} or {@code dg}
 * @param unClass UN hazard class for dangerous goods (1–9)
 * @param limits what the route may not use or exceed
 * @param objective {@code pareto}, {@code time}, {@code cost}, {@code co2e} or {@code weighted}
 * @param epsilon Pareto tolerance; empty = {@link Planner#DEFAULT_EPSILON}, 0 = the exact Pareto
 *     set
 */
public record RouteQuery(
    String from,
    String to,
    Optional<Double> teu,
    Optional<Double> feu,
    Optional<Double> tonnes,
    String cargo,
    Optional<Integer> unClass,
    Optional<LocalDate> depart,
    Limits limits,
    String objective,
    int alternatives,
    int labelCap,
    Optional<Double> epsilon) {

  /**
   * What a route may not use or exceed: one record that the CLI's flags and the HTTP API's body
   * both fill (the API reads it from the body's top level). Names are checked by {@link
   * Planner#plan}, which names the field.
   *
   * @param avoidCountries ISO 3166-1 alpha-2 codes of countries the route may not cross
   * @param avoidPassages sea passages the route may not use ({@link Choices#PASSAGES})
   * @param modes the modes the route may use ({@link Choices#MODES}); empty: every mode
   * @param maxTransshipments most changes of carrier (gauge, ship, truck)
   * @param maxDays door-to-door time limit
   * @param maxBudgetUsd cost limit for the whole cargo
   * @param corridor only routes on this corridor ({@link CorridorRoutes}, the rule the simulation
   *     and the validation use): a label of data/network/corridors.csv ({@code middle}, {@code
   *     northern}, {@code southern}), one of its corridors by id, {@code sea} or {@code sea-cape};
   *     the answer is then that corridor's fastest routes
   * @param via places the route must pass, in order (names, aliases or UN/LOCODEs); the answer is
   *     then the fastest route through them ({@link org.caravan.routing.Router#through})
   */
  public record Limits(
      List<String> avoidCountries,
      List<String> avoidPassages,
      List<String> modes,
      Optional<Integer> maxTransshipments,
      Optional<Double> maxDays,
      Optional<Double> maxBudgetUsd,
      Optional<String> corridor,
      List<String> via) {

    /** No limits: every country, passage and mode, no cap. */
    public static final Limits NONE = modes(List.of());

    /** Absent lists become empty; null entries are kept so that a front end can name them. */
    public Limits {
      avoidCountries = copy(avoidCountries);
      corridor = corridor == null ? Optional.empty() : corridor;
      via = copy(via);
      avoidPassages = copy(avoidPassages);
      modes = copy(modes);
    }

    /** Only these modes (empty: every mode), nothing else limited. */
    public static Limits modes(List<String> modes) {
      return new Limits(
          List.of(),
          List.of(),
          modes,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    }

    private static List<String> copy(List<String> list) {
      return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
  }

  /** From, to and defaults for everything else: one TEU of general cargo, Pareto routes. */
  public static RouteQuery of(String from, String to) {
    return of(from, to, Optional.empty(), List.of());
  }

  /**
   * From, to, a departure date and the modes to use (empty: every mode); defaults for everything
   * else as in {@link #of(String, String)}.
   */
  public static RouteQuery of(
      String from, String to, Optional<LocalDate> depart, List<String> modes) {
    return new RouteQuery(
        from,
        to,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "general",
        Optional.empty(),
        depart,
        Limits.modes(modes),
        "pareto",
        1,
        0,
        Optional.empty());
  }
}
