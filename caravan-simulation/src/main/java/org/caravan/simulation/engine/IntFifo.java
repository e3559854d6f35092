package org.caravan.simulation.engine;

/**
 * An intrusive first-in first-out queue of entity indexes: the links live in an {@link EntityLinks}
 * array, so enqueueing allocates nothing. O(1) add and poll. Not thread-safe.
 */
public final class IntFifo {
  /** Returned by {@link #poll()} and {@link #peek()} when the queue is empty. */
  public static final int NONE = -1;

  private final EntityLinks links;
  private int head = NONE;
  private int tail = NONE;
  private int size;

  /** Creates an empty queue over the given (possibly shared) links. */
  public IntFifo(EntityLinks links) {
    this.links = links;
  }

  /**
   * Appends {@code entity} (0 or more) at the tail.
   *
   * @throws IllegalStateException if the entity already waits in a queue sharing these links
   */
  public void add(int entity) {
    if (entity < 0) {
      throw new IllegalArgumentException("entity must be >= 0, got " + entity);
    }
    links.ensure(entity);
    int[] next = links.next;
    if (next[entity] != EntityLinks.NOT_QUEUED) {
      throw new IllegalStateException("entity " + entity + " already waits in a queue");
    }
    next[entity] = EntityLinks.END;
    if (tail == NONE) {
      head = entity;
    } else {
      next[tail] = entity;
    }
    tail = entity;
    size++;
  }

  /** Removes and returns the head, or {@link #NONE} if empty. */
  public int poll() {
    int e = head;
    if (e == NONE) {
      return NONE;
    }
    int[] next = links.next;
    int n = next[e];
    next[e] = EntityLinks.NOT_QUEUED;
    head = n == EntityLinks.END ? NONE : n;
    if (head == NONE) {
      tail = NONE;
    }
    size--;
    return e;
  }

  /** The head without removing it, or {@link #NONE} if empty. */
  public int peek() {
    return head;
  }

  /** Number of waiting entities. */
  public int size() {
    return size;
  }

  /** True if no entity waits. */
  public boolean isEmpty() {
    return size == 0;
  }
}
