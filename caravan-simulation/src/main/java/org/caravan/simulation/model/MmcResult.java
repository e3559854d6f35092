package org.caravan.simulation.model;

import java.util.Locale;
import org.caravan.simulation.stats.ConfidenceInterval;

/**
 * The outcome of one {@link MmcModel} run. Times are in model units (mean service time = 1).
 *
 * @param customers customers served
 * @param servers number of servers
 * @param seed the seed of the run
 * @param wall_s wall-clock seconds of the run
 * @param meanWait mean time in queue (arrival to start of service) over all customers
 * @param waitCi99 99 % batch-means interval for the steady-state mean wait
 * @param utilisation time-average fraction of servers busy
 * @param events events dispatched
 * @param traceHash hash of the event trace, or 0 if the run was not traced
 */
public record MmcResult(
    long customers,
    int servers,
    long seed,
    double wall_s,
    double meanWait,
    ConfidenceInterval waitCi99,
    double utilisation,
    long events,
    long traceHash) {

  /** Customers per wall-clock second. */
  public double customersPerSecond() {
    return customers / wall_s;
  }

  /**
   * The benchmark line, in the format of the SimPy peer script: {@code customers=N wall_s=T
   * customers_per_s=R mean_wait=W}.
   */
  public String line() {
    return String.format(
        Locale.ROOT,
        "customers=%d wall_s=%.3f customers_per_s=%.0f mean_wait=%.4f",
        customers,
        wall_s,
        customersPerSecond(),
        meanWait);
  }
}
