package org.caravan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.RouteQuery;

/** Route planning: a {@link RouteQuery} in, the public route answer out. Thread-safe. */
public final class RouteService {
  private final Caravan caravan;

  RouteService(Caravan caravan) {
    this.caravan = caravan;
  }

  /**
   * The routes for a query on today's network, as {@code caravan route --json} prints them.
   *
   * @throws org.caravan.scenario.UserException naming the field when the query is invalid or no
   *     route exists
   */
  public RouteViews.Answer plan(RouteQuery query) {
    return plan(query, false);
  }

  /**
   * The routes for a query; with {@code includePlanned} also over planned infrastructure ({@code
   * --include-planned}, API {@code include_planned}).
   */
  public RouteViews.Answer plan(RouteQuery query, boolean includePlanned) {
    Caravan on = caravan.including(includePlanned);
    return RouteViews.answer(on.network(), on.planner().plan(query));
  }

  /** The routes for a query as a GeoJSON FeatureCollection, one LineString per route. */
  public ObjectNode planGeoJson(RouteQuery query) {
    return planGeoJson(query, false);
  }

  /** As {@link #planGeoJson(RouteQuery)}, optionally over planned infrastructure. */
  public ObjectNode planGeoJson(RouteQuery query, boolean includePlanned) {
    Caravan on = caravan.including(includePlanned);
    return RouteViews.geoJson(on.network(), on.planner().plan(query));
  }
}
