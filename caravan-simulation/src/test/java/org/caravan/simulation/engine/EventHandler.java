package org.caravan.simulation.engine;

/** Handles the events of one type for a {@link HandlerTable}. */
@FunctionalInterface
public interface EventHandler {
  /** Handles one event for {@code entity}; should not allocate (called once per event). */
  void handle(int entity);
}
