/**
 * The application gateway between the front ends (CLI, HTTP API) and the engines: {@link
 * org.caravan.app.CaravanApp} holds one service per use case ({@link org.caravan.app.RouteService},
 * {@link org.caravan.app.EmissionsService}, {@link org.caravan.app.NetworkService}, {@link
 * org.caravan.app.PlaceService}, {@link org.caravan.app.SimulationRuns}). Services take and return
 * typed records (and JSON trees for documents that are JSON by definition, like GeoJSON); user
 * errors are {@link org.caravan.scenario.UserException}s carrying a {@link
 * org.caravan.scenario.UserError} (field, code, message template), which each front end renders in
 * its own words. JSON documents built from records (tracking answers, study documents, route
 * summaries) go through {@code JsonDocuments}: the record or a Jackson mix-in declares the shape
 * (snake_case, NaN as null) once, instead of fields written one by one. {@code StoreLocation} is
 * the one rule turning a {@code --store} value into the JDBC URL of the study and tracking stores.
 * The front ends depend on this package alone; the architecture test forbids them the engine
 * packages (network, routing, emissions, simulation).
 */
package org.caravan.app;
