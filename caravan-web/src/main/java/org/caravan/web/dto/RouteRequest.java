package org.caravan.web.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Optional;
import org.caravan.scenario.RouteQuery;

/**
 * The body of {@code POST /api/routes}: a route question, field for field the CLI's {@code caravan
 * route} options. Only {@code from} and {@code to} are required; empty optionals take the planner's
 * defaults (one TEU of general cargo, departing today, Pareto routes).
 *
 * @param from place name, alias, UN/LOCODE or {@code "lat,lon"}
 * @param depart departure date {@code YYYY-MM-DD} (UTC)
 * @param limits {@code avoid_countries}, {@code avoid_passages}, {@code modes}, {@code
 *     max_transshipments}, {@code max_days} and {@code max_budget_usd}: the gateway's own record of
 *     what a route may not use or exceed, read from the body's top level like the other fields
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
    @JsonUnwrapped RouteQuery.Limits limits,
    Optional<String> objective,
    Optional<Integer> alternatives,
    Optional<Integer> labelCap,
    Optional<Double> epsilon,
    Optional<Boolean> includePlanned) {

  /** A body without any limit field has none. */
  public RouteRequest {
    limits = limits == null ? RouteQuery.Limits.NONE : limits;
  }
}
