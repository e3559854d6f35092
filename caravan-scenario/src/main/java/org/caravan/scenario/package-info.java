/**
 * The composition root: {@link org.caravan.scenario.Caravan} loads the network with its overlays and wires the
 * routing, emissions and simulation modules, which never see each other; {@link org.caravan.scenario.Planner}
 * turns user questions (places by name, cargo, constraints) into route requests and checks every field, naming
 * it in a {@link org.caravan.scenario.UserException}; {@link org.caravan.scenario.RouteViews} is the public JSON
 * shape shared by the CLI and the HTTP API. {@link org.caravan.scenario.NetworkEmissions} precomputes each link's
 * and hub's CO2e (WTT, TTW, range) once per network for routing; {@link org.caravan.scenario.RouteCo2e} splits a
 * route into ISO 14083 transport and hub elements with the same numbers; {@link
 * org.caravan.scenario.EmissionsValidation} compares the result with hand calculations and published figures.
 */
package org.caravan.scenario;
