/**
 * Corridor simulation as a service: scenario files, the model builder and the result files.
 *
 * <p>{@link org.caravan.scenario.sim.ScenarioLoader} reads a YAML scenario strictly (every error
 * names its field, and its line where the parser knows it) and resolves it once into a {@link
 * org.caravan.scenario.sim.Scenario}: run settings plus a {@link
 * org.caravan.scenario.sim.ResolvedScenario} with every default applied, nodes named by network id,
 * kinds as enums, durations in seconds and the start as an {@link java.time.Instant}; dates are
 * formatted again only in the result files. The bound file form ({@link
 * org.caravan.scenario.sim.ScenarioFile}, nullable) leaves the loader only for {@code caravan
 * calibrate}, which edits it and resolves each edit again. {@link
 * org.caravan.scenario.sim.ModelBuilder} takes the resolved scenario as it is and is the one place
 * where routing, emissions and simulation meet: it routes each flow once with the router (fastest
 * route on the flow's corridor), cuts the routes into legs shared by all flows, turns rail links
 * and borders into gates, scheduled ferry and feeder links into crossings with fleets ({@code
 * ModelParts}), shares the legs between flows and prices a unit of each flow in CO2e ({@code
 * ModelLegs}), and places storms and closures on the ports and gates and the network's dated border
 * episodes ({@code Caravan.episodes()}) on the rail legs through their gates, each toward its
 * country and on the simulation clock, and their port closures on the ports ({@code
 * ModelDisruptions}); with the scenario's {@code reactions} it also routes each re-routing flow's
 * alternatives around the dated closures ({@code ReactionRoutes}) and adds the empty return flows;
 * a wagonload flow's marshalling on its first rail leg comes from {@link
 * org.caravan.scenario.sim.Wagonload}, the one home of that rule, which the wait table the router
 * reads uses too; the result is a plain {@link org.caravan.simulation.corridor.CorridorSpec}, so
 * the simulation module never sees routing or emissions (architecture: network ← simulation ←
 * scenario). {@link org.caravan.scenario.sim.SimulationService} runs the replications and {@link
 * org.caravan.scenario.sim.SimulationOutput} writes JSON and CSV files into a temporary folder that
 * is moved into place only when complete ({@code docs/VALIDATION.md} comes from {@code
 * org.caravan.scenario.validation}); {@link org.caravan.scenario.sim.SimulationBench} times the
 * default scenario for {@code docs/BENCHMARKS.md}.
 */
package org.caravan.scenario.sim;
