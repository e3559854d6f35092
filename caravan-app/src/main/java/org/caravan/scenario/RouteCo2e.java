package org.caravan.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caravan.network.Network;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.NetworkEmissions.Co2e;

/**
 * The CO2e of a route split the way ISO 14083 reports a transport chain: every transport element
 * (leg) and every hub element (handling at the origin, each transfer between carrier classes, the
 * destination), each with WTT, TTW, WTW and the low-high range of its factors. Rebuilt from the
 * route's links with the same per-link numbers routing charged, and the same rule for hubs (a
 * handling at the origin and destination, and at every change of carrier class), so the totals
 * agree with the route's CO2e up to rounding.
 *
 * @param legs transport part of each routing leg, in order
 * @param transfers hub part charged before each leg (ZERO for the first leg and where the class did
 *     not change)
 * @param origin handling at the start node
 * @param destination handling at the end node
 * @param tocs emission categories charged on each leg, joined with {@code +} when a leg mixes them
 *     (a train that changes from electric to diesel traction without changing carrier)
 */
public record RouteCo2e(
    List<Co2e> legs, List<Co2e> transfers, Co2e origin, Co2e destination, List<String> tocs) {

  /** Breaks a route down for {@code mass_t} tonnes in {@code teu} TEU. */
  public static RouteCo2e of(Network net, NetworkEmissions em, Route r, double mass_t, double teu) {
    List<Co2e> legs = new ArrayList<>();
    List<Co2e> transfers = new ArrayList<>();
    List<String> tocs = new ArrayList<>();
    Leg prev = null;
    for (Leg l : r.legs()) {
      long network_m = 0;
      for (int link : l.links()) {
        network_m += net.distance_m(link);
      }
      double scale = network_m > 0 ? (double) l.distance_m() / network_m : 1.0;
      Co2e sum = Co2e.ZERO;
      for (int link : l.links()) {
        sum = sum.plus(em.link(link, mass_t, scale));
      }
      legs.add(sum);
      Set<String> legTocs = new LinkedHashSet<>();
      for (int link : l.links()) {
        legTocs.add(em.linkToc(link));
      }
      tocs.add(String.join("+", legTocs));
      boolean transfer = prev != null && Leg.isTransfer(prev.carrierClass(), l.carrierClass());
      transfers.add(transfer ? em.hub(net.getNode(l.from()), teu) : Co2e.ZERO);
      prev = l;
    }
    Co2e origin =
        r.legs().isEmpty() ? Co2e.ZERO : em.hub(net.getNode(r.legs().getFirst().from()), teu);
    Co2e destination =
        r.legs().isEmpty() ? Co2e.ZERO : em.hub(net.getNode(r.legs().getLast().to()), teu);
    return new RouteCo2e(
        List.copyOf(legs), List.copyOf(transfers), origin, destination, List.copyOf(tocs));
  }

  /** Sum of every transport and hub element. */
  public Co2e total() {
    Co2e t = origin.plus(destination);
    for (int i = 0; i < legs.size(); i++) {
      t = t.plus(legs.get(i)).plus(transfers.get(i));
    }
    return t;
  }
}
