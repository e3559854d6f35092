package org.caravan.simulation.engine;

/**
 * Observes every event just before it is dispatched, for tracing and checks. The engine runs a
 * separate loop when no listener is set, so an unused hook costs nothing per event.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * Called once per event, on the engine's thread, with the clock already at {@code time_ticks}.
   *
   * @param time_ticks the event's time in engine ticks
   * @param priority the event's priority (lower runs first within a tick)
   * @param seq the event's sequence number (scheduling order, unique within an engine)
   */
  void onEvent(long time_ticks, int priority, long seq, int type, int entity);
}
