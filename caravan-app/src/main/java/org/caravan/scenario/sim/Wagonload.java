package org.caravan.scenario.sim;

import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.routing.Route;

/**
 * Wagonload: the one home of the rule that times a flow travelling as wagon groups rather than in
 * block trains formed at its origin (docs/SIMULATION.md, "Wagonload").
 *
 * <p>The ADB's Corridor Performance Measurement and Monitoring times Kazakh rail shipments from
 * carriers' logbooks: a speed with delay, all stops included, of 15.3 km/h (2020), 8.9 (2021) and
 * 10.4 (2022), against a speed without delay of 49–65 km/h (CPMM22KZ). The container block trains
 * from China run near the latter; a shipment that boards inside Kazakhstan travels as wagons that
 * wait in marshalling yards to be attached to the next train. Such a flow covers its first rail
 * leg, from the origin to the first transfer (a port, a gauge change), at the speed with delay: its
 * wagon groups spend {@code length / speed} less the modelled running time in the yards. The
 * simulation holds each released group that long before it boards; the router, which reads the
 * simulated marshalling per km (the wait table's {@code wagonload} rows), adds it per km of the
 * first rail leg.
 */
public final class Wagonload {
  /**
   * Standard deviation of a group's marshalling as a share of its mean, an estimate: the spread of
   * the CPMM years, 8.9–15.3 km/h around 10.4 (±30 %).
   */
  public static final double SD_SHARE = 0.3;

  private Wagonload() {}

  /**
   * Whether cargo boarding at a node of this kind is marshalled where its country's practice is
   * wagonload: not at a border station or a gauge change, where it rides the through block trains
   * (KTZ's Altynkol figures).
   */
  public static boolean marshalledAt(NodeKind kind) {
    return kind != NodeKind.BORDER && kind != NodeKind.GAUGE_CHANGE;
  }

  /**
   * The first rail section of a route: the links of its first leg when that leg is rail (the origin
   * to the first transfer: a port, a gauge change), their length and modelled time (running plus
   * the stops between them), as the router counts the marshalling.
   */
  public record Section(long length_m, double modelled_s) {
    /** The mean marshalling of a wagon group over the section at {@code speed_kmh}, seconds. */
    public double marshal_s(double speed_kmh) {
      double atSpeed_s = length_m / 1000.0 / speed_kmh * 3600;
      return Math.max(0, atSpeed_s - modelled_s);
    }
  }

  /** The first rail section of {@code route} (empty when its first leg is not rail). */
  public static Section firstSection(Network network, Route route) {
    if (route.legs().isEmpty() || route.legs().getFirst().mode() != Mode.RAIL) {
      return new Section(0, 0);
    }
    int[] links = route.legs().getFirst().links();
    long length = 0;
    double time = 0;
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      length += network.distance_m(l);
      time += network.duration_s(l);
      if (k + 1 < links.length) {
        time += network.dwell_s(network.linkTo(l), network.linkTo(links[k + 1]));
      }
    }
    return new Section(length, time);
  }
}
