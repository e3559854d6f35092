package org.caravan.simulation.engine;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.caravan.network.heap.QuadHeap;

/**
 * A single-threaded discrete-event engine: a {@code long} clock and an event list ordered by {@code
 * (time, priority, seq)}, dispatched by event-type code to one {@link EventDispatcher}.
 *
 * <p>Time: the clock counts ticks; {@link #ticksPerUnit()} fixes how many ticks make one model time
 * unit (a second in corridor models, the mean service time in queueing models). The horizon is
 * {@code Long.MAX_VALUE / ticksPerUnit} units: with 1 000 ticks per second (millisecond resolution)
 * that is 292 million years; with 10^9 ticks per unit (the M/M/c model) it is 9.2·10^9 units.
 *
 * <p>Order: events run by time, then by priority (lower first), then by the order in which they
 * were scheduled ({@code seq}), so a run is a pure function of the model and its seeds.
 *
 * <p>Lifecycle: create, schedule the first events, {@link #run} (or {@link #runUntil}); the engine
 * can be run again after more events are scheduled. Not thread-safe: one engine per thread
 * (replications run one engine each). No allocation per event: the event list grows by doubling and
 * is never shrunk.
 */
public final class EventEngine {
  /**
   * The run loop checks its thread's interrupt flag every 65,536 events (a few milliseconds), so a
   * cancelled job stops inside a replication instead of after it; the check costs one field read
   * per 65,536 events.
   */
  static final long CANCEL_CHECK_MASK = (1 << 16) - 1;

  /*
   * Design. The event-scheduling worldview [1, ch. 1; 2]: state changes only at events, each event is a
   * record (time, priority, seq, type, entity) and a handler per type; no process objects or threads
   * (JaamSim runs one thread per process, which we avoid). The future-event list is the shared 4-ary
   * {@link QuadHeap} keyed by time with (priority, seq) packed into its tie: priority in the top 16 bits
   * (offset so that the unsigned order matches), seq in the low 47 bits, which is a total order equal to
   * (time, priority, seq). The heap carries a slot into the (type, entity) payload arrays, which are
   * recycled through a free list, so the heap moves three arrays per level instead of five.
   *
   * [1] A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill, 2015.
   * [2] J. Banks, J. S. Carson, B. L. Nelson, D. M. Nicol, Discrete-Event System Simulation, 5th ed., 2010.
   */

  /** Lowest priority accepted by {@link #schedule(long, int, int, int)}. */
  public static final int MIN_PRIORITY = -(1 << 15);

  /** Highest priority accepted by {@link #schedule(long, int, int, int)}. */
  public static final int MAX_PRIORITY = (1 << 15) - 1;

  private static final int SEQ_BITS = 47;
  private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

  private final long ticksPerUnit;
  private final double unitsPerTick;

