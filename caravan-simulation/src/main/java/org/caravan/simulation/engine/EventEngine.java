package org.caravan.simulation.engine;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * A single-threaded discrete-event engine: a {@code long} clock and an event list ordered by
 * {@code (time, priority, seq)}, dispatched by event-type code to one {@link EventDispatcher}.
 *
 * <p>Time: the clock counts ticks; {@link #ticksPerUnit()} fixes how many ticks make one model time unit
 * (a second in corridor models, the mean service time in queueing models). The horizon is
 * {@code Long.MAX_VALUE / ticksPerUnit} units: with 1 000 ticks per second (millisecond resolution) that
 * is 292 million years; with 10^9 ticks per unit (the M/M/c model) it is 9.2·10^9 units.
 *
 * <p>Order: events run by time, then by priority (lower first), then by the order in which they were
 * scheduled ({@code seq}), so a run is a pure function of the model and its seeds.
 *
 * <p>Lifecycle: create, schedule the first events, {@link #run} (or {@link #runUntil}); the engine can be
 * run again after more events are scheduled. Not thread-safe: one engine per thread (replications run
 * one engine each). No allocation per event: the event list grows by doubling and is never shrunk.
 */
public final class EventEngine {
  /**
   * The run loop checks its thread's interrupt flag every 65,536 events (a few milliseconds), so a cancelled
   * job stops inside a replication instead of after it; the check costs one field read per 65,536 events.
   */
  static final long CANCEL_CHECK_MASK = (1 << 16) - 1;

  /*
   * Design. The event-scheduling worldview [1, ch. 1; 2]: state changes only at events, each event is a
   * record (time, priority, seq, type, entity) and a handler per type; no process objects or threads
   * (JaamSim runs one thread per process, which we avoid). The future-event list is an implicit 4-ary
   * min-heap [3] over parallel primitive arrays: a 4-ary heap has half the depth of a binary heap and
   * its four children share a cache line in each array, which wins for the sift-down of every pop [4].
   * Sifts move a hole rather than swapping, so each level costs one write per array.
   *
   * [1] A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill, 2015.
   * [2] J. Banks, J. S. Carson, B. L. Nelson, D. M. Nicol, Discrete-Event System Simulation, 5th ed., 2010.
   * [3] D. B. Johnson, "Priority queues with update and finding minimum spanning trees", IPL 4(3), 1975.
   * [4] A. LaMarca, R. E. Ladner, "The influence of caches on the performance of heaps", JEA 1, 1996.
   */

  private final long ticksPerUnit;
  private final double unitsPerTick;

  private long[] time;
  private int[] priority;
  private long[] seq;
  private int[] type;
  private int[] entity;
  private int size;

  private long now;
  private long nextSeq;
  private long dispatched;
  private boolean stopRequested;
  private EventListener listener;

  /**
   * Creates an engine at tick 0.
   *
   * @param ticksPerUnit ticks per model time unit, at least 1
   */
  public EventEngine(long ticksPerUnit) {
    this(ticksPerUnit, 64);
  }

  /**
   * Creates an engine at tick 0 with room for {@code initialCapacity} pending events before it grows.
   *
   * @param ticksPerUnit ticks per model time unit, at least 1
   */
  public EventEngine(long ticksPerUnit, int initialCapacity) {
    if (ticksPerUnit < 1) {
      throw new IllegalArgumentException("ticksPerUnit must be >= 1, got " + ticksPerUnit);
    }
    this.ticksPerUnit = ticksPerUnit;
    this.unitsPerTick = 1.0 / ticksPerUnit;
    int cap = Math.max(4, initialCapacity);
    time = new long[cap];
    priority = new int[cap];
    seq = new long[cap];
    type = new int[cap];
    entity = new int[cap];
  }

  /** Ticks per model time unit. */
  public long ticksPerUnit() {
    return ticksPerUnit;
  }

  /** The current time in ticks: 0 before the first event, else the time of the event being (or last) dispatched. */
  public long now() {
    return now;
  }

  /** The current time in model units ({@code now() / ticksPerUnit()}). */
  public double nowUnits() {
    return now * unitsPerTick;
  }

  /**
   * Converts a duration in model units to ticks, rounding to the nearest tick (so rounding errors have mean
   * zero). Negative or NaN input is a model error.
   */
  public long toTicks(double units) {
    if (!(units >= 0)) {
      throw new IllegalArgumentException("duration must be >= 0 units, got " + units);
    }
    return Math.round(units * ticksPerUnit);
  }

  /** Converts ticks to model units. */
  public double toUnits(long ticks) {
    return ticks * unitsPerTick;
  }

  /** Number of events waiting in the event list. */
  public int pending() {
    return size;
  }

  /** Number of events dispatched since the engine was created. */
  public long dispatched() {
    return dispatched;
  }

  /**
   * Sets the listener that sees every event before dispatch, or {@code null} for none. Takes effect at
   * the next {@link #run}/{@link #runUntil} call.
   */
  public void setListener(EventListener listener) {
    this.listener = listener;
  }

  /** Schedules an event at absolute time {@code time_ticks} with priority 0; returns its sequence number. */
  public long schedule(long time_ticks, int type, int entity) {
    return schedule(time_ticks, 0, type, entity);
  }

  /** Schedules an event {@code delay_ticks} after now with priority 0; returns its sequence number. */
  public long scheduleIn(long delay_ticks, int type, int entity) {
    return schedule(now + delay_ticks, 0, type, entity);
  }

  /**
   * Schedules an event. O(log n), no allocation unless the event list must grow.
   *
   * @param time_ticks absolute time, not before {@link #now()}
   * @param priority tie-break within one tick: lower runs first; events with equal time and priority run
   *     in scheduling order
   * @param type the model's event type code, passed to the dispatcher
   * @param entity the entity the event concerns, passed to the dispatcher
   * @return the event's sequence number
   * @throws IllegalArgumentException if {@code time_ticks < now()} (the clock never goes backwards)
   */
  public long schedule(long time_ticks, int priority, int type, int entity) {
    if (time_ticks < now) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: time " + time_ticks + " < now " + now + " (ticks)");
    }
    if (size == time.length) {
      grow();
    }
    long s = nextSeq++;
    siftUp(size++, time_ticks, priority, s, type, entity);
    return s;
  }

  /** Time of the next event in ticks, or {@code Long.MAX_VALUE} if the event list is empty. */
  public long nextTime() {
    return size == 0 ? Long.MAX_VALUE : time[0];
  }

  /** Asks the running loop to return after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /** Runs until the event list is empty or {@link #stop()} is called; returns events dispatched. */
  public long run(EventDispatcher dispatcher) {
    return runUntil(Long.MAX_VALUE, dispatcher);
  }

  /**
   * Runs every event with time at most {@code end_ticks}, unless {@link #stop()} is called first. When it
   * returns because no event is left before {@code end_ticks} (and the end is finite), the clock is set to
   * {@code end_ticks}, so time-weighted statistics can be closed at the end of the horizon.
   *
   * @return the number of events dispatched by this call
   * @throws CancellationException when the running thread is interrupted (checked every 65,536 events)
   */
  public long runUntil(long end_ticks, EventDispatcher dispatcher) {
    stopRequested = false;
    long before = dispatched;
    if (listener == null) {
      loop(end_ticks, dispatcher);
    } else {
      loopTraced(end_ticks, dispatcher, listener);
    }
    if (!stopRequested && end_ticks != Long.MAX_VALUE && end_ticks > now) {
      now = end_ticks;
    }
    return dispatched - before;
  }

  private void loop(long end_ticks, EventDispatcher dispatcher) {
    while (size > 0 && !stopRequested) {
      long t = time[0];
      if (t > end_ticks) {
        break;
      }
      int ty = type[0];
      int en = entity[0];
      if ((dispatched & CANCEL_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("simulation cancelled after " + dispatched + " events");
      }
      removeRoot();
      now = t;
      dispatched++;
      dispatcher.dispatch(ty, en);
    }
  }

  private void loopTraced(long end_ticks, EventDispatcher dispatcher, EventListener l) {
    while (size > 0 && !stopRequested) {
      long t = time[0];
      if (t > end_ticks) {
        break;
      }
      int pr = priority[0];
      long sq = seq[0];
      int ty = type[0];
      int en = entity[0];
      if ((dispatched & CANCEL_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("simulation cancelled after " + dispatched + " events");
      }
      removeRoot();
      now = t;
      dispatched++;
      l.onEvent(t, pr, sq, ty, en);
      dispatcher.dispatch(ty, en);
    }
  }

  /** Moves a hole from {@code pos} towards the root until the given event fits, then stores it. */
  private void siftUp(int pos, long t, int pr, long sq, int ty, int en) {
    final long[] time = this.time;
    final int[] priority = this.priority;
    final long[] seq = this.seq;
    while (pos > 0) {
      int parent = (pos - 1) >>> 2;
      long pt = time[parent];
      if (pt < t || (pt == t && (priority[parent] < pr || (priority[parent] == pr && seq[parent] < sq)))) {
        break;
      }
      time[pos] = pt;
      priority[pos] = priority[parent];
      seq[pos] = seq[parent];
      type[pos] = type[parent];
      entity[pos] = entity[parent];
      pos = parent;
    }
    time[pos] = t;
    priority[pos] = pr;
    seq[pos] = sq;
    type[pos] = ty;
    entity[pos] = en;
  }

  /** Removes the root: the last event fills the hole at the root and sifts down. */
  private void removeRoot() {
    int n = --size;
    if (n == 0) {
      return;
    }
    final long[] time = this.time;
    final int[] priority = this.priority;
    final long[] seq = this.seq;
    long t = time[n];
    int pr = priority[n];
    long sq = seq[n];
    int ty = type[n];
    int en = entity[n];
    int pos = 0;
    while (true) {
      int first = (pos << 2) + 1;
      if (first >= n) {
        break;
      }
      int last = Math.min(first + 4, n);
      int best = first;
      long bt = time[first];
      for (int c = first + 1; c < last; c++) {
        long ct = time[c];
        if (ct < bt || (ct == bt && before(c, best))) {
          best = c;
          bt = ct;
        }
      }
      if (t < bt || (t == bt && (pr < priority[best] || (pr == priority[best] && sq < seq[best])))) {
        break;
      }
      time[pos] = bt;
      priority[pos] = priority[best];
      seq[pos] = seq[best];
      type[pos] = type[best];
      entity[pos] = entity[best];
      pos = best;
    }
    time[pos] = t;
    priority[pos] = pr;
    seq[pos] = sq;
    type[pos] = ty;
    entity[pos] = en;
  }

  /** Tie-break of two slots with equal time: priority, then sequence. */
  private boolean before(int a, int b) {
    int pa = priority[a];
    int pb = priority[b];
    return pa < pb || (pa == pb && seq[a] < seq[b]);
  }

  private void grow() {
    int cap = time.length * 2;
    time = Arrays.copyOf(time, cap);
    priority = Arrays.copyOf(priority, cap);
    seq = Arrays.copyOf(seq, cap);
    type = Arrays.copyOf(type, cap);
    entity = Arrays.copyOf(entity, cap);
  }
}
