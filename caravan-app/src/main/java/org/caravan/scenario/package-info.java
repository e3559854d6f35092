/**
 * The composition root: {@link org.caravan.scenario.Caravan} loads the network with its overlays
 * and wires the routing and emissions modules, which never see each other (the router is built once
 * and handed to whoever needs it; no service locator). {@link org.caravan.scenario.Planner} turns
 * user questions (places by name, cargo, constraints) into route requests and checks every field.
 * Bad input is a {@link org.caravan.scenario.UserException} carrying a {@link
 * org.caravan.scenario.UserError}: the field at fault, an {@link org.caravan.scenario.ErrorCode}
 * and a message template that names request fields as {@code {field}}, so the CLI and the HTTP API
 * each name them in their own words. {@link org.caravan.scenario.Choices} lists what users may
 * choose from (passages, modes, cargo classes, objectives) from the engine enums. The front ends
 * reach this package through the gateway, {@code org.caravan.app}. {@link
 * org.caravan.scenario.NetworkEmissions} precomputes each link's and hub's CO2e (WTT, TTW, range)
 * once per network for routing; {@link org.caravan.scenario.RouteCo2e} splits a route into ISO
 * 14083 transport and hub elements with the same numbers; the gateway's {@code EmissionsValidation}
 * compares the result with hand calculations and published figures. {@link
 * org.caravan.scenario.Table} declares a table once by its columns and renders it as Markdown (the
 * generated docs) or as fixed-width text (the commands), so no renderer repeats a row's fields.
 * {@link org.caravan.scenario.CorridorRoutes} is the one home of the corridor rule (which routes
 * count as on the middle, northern, southern or sea corridor; the words in {@link
 * org.caravan.scenario.CorridorLabels}): the simulation assigns its flows with it, the validation
 * times its targets with it, and the planner answers {@code --corridor} with it.
 */
package org.caravan.scenario;
