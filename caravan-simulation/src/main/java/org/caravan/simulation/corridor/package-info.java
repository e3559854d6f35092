/**
 * The corridor model: freight on the Eurasian corridors as a discrete-event simulation on the
 * engine.
 *
 * <p>{@link org.caravan.simulation.corridor.CorridorSpec} is the whole input, resolved to dense
 * indexes by the scenario layer (which owns routing, emissions and files). {@link
 * org.caravan.simulation.corridor.CorridorModel} is one replication: units (wagon slots, one FEU or
 * one bulk wagon each) are released by demand, wait in pools, ride block trains through line
 * sections and borders (gates with trains-per-day capacity followed by a running time or a dwell),
 * wait in port yards for ferries and feeders (a fleet per crossing, berths per port, low-water
 * derating), and are held by storms, dated closures and the network's dated border episodes ({@link
 * org.caravan.simulation.corridor.CorridorSpec.Hold}: released after a gate's dwell by the router's
 * one rule, {@code org.caravan.network.Episodes#release_s}, per leg so that an episode holds one
 * direction only, with each train's congestion delay drawn on a stream of its own). Units, trains
 * and vessels live in struct-of-arrays with free lists and intrusive linked lists, so a year of the
 * default scenario allocates almost nothing per event. The model is split by concern into
 * package-private parts that each own their arrays: {@code Demand}, {@code Formation} (units,
 * pools, trains), {@code Borders}, {@code Crossings} (ports, berths, fleets, low water), {@code
 * Disruptions} (storms, closures) and {@code ModelStats}; {@code CorridorModel} wires them and
 * routes events. The opt-in reactions ({@link
 * org.caravan.simulation.corridor.CorridorSpec.Reaction}, docs/SIMULATION.md) live in the same
 * parts: {@code Rerouting} moves units of re-routing flows to precomputed alternatives at closure
 * edges, {@code Formation} releases empty boxes as loaded ones are delivered, {@code Crossings}
 * carries the opposite direction's units on the way back and holds trains before full yards; their
 * KPIs are defined in {@code ReactionKpis} only when a spec switches them on.
 *
 * <p>{@link org.caravan.simulation.corridor.CorridorRunner} runs replications on a thread pool with
 * seeds derived from one scenario seed and folds them in replication order into a {@link
 * org.caravan.simulation.corridor.CorridorResult}: KPIs with 95 % confidence intervals, merged
 * HdrHistograms of door-to-door time (also per flow and calendar month of release, {@link
 * org.caravan.simulation.corridor.CorridorResult#flowMedianDays}), queue-length series and the
 * bottleneck ranking (share of all waiting, in unit-hours), and each resource's mean wait by the
 * season in which trains, vessels or units reached it ({@link
 * org.caravan.simulation.corridor.CorridorResult#seasonMeanWait_h}). The output for one seed does
 * not depend on the number of threads. {@link org.caravan.simulation.corridor.ReplicationPool} is
 * the daemon pool and failure contract of that parallel loop, shared with the study module's local
 * engine.
 */
package org.caravan.simulation.corridor;
