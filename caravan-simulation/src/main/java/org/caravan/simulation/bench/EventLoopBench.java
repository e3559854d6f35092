package org.caravan.simulation.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.caravan.simulation.engine.EventDispatcher;
import org.caravan.simulation.engine.EventEngine;

/**
 * Raw event-loop throughput with the classic hold model (Vaucher and Duval, CACM 18(4), 1975): the
 * event list holds {@code pending} events; each dispatched event schedules one new event a random
 * delay later, so the list size stays constant and each event costs one pop and one push. Delays
 * come from a table filled before timing, so the timed loop draws no random numbers and allocates
 * nothing. Usage: {@code java -cp caravan-simulation/target/classes
 * org.caravan.simulation.bench.EventLoopBench [EVENTS [PENDING [SEED]]]}; prints {@code events=N
 * pending=P wall_s=T events_per_s=R}. Not a JMH benchmark: one timed run after one untimed warm-up
 * run of a tenth of the events.
 */
public final class EventLoopBench implements EventDispatcher {
  private static final int TABLE = 1 << 16;

  private final EventEngine engine = new EventEngine(1_000_000L, 1024);
  private final long[] delay_ticks = new long[TABLE];
  private final long events;
  private int cursor;

  private EventLoopBench(long events, int pending, long seed) {
    this.events = events;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < TABLE; i++) {
      delay_ticks[i] = (long) (rng.nextExponential() * 1_000_000L);
    }
    for (int i = 0; i < pending; i++) {
      engine.schedule(delay_ticks[cursor++ & (TABLE - 1)], i & 7, i);
    }
  }

  @Override
  public void dispatch(int type, int entity) {
    if (engine.dispatched() + engine.pending() <= events) {
      engine.schedule(engine.now() + delay_ticks[cursor++ & (TABLE - 1)], type, entity);
    }
  }

  /** Runs {@code events} events with {@code pending} in the list; returns wall seconds. */
  static double time(long events, int pending, long seed) {
    EventLoopBench b = new EventLoopBench(events, pending, seed);
    long t0 = System.nanoTime();
    long n = b.engine.run(b);
    double wall_s = (System.nanoTime() - t0) / 1e9;
    if (n < events) {
      throw new IllegalStateException("ran " + n + " events, expected at least " + events);
    }
    return wall_s;
  }

  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
    int pending = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    if (events <= 0 || pending <= 0) {
      System.err.println("events and pending must be > 0");
      System.exit(1);
    }
    time(Math.max(1, events / 10), pending, seed);
    double wall_s = time(events, pending, seed);
    System.out.println(
        String.format(
            Locale.ROOT,
            "events=%d pending=%d wall_s=%.3f events_per_s=%.0f",
            events,
            pending,
            wall_s,
            events / wall_s));
  }
}
