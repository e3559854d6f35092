package org.caravan.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/routes}: a route question, field for field the CLI's {@code caravan route} options.
 * Only {@code from} and {@code to} are required; empty optionals take the planner's defaults (one TEU of general
 * cargo, departing today, Pareto routes).
 *
 * @param from place name, alias, UN/LOCODE or {@code "lat,lon"}
 * @param depart departure date {@code YYYY-MM-DD} (UTC)
 * @param labelCap labels kept per node in the Pareto search; empty or 0 keeps all. Only when {@code epsilon} is 0
 *     (the exact Pareto set, which can take minutes on long corridors) does an empty cap mean {@link
 *     #EXACT_LABEL_CAP}, so one request cannot hold a core for minutes by accident
 * @param epsilon Pareto tolerance: a route must beat the others by more than this fraction on some criterion to be
 *     kept; empty takes the planner's default, 0 asks for the exact set
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
    Optional<Double> epsilon) {

  /** Labels per node when the request asks for the exact Pareto set ({@code epsilon: 0}) without a cap. */
  public static final int EXACT_LABEL_CAP = 16;

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
