package org.caravan.simulation.engine;

/**
 * Receives each event the {@link EventEngine} takes off its event list. A model implements this
 * once, usually as a {@code switch} over its event types, so the engine's loop has a single call
 * site.
 *
 * <p>Called on the engine's thread only; the engine's clock already shows the event's time.
 */
@FunctionalInterface
public interface EventDispatcher {
  /**
   * Handles one event. Performance: called once per event, so implementations should not allocate.
   *
   * @param type the model's event type code, as given to {@code schedule}
   * @param entity the entity index the event concerns, or any int the model chose (e.g. -1 for
   *     none)
   */
  void dispatch(int type, int entity);
}
