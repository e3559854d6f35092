package org.caravan.simulation.corridor;

/**
 * Sees every unit (wagon slot) move through the corridor model: for replaying simulated shipments
 * as tracking events (the ETA evaluation). Unit indexes are reused after delivery, so a trace keys
 * its own records on {@link #released}. Called on the simulation thread; the model calls nothing
 * when no trace is set, so an untraced run neither allocates nor branches beyond one null check.
 */
public interface UnitTrace {
  /** Unit {@code unit} of flow {@code flow} entered its origin pool at {@code t_s}. */
  void released(int unit, int flow, long t_s);

  /**
   * Unit {@code unit} left the pool at the start of leg {@code legPos} of its flow (its train
   * formed, its vessel loaded, its road group left) at {@code t_s}.
   */
  void departed(int unit, int legPos, long t_s);

  /**
   * Unit {@code unit} finished leg {@code legPos} of its flow at {@code t_s} (end handling
   * included); after the flow's last leg it is delivered.
   */
  void arrived(int unit, int legPos, long t_s);
}
