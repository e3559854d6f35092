package org.caravan.routing;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a route query.
 *
 * @param routes Pareto-optimal routes sorted by transit time (or the k best by the objective)
 * @param capped true when a label cap may have cut routes from the answer
 * @param labels labels the search created: a measure of its work
 * @param noRoute when there is no route, which constraint removed the last one; constraints are
 *     named by request-field placeholders such as {@code {max_days}}
 */
public record RouteResponse(
    List<Route> routes, boolean capped, long labels, Optional<String> noRoute) {
  public RouteResponse {
    routes = List.copyOf(routes);
  }
}
