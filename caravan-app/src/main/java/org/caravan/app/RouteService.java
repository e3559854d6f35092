package org.caravan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.network.Network;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.Planner;
import org.caravan.scenario.RouteQuery;

/** Route planning: a {@link RouteQuery} in, the public route answer out. Thread-safe. */
public final class RouteService {
  private final Network network;
  private final Planner planner;

  RouteService(Caravan caravan) {
    this.network = caravan.network();
    this.planner = caravan.planner();
  }

  /**
   * The routes for a query, as {@code caravan route --json} prints them.
   *
   * @throws org.caravan.scenario.UserException naming the field when the query is invalid or no route exists
   */
  public RouteViews.Answer plan(RouteQuery query) {
    return RouteViews.answer(network, planner.plan(query));
  }

  /** The routes for a query as a GeoJSON FeatureCollection, one LineString per route. */
  public ObjectNode planGeoJson(RouteQuery query) {
    return RouteViews.geoJson(network, planner.plan(query));
  }
}
