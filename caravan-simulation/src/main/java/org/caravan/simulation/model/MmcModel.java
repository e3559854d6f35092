package org.caravan.simulation.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.caravan.simulation.engine.EntityLinks;
import org.caravan.simulation.engine.EventDispatcher;
import org.caravan.simulation.engine.EventEngine;
import org.caravan.simulation.engine.Resource;
import org.caravan.simulation.engine.TraceHash;
import org.caravan.simulation.random.RandomStreams;
import org.caravan.simulation.stats.BatchMeans;
import org.caravan.simulation.stats.ConfidenceInterval;

/**
 * The M/M/c reference model: Poisson arrivals at rate {@code 0.9·c}, {@code c} servers with
 * exponential service at rate 1 (utilisation 0.9), one FIFO queue. It is the engine's validation
 * case (the mean wait has the closed form {@link #erlangCMeanWait}) and its benchmark against SimPy
 * (same work as {@code shared/bench/simpy_mmc.py}: {@code customers} arrivals, run until all are
 * served).
 *
 * <p>Built from the engine parts a corridor model uses: two event types, a {@link Resource},
 * per-purpose random streams (0 for inter-arrival times, 1 for service times) and a {@link
 * BatchMeans} over the waits in order of service start (which is arrival order, the queue being
 * FIFO). Customer slots are recycled through a free list, so memory is bounded by the number of
 * customers in the system, not by {@code customers}.
 *
 * <p>Time resolution: 10^9 ticks per unit (one tick = 1e-9 mean service times). Durations are
 * rounded to the nearest tick, so the rounding error has mean zero and is below 1e-9 per wait; the
 * horizon (9.2·10^9 units) holds about 8·10^9 customers at c = 1, far beyond 10^7.
 */
public final class MmcModel implements EventDispatcher {
  /** Ticks per model time unit (the mean service time). */
  public static final long TICKS_PER_UNIT = 1_000_000_000L;

  /** Utilisation of the reference model. */
  public static final double UTILISATION = 0.9;

  /** Number of batches for the confidence interval (19 degrees of freedom). */
  public static final int BATCHES = 20;

  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;

  private final long customers;
  private final EventEngine engine;
  private final Resource servers;
  private final SplittableRandom arrivals;
  private final SplittableRandom services;
  private final double meanInterarrival_ticks;
  private final double meanService_ticks;
  private final BatchMeans batches;

  private long[] arrival_ticks = new long[64];
  private int[] free = new int[64];
  private int freeCount;
  private int slotsUsed;
  private long arrived;
  private long started;
  private double waitSum_ticks;

  private MmcModel(long customers, int servers, long seed) {
    this.customers = customers;
    this.engine = new EventEngine(TICKS_PER_UNIT, 64);
    this.servers = new Resource(engine, servers, new EntityLinks(64));
    RandomStreams streams = new RandomStreams(seed);
    this.arrivals = streams.stream(0);
    this.services = streams.stream(1);
    this.meanInterarrival_ticks = TICKS_PER_UNIT / (UTILISATION * servers);
    this.meanService_ticks = TICKS_PER_UNIT;
    long batchSize = Math.max(1, customers / BATCHES);
    this.batches = new BatchMeans(BATCHES, batchSize);
  }

  /**
   * Runs the model until {@code customers} customers have arrived and all have been served.
   *
   * @param customers 1 or more
   * @param servers 1 or more
   * @param seed any value; the same seed gives the same result
   */
  public static MmcResult run(long customers, int servers, long seed) {
    return run(customers, servers, seed, false);
  }