  private final QuadHeap events;
  private int[] type;
  private int[] entity;
  private int[] freeSlot;
  private int freeCount;
  private int slotsUsed;

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
   * Creates an engine at tick 0 with room for {@code initialCapacity} pending events before it
   * grows.
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
    events = new QuadHeap(cap);
    type = new int[cap];
    entity = new int[cap];
    freeSlot = new int[cap];
  }

  /** Ticks per model time unit. */
  public long ticksPerUnit() {
    return ticksPerUnit;
  }

  /**
   * The current time in ticks: 0 before the first event, else the time of the event being (or last)
   * dispatched.
   */
  public long now() {
    return now;
  }

  /** The current time in model units ({@code now() / ticksPerUnit()}). */
  public double nowUnits() {
    return now * unitsPerTick;
  }

  /**
   * Converts a duration in model units to ticks, rounding to the nearest tick (so rounding errors
   * have mean zero). Negative or NaN input is a model error.
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
    return events.size();
  }

  /** Number of events dispatched since the engine was created. */
  public long dispatched() {
    return dispatched;
  }

  /**
   * Sets the listener that sees every event before dispatch, or {@code null} for none. Takes effect
   * at the next {@link #run}/{@link #runUntil} call.
   */
  public void setListener(EventListener listener) {
    this.listener = listener;
  }

  /**
   * Schedules an event at absolute time {@code time_ticks} with priority 0; returns its sequence
   * number.
   */
  public long schedule(long time_ticks, int type, int entity) {
    return schedule(time_ticks, 0, type, entity);
  }

  /**
   * Schedules an event {@code delay_ticks} after now with priority 0; returns its sequence number.
   */
  public long scheduleIn(long delay_ticks, int type, int entity) {
    return schedule(now + delay_ticks, 0, type, entity);
  }

  /**
   * Schedules an event. O(log n), no allocation unless the event list must grow.
   *
   * @param time_ticks absolute time, not before {@link #now()}
   * @param priority tie-break within one tick: lower runs first; events with equal time and
   *     priority run in scheduling order
   * @param type the model's event type code, passed to the dispatcher
   * @param entity the entity the event concerns, passed to the dispatcher
   * @return the event's sequence number
   * @throws IllegalArgumentException if {@code time_ticks < now()} (the clock never goes backwards)
   *     or the priority is outside [{@link #MIN_PRIORITY}, {@link #MAX_PRIORITY}]
   */
  public long schedule(long time_ticks, int priority, int type, int entity) {
    if (time_ticks < now) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: time " + time_ticks + " < now " + now + " (ticks)");
    }
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "priority must be in [" + MIN_PRIORITY + ", " + MAX_PRIORITY + "], got " + priority);
    }
    long s = nextSeq++;
    if (s > SEQ_MASK) {
      throw new IllegalStateException("more than 2^47 events scheduled on one engine");
    }
    int slot;
    if (freeCount > 0) {
      slot = freeSlot[--freeCount];
    } else {
      slot = slotsUsed++;
      if (slot == this.type.length) {
        int cap = slot * 2;
        this.type = Arrays.copyOf(this.type, cap);
        this.entity = Arrays.copyOf(this.entity, cap);
        freeSlot = Arrays.copyOf(freeSlot, cap);
      }
    }
    this.type[slot] = type;
    this.entity[slot] = entity;
    events.push(time_ticks, ((long) (priority - MIN_PRIORITY) << SEQ_BITS) | s, slot);
    return s;
  }

  /** Time of the next event in ticks, or {@code Long.MAX_VALUE} if the event list is empty. */
  public long nextTime() {
    return events.isEmpty() ? Long.MAX_VALUE : events.minKey();
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
   * Runs every event with time at most {@code end_ticks}, unless {@link #stop()} is called first.
   * When it returns because no event is left before {@code end_ticks} (and the end is finite), the
   * clock is set to {@code end_ticks}, so time-weighted statistics can be closed at the end of the
   * horizon.
   *
   * @return the number of events dispatched by this call
   * @throws CancellationException when the running thread is interrupted (checked every 65,536
   *     events)
   */
  public long runUntil(long end_ticks, EventDispatcher dispatcher) {
    stopRequested = false;
    long before = dispatched;
    loop(end_ticks, dispatcher, listener);
    if (!stopRequested && end_ticks != Long.MAX_VALUE && end_ticks > now) {
      now = end_ticks;
    }
    return dispatched - before;
  }

  /**
   * The event loop; {@code l} (or null) sees each event before dispatch. One loop for both: the
   * listener test is loop-invariant, so the JIT hoists it (loop unswitching) and the untraced loop
   * reads no tie.
   */
  private void loop(long end_ticks, EventDispatcher dispatcher, EventListener l) {
    final QuadHeap events = this.events;
    while (!events.isEmpty() && !stopRequested) {
      long t = events.minKey();
      if (t > end_ticks) {
        break;
      }
      if ((dispatched & CANCEL_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("simulation cancelled after " + dispatched + " events");
      }
      long tie = l == null ? 0 : events.minTie();
      int slot = events.pop();
      int ty = type[slot];
      int en = entity[slot];
      freeSlot[freeCount++] = slot;
      now = t;
      dispatched++;
      if (l != null) {
        l.onEvent(t, (int) (tie >>> SEQ_BITS) + MIN_PRIORITY, tie & SEQ_MASK, ty, en);
      }
      dispatcher.dispatch(ty, en);
    }
  }
}
