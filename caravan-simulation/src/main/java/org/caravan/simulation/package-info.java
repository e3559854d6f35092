/**
 * Caravan's discrete-event simulation: the engine that moves shipments, trains and vessels through
 * the corridor network over simulated time, and the statistics that come out of it.
 *
 * <p>The engine follows the event-scheduling worldview (Law, <i>Simulation Modeling and
 * Analysis</i>, 5th ed., 2015, ch. 1): the model's state changes only at events, an event is a
 * small primitive record {@code (time, priority, seq, type, entity)} on a future-event list, and a
 * handler per event type changes the state and schedules further events. There are no process
 * objects, coroutines or threads per simulated process (the costly part of JaamSim and of SimPy's
 * generators): a shipment is an {@code int} index into struct-of-arrays state, and "waiting" means
 * sitting in an intrusive queue of a {@link org.caravan.simulation.engine.Resource}. Time is a
 * {@code long} tick count with a per-model resolution, and events run in {@code (time, priority,
 * seq)} order, so a run is a pure function of the model and its seed; random numbers come from
 * per-purpose streams split from that seed ({@link org.caravan.simulation.random.RandomStreams}).
 * One engine is single-threaded; replications run one engine per thread.
 *
 * <p>Packages: {@code engine} (clock, event list, resources, stores, tracing), {@code random}
 * (streams and distributions), {@code stats} (time-weighted averages, batch-means confidence
 * intervals), {@code model} (models; for now the M/M/c reference model that validates the engine
 * against Erlang C) and {@code bench} (command-line benchmarks). See {@code docs/BENCHMARKS.md} for
 * measured speed.
 */
package org.caravan.simulation;
