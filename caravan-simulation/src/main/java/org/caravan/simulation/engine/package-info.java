/**
 * The simulation engine: {@link org.caravan.simulation.engine.EventEngine} (a {@code long} clock
 * and a shared 4-ary heap over parallel primitive arrays, dispatching by event-type code), the
 * queueing building block {@link org.caravan.simulation.engine.Resource} with intrusive {@link
 * org.caravan.simulation.engine.IntFifo} queues, the finite buffer that holds arrivals when full
 * ({@link org.caravan.simulation.engine.BlockingBuffer}, back-pressure), and the tracing hook
 * ({@link org.caravan.simulation.engine.EventListener}, {@link
 * org.caravan.simulation.engine.TraceHash}).
 *
 * <p>Hot-path rules: no object per event, no allocation per event except amortised array growth,
 * one dispatcher call per event. Everything here is single-threaded and belongs to one engine.
 */
package org.caravan.simulation.engine;