  /**
   * As {@link #run(long, int, long)}, optionally hashing the event trace into {@link
   * MmcResult#traceHash()} (slower; for determinism checks).
   */
  public static MmcResult run(long customers, int servers, long seed, boolean traced) {
    if (customers < 1 || servers < 1) {
      throw new IllegalArgumentException(
          "customers and servers must be >= 1, got " + customers + ", " + servers);
    }
    long start_ns = System.nanoTime();
    MmcModel m = new MmcModel(customers, servers, seed);
    TraceHash trace = traced ? new TraceHash() : null;
    m.engine.setListener(trace);
    m.engine.schedule(m.draw(m.arrivals, m.meanInterarrival_ticks), ARRIVAL, -1);
    m.engine.run(m);
    double wall_s = (System.nanoTime() - start_ns) / 1e9;
    return new MmcResult(
        customers,
        servers,
        seed,
        wall_s,
        m.waitSum_ticks / m.started / TICKS_PER_UNIT,
        scaled(m.batches),
        m.servers.utilisation(),
        m.engine.dispatched(),
        traced ? trace.value() : 0);
  }

  @Override
  public void dispatch(int type, int entity) {
    if (type == ARRIVAL) {
      arrive();
    } else {
      depart(entity);
    }
  }

  private void arrive() {
    int c = allocate();
    long now = engine.now();
    arrival_ticks[c] = now;
    if (servers.request(c)) {
      startService(c, now);
    }
    if (++arrived < customers) {
      engine.schedule(now + draw(arrivals, meanInterarrival_ticks), ARRIVAL, -1);
    }
  }

  private void depart(int c) {
    free[freeCount++] = c;
    int next = servers.release();
    if (next != Resource.NONE) {
      startService(next, engine.now());
    }
  }

  private void startService(int c, long now) {
    double wait_ticks = now - arrival_ticks[c];
    waitSum_ticks += wait_ticks;
    batches.add(wait_ticks);
    started++;
    engine.schedule(now + draw(services, meanService_ticks), DEPARTURE, c);
  }

  private int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    int c = slotsUsed++;
    if (c == arrival_ticks.length) {
      arrival_ticks = Arrays.copyOf(arrival_ticks, c * 2);
      free = Arrays.copyOf(free, c * 2);
    }
    return c;
  }

  /** An exponential duration with the given mean, rounded to the nearest tick. */
  private static long draw(SplittableRandom rng, double mean_ticks) {
    return (long) (rng.nextExponential() * mean_ticks + 0.5);
  }

  /** The batch-means interval converted from ticks to units. */
  private static ConfidenceInterval scaled(BatchMeans b) {
    var ci = b.interval(0.99);
    return new ConfidenceInterval(
        ci.mean() / TICKS_PER_UNIT, ci.halfWidth() / TICKS_PER_UNIT, ci.confidence(), ci.batches());
  }

  /**
   * The exact steady-state mean time in queue of M/M/c (Erlang C formula): {@code Wq = C(c, a) /
   * (cμ - λ)} with offered load {@code a = λ/μ} and {@code C} the probability of waiting, computed
   * through the stable Erlang B recursion {@code B(k) = a B(k-1) / (k + a B(k-1))}, {@code C = B /
   * (1 - ρ(1 - B))} (Gross and Harris, Fundamentals of Queueing Theory, §2.3). For c = 1 this is
   * {@code ρ/(μ - λ)}.
   *
   * @param servers c, 1 or more
   * @param arrivalRate λ per unit time, below {@code c·serviceRate}
   * @param serviceRate μ per unit time per server
   * @return mean wait in queue in units of time
   */
  public static double erlangCMeanWait(int servers, double arrivalRate, double serviceRate) {
    double a = arrivalRate / serviceRate;
    double rho = a / servers;
    if (servers < 1 || !(rho > 0 && rho < 1)) {
      throw new IllegalArgumentException("need c >= 1 and 0 < λ < cμ, got " + servers + ", " + rho);
    }
    double b = 1;
    for (int k = 1; k <= servers; k++) {
      b = a * b / (k + a * b);
    }
    double c = b / (1 - rho * (1 - b));
    return c / (servers * serviceRate - arrivalRate);
  }

  /** The exact mean wait of the reference model with {@code servers} servers (λ = 0.9c, μ = 1). */
  public static double exactMeanWait(int servers) {
    return erlangCMeanWait(servers, UTILISATION * servers, 1.0);
  }
}
