package org.caravan.routing;

import org.caravan.network.Season;

/**
 * Expected waits the router charges on top of the network's running times, with their variance,
 * from a model of congestion (in Caravan: the calibrated simulation of the default scenario, so
 * router and simulation tell the same story). Owned by routing, implemented by the caller; lookups
 * are array reads on the hot path.
 *
 * <ul>
 *   <li>{@link #pass_s}: time to pass a node (border dwell plus queue), replacing the network's
 *       dwell; {@link #exit_s} the same for a train leaving the country by a border with an
 *       outbound stop of its own ({@link org.caravan.network.Network#outbound});
 *   <li>{@link #board_s}: waiting for a train to be formed when cargo boards rail at a node (block
 *       trains form per destination, so the wait depends on where the cargo goes);
 *   <li>{@link #departure_s}: waiting for a vessel of a scheduled link, replacing the timetable
 *       wait;
 *   <li>{@link #wagonload_hPer1000km}: the wagon-group marshalling of cargo that boards as
 *       wagonload at the origin, per km of its first rail leg.
 * </ul>
 *
 * A negative mean means "no figure": the router keeps its own rule. Waits may differ by season
 * ({@link #inSeason}); a query charges the waits of its departure's season throughout, as it does
 * the seasonal closure risks, so within a query they are constant in time, waiting stays
 * first-in-first-out and label setting stays exact.
 */
public interface ExpectedWaits {
  /**
   * The waits of cargo that reaches the resources in {@code season}; by default the same in every
   * season.
   */
  default ExpectedWaits inSeason(Season season) {
    return this;
  }

  /** Mean time to pass {@code node}, seconds, or -1 to use the network's dwell. */
  long pass_s(int node);

  /** Variance of the time to pass {@code node}, s². */
  long passVar_s2(int node);

  /**
   * Mean time to pass border {@code node} leaving its country, seconds, or -1 to use the network's
   * outbound dwell; by default -1.
   */
  default long exit_s(int node) {
    return -1;
  }

  /** Variance of {@link #exit_s}, s²; by default 0. */
  default long exitVar_s2(int node) {
    return 0;
  }

  /**
   * Mean wait to board a train at {@code node} for cargo going to {@code destination}, seconds (0
   * when none).
   */
  long board_s(int node, int destination);

  /** Variance of the boarding wait, s². */
  long boardVar_s2(int node, int destination);

  /**
   * Mean wait for a departure of scheduled {@code link}, seconds, or -1 to wait for the timetable.
   */
  long departure_s(int link);

  /** Variance of the departure wait, s². */
  long departureVar_s2(int link);

  /**
   * Marshalling of wagon groups for cargo that boards rail at {@code origin} as wagonload, hours
   * per 1,000 km of its first rail leg (the yards between the origin and the first transfer: a
   * port, a gauge change), on top of the running time; 0 when cargo there boards block trains. By
   * default 0.
   */
  default double wagonload_hPer1000km(int origin) {
    return 0;
  }

  /** Standard deviation of {@link #wagonload_hPer1000km}; by default 0. */
  default double wagonloadSd_hPer1000km(int origin) {
    return 0;
  }

  /** No expected waits: the network's dwell and the timetables only. */
  ExpectedWaits NONE = new None();

  /**
   * No expected waits: the network's dwell and the timetables only. Open for extension: a table
   * with a few figures overrides those and keeps the network's rule for the rest.
   */
  class None implements ExpectedWaits {
    @Override
    public long pass_s(int node) {
      return -1;
    }

    @Override
    public long passVar_s2(int node) {
      return 0;
    }

    @Override
    public long board_s(int node, int destination) {
      return 0;
    }

    @Override
    public long boardVar_s2(int node, int destination) {
      return 0;
    }

    @Override
    public long departure_s(int link) {
      return -1;
    }

    @Override
    public long departureVar_s2(int link) {
      return 0;
    }
  }
}
