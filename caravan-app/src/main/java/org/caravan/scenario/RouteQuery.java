package org.caravan.scenario;

import java.time.LocalDate;
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
    List<String> avoidCountries,
    List<String> avoidPassages,
    List<String> modes,
    Optional<Integer> maxTransshipments,
    Optional<Double> maxDays,
    Optional<Double> maxBudgetUsd,
    String objective,
    int alternatives,
    int labelCap,
    Optional<Double> epsilon) {

  public RouteQuery {
    avoidCountries = List.copyOf(avoidCountries);
    avoidPassages = List.copyOf(avoidPassages);
    modes = List.copyOf(modes);
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
        List.of(),
        List.of(),
        modes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "pareto",
        1,
        0,
        Optional.empty());
  }
}
