/**
 * The composition root: {@link org.caravan.scenario.Caravan} loads the network with its overlays and wires the
 * routing, emissions and simulation modules, which never see each other; {@link org.caravan.scenario.Planner}
 * turns user questions (places by name, cargo, constraints) into route requests and checks every field, naming
 * it in a {@link org.caravan.scenario.UserException}; {@link org.caravan.scenario.RouteViews} is the public JSON
 * shape shared by the CLI and the HTTP API.
 */
package org.caravan.scenario;
