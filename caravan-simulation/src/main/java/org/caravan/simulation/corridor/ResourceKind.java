package org.caravan.simulation.corridor;

/** What a reported resource is; decides which of its figures mean something. */
public enum ResourceKind {
  /** Line section: gate with train paths per day; utilisation = share of paths used. */
  SECTION,
  /** Border or gauge-change station: gate with trains per day, then the dwell. */
  BORDER,
  /** Port berths; waiting includes vessels held by port closures. */
  BERTH,
  /** Block-train formation at the start of a rail leg; waiting = units waiting for their train. */
  FORMATION,
  /**
   * Port yard of a crossing; waiting = units waiting for a vessel; utilisation = occupancy / yard
   * size.
   */
  YARD,
  /**
   * Vessel fleet of a crossing; utilisation = share of vessels not idle; waiting = holds in closed
   * ports.
   */
  FLEET,
  /**
   * Wagon-group marshalling of a wagonload flow before it boards (one per flow); waiting = the time
   * its units spent in the yards of the first rail section beyond the running time.
   */
  MARSHALLING;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
