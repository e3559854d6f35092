package org.caravan.simulation.engine;

import java.util.Arrays;

/**
 * A counted store of identical items (wagons, containers, TEU slots of a yard) with a capacity.
 * Entities {@link #get} and {@link #put} whole amounts; a request that cannot be met waits in a
 * FIFO queue (one for getters, one for putters) and is completed later when the level allows.
 * Completion of a waiting request is announced by scheduling an event of type {@code getDoneType} /
 * {@code putDoneType} for the entity at the current time, so models keep their logic in their
 * handlers.
 *
 * <p>Queues are strict FIFO: a large request at the head blocks smaller ones behind it, which keeps
 * service order fair and deterministic. Invariant: {@code 0 <= level() <= capacity()} and {@code
 * level() == initial + put() - got()}. Mutable; not thread-safe; belongs to one engine.
 */
public final class Store {
  private final EventEngine engine;
  private final long capacity;
  private final int getDoneType;
  private final int putDoneType;
  private final IntFifo getters;
  private final IntFifo putters;
  private long[] amount = new long[16];
  private long level;
  private long put;
  private long got;

  /**
   * Creates a store.
   *
   * @param capacity most items the store holds, at least 1 ({@code Long.MAX_VALUE} for unbounded)
   * @param initialLevel items at the start, {@code 0..capacity}
   * @param links link array for the two queues, shared with other queues of the same entities
   * @param getDoneType event type scheduled when a waiting get completes
   * @param putDoneType event type scheduled when a waiting put completes
   */
  public Store(
      EventEngine engine,
      long capacity,
      long initialLevel,
      EntityLinks links,
      int getDoneType,
      int putDoneType) {
    if (capacity < 1 || initialLevel < 0 || initialLevel > capacity) {
      throw new IllegalArgumentException(
          "need capacity >= 1 and 0 <= initialLevel <= capacity, got "
              + capacity
              + ", "
              + initialLevel);
    }
    this.engine = engine;
    this.capacity = capacity;
    this.level = initialLevel;
    this.getDoneType = getDoneType;
    this.putDoneType = putDoneType;
    this.getters = new IntFifo(links);
    this.putters = new IntFifo(links);
  }

  /**
   * Takes {@code items} for {@code entity}, or queues the request.
   *
   * @param items 1..capacity
   * @return true if taken now; false if queued (a {@code getDoneType} event follows when taken)
   */
  public boolean get(int entity, long items) {
    checkAmount(items);
    if (getters.isEmpty() && level >= items) {
      level -= items;
      got += items;
      settle();
      return true;
    }
    remember(entity, items);
    getters.add(entity);
    return false;
  }

  /**
   * Adds {@code items} from {@code entity}, or queues the request if the store lacks room.
   *
   * @param items 1..capacity
   * @return true if added now; false if queued (a {@code putDoneType} event follows when added)
   */
  public boolean put(int entity, long items) {
    checkAmount(items);
    if (putters.isEmpty() && capacity - level >= items) {
      level += items;
      put += items;
      settle();
      return true;
    }
    remember(entity, items);
    putters.add(entity);
    return false;
  }

  /** Items in the store. */
  public long level() {
    return level;
  }

  /** Most items the store holds. */
  public long capacity() {
    return capacity;
  }

  /** Total items taken out so far. */
  public long got() {
    return got;
  }

  /** Total items put in so far. */
  public long put() {
    return put;
  }

  /** Number of entities waiting to get. */
  public int waitingGetters() {
    return getters.size();
  }

  /** Number of entities waiting to put. */
  public int waitingPutters() {
    return putters.size();
  }

  /** Completes waiting requests in FIFO order while the level allows. */
  private void settle() {
    // Each completed get may make room for a waiting put and vice versa; loop until neither moves.
    boolean moved = true;
    while (moved) {
      moved = false;
      int g;
      while ((g = getters.peek()) != IntFifo.NONE && amount[g] <= level) {
        getters.poll();
        level -= amount[g];
        got += amount[g];
        engine.schedule(engine.now(), getDoneType, g);
      }
      int p;
      while ((p = putters.peek()) != IntFifo.NONE && amount[p] <= capacity - level) {
        putters.poll();
        level += amount[p];
        put += amount[p];
        engine.schedule(engine.now(), putDoneType, p);
        moved = true;
      }
    }
  }

  private void remember(int entity, long items) {
    if (entity >= amount.length) {
      amount = Arrays.copyOf(amount, Math.max(entity + 1, amount.length * 2));
    }
    amount[entity] = items;
  }

  private void checkAmount(long items) {
    if (items < 1 || items > capacity) {
      throw new IllegalArgumentException("amount must be 1.." + capacity + ", got " + items);
    }
  }
}
