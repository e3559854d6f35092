package org.caravan.simulation.engine;

import java.util.Arrays;
import org.caravan.simulation.stats.TimeWeightedStat;

/**
 * A buffer of finite capacity (a port yard, a siding) that holds the arrivals it has no room for
 * instead of dropping them: back-pressure. An arrival asks with {@link #offer}; it may enter when
 * nothing is held before it (no overtaking) and its amount fits ({@code level + amount <=
 * capacity}, or the buffer is empty, so an arrival larger than the whole buffer is not held
 * forever). Otherwise it is held in FIFO order, and {@link #admitNext} hands it back when
 * departures ({@link #leave}) have made room. The buffer never changes its level on its own: the
 * caller {@link #enter}s what it lets in, in the same event, which also covers entries that cannot
 * be held (releases inside the buffer, transfers).
 *
 * <p>Held entities are counted over time (the share of time something is held) and per arrival (how
 * many were held, for how long). Mutable; not thread-safe; no allocation per arrival except when
 * the per-entity arrays grow.
 */
public final class BlockingBuffer {
  /*
   * Design. Blocking of a finite buffer between two stages, the blocked entity staying at the upstream stage
   * and stopping it ("blocking after service"; H. G. Perros, Queueing Networks with Blocking, Oxford UP,
   * 1994, ch. 1). With one exponential server behind a buffer of K places and a
   * Poisson source that stops while its arrival is held, the share of arrivals held equals the loss
   * probability of M/M/1/K, (1 - rho) rho^K / (1 - rho^(K+1)) (L. Kleinrock, Queueing Systems I, 1975,
   * §3.6): the held arrival is the chain's state K+1, which the arrivals never see. BlockingBufferTest
   * checks the buffer against that formula.
   */

  /** Returned by {@link #admitNext()} when no held entity can enter. */
  public static final int NONE = IntFifo.NONE;

  private final EventEngine engine;
  private final long capacity;
  private final IntFifo held;
  private final TimeWeightedStat heldStat;
  private long level;
  private long[] amount = new long[16];
  private long[] since = new long[16];
  private long lastHeld;
  private long offers;
  private long heldCount;

  /**
   * An empty buffer.
   *
   * @param capacity room, in the caller's units (units, TEU), at least 1
   * @param links the link array for the held queue (entities may not wait in another queue that
   *     shares it at the same time)
   */
  public BlockingBuffer(EventEngine engine, long capacity, EntityLinks links) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.engine = engine;
    this.capacity = capacity;
    this.held = new IntFifo(links);
    this.heldStat = new TimeWeightedStat(engine.now(), 0);
  }

  /**
   * Entity {@code e} arrives with {@code amount}: true if it may enter now (the caller then {@link
   * #enter}s it), false if it is held until {@link #admitNext} returns it.
   */
  public boolean offer(int e, long amount) {
    offers++;
    if (held.isEmpty() && fits(amount)) {
      return true;
    }
    if (e >= this.amount.length) {
      int cap = Math.max(e + 1, this.amount.length * 2);
      this.amount = Arrays.copyOf(this.amount, cap);
      since = Arrays.copyOf(since, cap);
    }
    this.amount[e] = amount;
    since[e] = engine.now();
    held.add(e);
    heldCount++;
    heldStat.set(engine.now(), held.size());
    return false;
  }

  /**
   * The first held entity if it fits now, removed from the held queue (the caller enters it); else
   * {@link #NONE}. {@link #lastHeldTicks()} then tells how long it was held.
   */
  public int admitNext() {
    int e = held.peek();
    if (e == NONE || !fits(amount[e])) {
      return NONE;
    }
    held.poll();
    lastHeld = engine.now() - since[e];
    heldStat.set(engine.now(), held.size());
    return e;
  }

  private boolean fits(long a) {
    return level == 0 || level + a <= capacity;
  }

  /** Puts {@code amount} into the buffer (an admitted arrival, or an entry that cannot be held). */
  public void enter(long amount) {
    level += amount;
  }

  /** Takes {@code amount} out of the buffer; call {@link #admitNext} after to let held ones in. */
  public void leave(long amount) {
    if (amount > level) {
      throw new IllegalStateException("leave " + amount + " with only " + level + " inside");
    }
    level -= amount;
  }

  /** Ticks the entity last returned by {@link #admitNext} was held. */
  public long lastHeldTicks() {
    return lastHeld;
  }

  /** What is inside. */
  public long level() {
    return level;
  }

  /** Room. */
  public long capacity() {
    return capacity;
  }

  /** Entities held now. */
  public int heldNow() {
    return held.size();
  }

  /** Arrivals offered so far. */
  public long offers() {
    return offers;
  }

  /** Arrivals that were held, so far. */
  public long heldCount() {
    return heldCount;
  }

  /** Time-average number of held entities, from creation to now. */
  public double meanHeld() {
    return heldStat.mean(engine.now());
  }
}
