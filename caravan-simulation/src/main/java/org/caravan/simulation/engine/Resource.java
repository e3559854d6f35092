package org.caravan.simulation.engine;

import org.caravan.simulation.stats.TimeWeightedStat;

/**
 * A pool of {@code capacity} identical servers (berths, cranes, train paths) with one FIFO queue of
 * waiting entities. An entity holds one server from a successful {@link #request} until the model
 * calls {@link #release}; a release hands the server directly to the head of the queue, whose
 * entity index it returns so the model can start its service in the same event. Busy servers and
 * queue length are tracked as time-weighted statistics on the engine's clock.
 *
 * <p>Invariant: {@code 0 <= busy() <= capacity()}, and the queue is non-empty only when all servers
 * are busy. Mutable; not thread-safe; belongs to one engine.
 */
public final class Resource {
  /** Returned by {@link #release()} when no entity was waiting. */
  public static final int NONE = IntFifo.NONE;

  private final EventEngine engine;
  private final int capacity;
  private final IntFifo queue;
  private final TimeWeightedStat busyStat;
  private final TimeWeightedStat queueStat;
  private int busy;
  private long grants;

  /**
   * Creates an idle resource.
   *
   * @param capacity number of servers, at least 1
   * @param links the link array for the queue, shared with other queues of the same entities
   */
  public Resource(EventEngine engine, int capacity, EntityLinks links) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.engine = engine;
    this.capacity = capacity;
    this.queue = new IntFifo(links);
    this.busyStat = new TimeWeightedStat(engine.now(), 0);
    this.queueStat = new TimeWeightedStat(engine.now(), 0);
  }

  /**
   * Asks for one server for {@code entity}. O(1), no allocation.
   *
   * @return true if a server was free and is now held by the entity; false if the entity joined the
   *     queue (it will be returned by a later {@link #release()})
   */
  public boolean request(int entity) {
    if (busy < capacity) {
      busy++;
      grants++;
      busyStat.set(engine.now(), busy);
      return true;
    }
    queue.add(entity);
    queueStat.set(engine.now(), queue.size());
    return false;
  }

  /**
   * Frees one server. If an entity waits, the server passes to the head of the queue at once.
   *
   * @return the entity that now holds the freed server, or {@link #NONE} if the queue was empty
   * @throws IllegalStateException if no server is busy
   */
  public int release() {
    if (busy == 0) {
      throw new IllegalStateException("release without a busy server");
    }
    int next = queue.poll();
    if (next == NONE) {
      busy--;
      busyStat.set(engine.now(), busy);
    } else {
      grants++;
      queueStat.set(engine.now(), queue.size());
    }
    return next;
  }

  /** Number of servers. */
  public int capacity() {
    return capacity;
  }

  /** Number of busy servers. */
  public int busy() {
    return busy;
  }

  /** Number of waiting entities. */
  public int queueLength() {
    return queue.size();
  }

  /** Number of times a server was handed to an entity. */
  public long grants() {
    return grants;
  }

  /** Time-average fraction of servers busy, from creation to now. */
  public double utilisation() {
    return busyStat.mean(engine.now()) / capacity;
  }

  /** Time-average queue length, from creation to now. */
  public double meanQueueLength() {
    return queueStat.mean(engine.now());
  }

  /** Largest queue length seen. */
  public int maxQueueLength() {
    return (int) queueStat.max();
  }
}
