package org.caravan.simulation.engine;

import java.util.Arrays;

/**
 * The link array behind {@link IntFifo} queues: {@code next[entity]} is the entity behind it in
 * whatever queue it waits in. One instance may be shared by all queues of a model because an entity
 * waits in at most one queue at a time (checked: adding a queued entity throws). Grows by doubling;
 * not thread-safe.
 */
public final class EntityLinks {
  static final int NOT_QUEUED = -2;
  static final int END = -1;

  int[] next;

  /** Creates links for entity indexes {@code 0..initialEntities-1}; grows on demand beyond that. */
  public EntityLinks(int initialEntities) {
    next = new int[Math.max(4, initialEntities)];
    Arrays.fill(next, NOT_QUEUED);
  }

  /** True if {@code entity} waits in some queue that uses these links. */
  public boolean isQueued(int entity) {
    return entity < next.length && next[entity] != NOT_QUEUED;
  }

  void ensure(int entity) {
    if (entity >= next.length) {
      int old = next.length;
      next = Arrays.copyOf(next, Math.max(entity + 1, old * 2));
      Arrays.fill(next, old, next.length, NOT_QUEUED);
    }
  }
}
