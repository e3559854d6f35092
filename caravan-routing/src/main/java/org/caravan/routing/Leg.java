package org.caravan.routing;

import java.util.List;
import org.caravan.network.CarrierClass;
import org.caravan.network.Mode;

/**
 * One leg of a route: a run of links on one carrier (one train, ship, truck) between two nodes.
 *
 * @param links the directed link ids of the leg, in order
 * @param via nodes passed inside the leg (borders, junctions), in order
 * @param ready_s when the container was ready to leave {@code from} (after dwell and transfer)
 * @param depart_s when the leg departed (after waiting for a scheduled service)
 * @param transfer_s time spent changing carrier at {@code from} before the leg (0 at the origin)
 * @param dwell_s border and stop time at nodes passed inside the leg and at {@code from}
 * @param dwellAtFrom_s of {@code dwell_s}, the part at {@code from}, before {@code depart_s}; the
 *     rest lies between {@code depart_s} and {@code arrive_s}
 * @param held_s of {@code dwell_s}, the holds of dated border episodes (a congestion, a closure)
 * @param marshal_s wagon-group marshalling in the yards passed inside the leg (wagonload cargo,
 *     {@link ExpectedWaits#wagonload_hPer1000km}), between {@code depart_s} and {@code arrive_s}
 * @param cost_cents tariff plus transfer price, for the whole cargo
 * @param co2e_g well-to-wheel CO2e of the leg and of the transfer before it
 * @param service the scheduled service taken, or empty
 */
public record Leg(
    String from,
    String to,
    Mode mode,
    int carrierClass,
    int[] links,
    List<String> via,
    long distance_m,
    long ready_s,
    long depart_s,
    long arrive_s,
    long transfer_s,
    long dwell_s,
    long dwellAtFrom_s,
    long held_s,
    long marshal_s,
    long cost_cents,
    long co2e_g,
    long variance_s2,
    List<String> countries,
    String service) {

  /**
   * Whether arriving on carrier class {@code fromClass} and leaving on {@code toClass} is a
   * transfer (a transshipment): a change of class, or two sailings in a row, which are two ships.
   * The one home of that rule for the search, the route's hubs and its CO2e.
   */
  public static boolean isTransfer(int fromClass, int toClass) {
    return fromClass != toClass || fromClass == CarrierClass.SEA.ordinal();
  }

  /**
   * Moving time, seconds: departure to arrival less the stops at the nodes passed inside the leg
   * and the wagon-group marshalling.
   */
  public long running_s() {
    return arrive_s - depart_s - (dwell_s - dwellAtFrom_s) - marshal_s;
  }

  /** Waiting for the scheduled departure, seconds. */
  public long wait_s() {
    return depart_s - ready_s;
  }
}
