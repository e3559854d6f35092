/**
 * Command-line benchmarks that need only the simulation module's class path: the M/M/c benchmark
 * against SimPy ({@link org.caravan.simulation.bench.MmcMain}) and the raw event-loop hold-model
 * benchmark ({@link org.caravan.simulation.bench.EventLoopBench}). Used by {@code
 * bench/mmc-vs-simpy.sh}.
 */
package org.caravan.simulation.bench;
