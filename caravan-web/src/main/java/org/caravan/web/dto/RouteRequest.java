package org.caravan.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/routes}: a route question, field for field the CLI's {@code caravan
 * route} options. Only {@code from} and {@code to} are required; empty optionals take the planner's
 * defaults (one TEU of general cargo, departing today, Pareto routes).
 *
 * @param from place name, alias, UN/LOCODE or {@code "lat,lon"}
 * @param depart departure date {@code YYYY-MM-DD} (UTC)
 * @param labelCap labels kept per node in the Pareto search; empty or 0 keeps all (the exact
 *     search)
 * @param epsilon thinning of the Pareto set: a route is left out when a returned one is within this
 *     fraction on every criterion; empty takes the planner's default, 0 returns every Pareto route
 * @param includePlanned also route over planned infrastructure (default false)
 */
public record RouteRequest(
    Optional<String> from,
    Optional<String> to,
    Optional<Double> teu,
    Optional<Double> feu,
    Optional<Double> tonnes,
    Optional<String> cargo,
    Optional<Integer> unClass,
    Optional<String> depart,
    List<String> avoidCountries,
    List<String> avoidPassages,
    List<String> modes,
    Optional<Integer> maxTransshipments,
    Optional<Double> maxDays,
    Optional<Double> maxBudgetUsd,
    Optional<String> objective,
    Optional<Integer> alternatives,
    Optional<Integer> labelCap,
    Optional<Double> epsilon,
    Optional<Boolean> includePlanned) {

  /** Absent lists become empty; null entries are kept so that validation can name them. */
  public RouteRequest {
    avoidCountries = copy(avoidCountries);
    avoidPassages = copy(avoidPassages);
    modes = copy(modes);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
