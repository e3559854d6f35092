/**
 * Door-to-door routing: the Pareto set of routes by transit time, cost, CO2e and transit-time
 * variance, or the best routes by one criterion, under constraints (countries, sea passages, modes,
 * cargo class, transshipments, time and budget limits).
 *
 * <p>Design. {@link org.caravan.routing.Router} is the one entry point. A request is compiled once
 * into a {@link org.caravan.routing.QueryContext} (allowed-link bit set, per-link CO2e and price
 * for the cargo, sea-lane detours for the avoided passages; cached and shared between requests with
 * the same constraints and the same dated rate periods in force), then searched by {@link
 * org.caravan.routing.LabelSearch}, a multi-criteria label-setting search over (node, carrier
 * class) states with bounds-based target pruning (Martins 1984; Raith and Ehrgott 2009). Time is
 * absolute, so ferry and feeder waits depend on when a container arrives; the wait rule is
 * first-in-first-out, which keeps the search exact. Emissions and sea lanes come through small
 * interfaces owned here ({@link org.caravan.routing.EmissionModel}, {@link
 * org.caravan.routing.SeaLaneOverrides}, {@link org.caravan.routing.CargoRules}), implemented by
 * the scenario module and {@link org.caravan.routing.SeaLanes}, so routing depends on the network
 * only. Link prices for a shipment (dated rate tables by departure day, per 20-ft or 40-ft box,
 * road per truckload) are computed in one place, {@link org.caravan.routing.Tariffs}. Search state
 * lives in primitive arrays reused per thread.
 */
package org.caravan.routing;
