package org.caravan.simulation.engine;

import java.util.Arrays;

/**
 * An {@link EventDispatcher} that looks the handler up by event type in an array. Convenient for
 * models with many event types or handlers registered by separate components; a hand-written {@code
 * switch} dispatcher is slightly faster when one class owns all the types.
 *
 * <p>Mutable while it is being set up; not thread-safe.
 */
public final class HandlerTable implements EventDispatcher {
  private EventHandler[] handlers = new EventHandler[8];

  /**
   * Registers the handler of event type {@code type}, replacing any earlier one.
   *
   * @param type event type code, 0 or more; codes should be dense because the table is an array
   */
  public HandlerTable register(int type, EventHandler handler) {
    if (type < 0) {
      throw new IllegalArgumentException("event type must be >= 0, got " + type);
    }
    if (type >= handlers.length) {
      handlers = Arrays.copyOf(handlers, Math.max(type + 1, handlers.length * 2));
    }
    handlers[type] = java.util.Objects.requireNonNull(handler, "handler");
    return this;
  }

  @Override
  public void dispatch(int type, int entity) {
    EventHandler h = type >= 0 && type < handlers.length ? handlers[type] : null;
    if (h == null) {
      throw new IllegalStateException("no handler registered for event type " + type);
    }
    h.handle(entity);
  }
}
