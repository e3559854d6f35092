package org.caravan.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caravan.network.CarrierClass;
import org.caravan.network.Corridors;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.network.Passage;

/**
 * Turns the links of a found route back into what the answer shows: legs (links merged while the
 * carrier class stays and no sailing or transfer starts), borders, gauge changes, countries,
 * passages, geometry and the corridor label. It replays the search's own extension rule ({@link
 * QueryContext#relax}), so the totals are exactly the search's. Runs once per returned route, off
 * the search's hot path.
 */
final class RouteExplainer {
  private final Network network;
  private final Corridors corridors;

  RouteExplainer(Network network, Corridors corridors) {
    this.network = network;
    this.corridors = corridors;
  }

  /**
   * Rebuilds a route from its links with the same extension rule the search used, merging links
   * into legs.
   */
  Route explain(QueryContext ctx, RouteRequest r, int[] links) {
    QueryContext.Step step = new QueryContext.Step();
    ctx.start(step);
    long t = step.time_s;
    long cost = step.cost_cents;
    long co2 = step.co2e_g;
    long var = 0;
    int hops = 0;
    int v = r.from();
    int cls = -1;
    int tag = step.tag;
    int corridorSet = corridors.all();
    if ((corridorSet & corridors.mask(v)) != 0) {
      // The origin belongs to the route too: Poti -> Constanța is a Middle Corridor sailing,
      // although
      // Constanța is also the Southern route's end.
      corridorSet &= corridors.mask(v);
    }
    List<Leg> legs = new ArrayList<>();
    List<String> borders = new ArrayList<>();
    List<String> gauge = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    Set<String> passages = new LinkedHashSet<>();
    List<double[]> geometry = new ArrayList<>();
    geometry.add(new double[] {network.lon(v), network.lat(v)});
    long distance = 0;
    LegBuilder leg = null;
    for (int l : links) {
      long before_t = t;
      long before_cost = cost;
      long before_co2 = co2;
      long before_var = var;
      if (!ctx.relax(v, tag, t, cost, co2, var, hops, l, step)) {
        throw new IllegalStateException("route no longer feasible at link " + network.link(l).id());
      }
      int next = network.linkClass(l);
      boolean newLeg =
          leg == null
              || next != cls
              || network.scheduleOrNull(l) != null
              || leg.scheduled
              || step.transfer_s > 0
              || (cls >= 0 && Leg.isTransfer(cls, next));
      if (cls >= 0
          && (network.nodeKind(v) == NodeKind.BORDER
              || network.nodeKind(v) == NodeKind.GAUGE_CHANGE)) {
        borders.add(network.nodeId(v));
      }
      if (cls >= 0 && next != cls && isRail(cls) && isRail(next)) {
        gauge.add(network.nodeId(v));
      }
      if (newLeg) {
        if (leg != null) {
          legs.add(leg.build());
        }
        leg =
            new LegBuilder(
                network.nodeId(v),
                network.linkMode(l),
                next,
                network.scheduleOrNull(l) != null,
                network.link(l).service(),
                step.depart_s - step.wait_s,
                step.depart_s,
                step.transfer_s);
        leg.dwell_s = step.dwell_s;
        leg.dwellAtFrom_s = step.dwell_s;
        leg.held_s = step.held_s;
      } else {
        leg.via.add(network.nodeId(v));
        leg.dwell_s += step.dwell_s;
        leg.held_s += step.held_s;
      }
      leg.marshal_s += step.marshal_s;
      leg.links.add(l);
      leg.distance_m += ctx.distance_m(l);
      leg.cost_cents += step.cost_cents - step.handling_cents - before_cost;
      leg.co2e_g += step.co2e_g - step.handling_co2e_g - before_co2;
      leg.variance_s2 += step.variance_s2 - before_var;
      leg.arrive_s = step.time_s - step.handling_s;
      List<String> linkCountries = ctx.linkCountries(l);
      leg.countries.addAll(linkCountries);
      countries.addAll(linkCountries);
      int pm = ctx.passageMask(l);
      for (Passage p : Passage.values()) {
        if ((pm & p.bit()) != 0) {
          passages.add(p.code());
        }
      }
      distance += ctx.distance_m(l);
      t = step.time_s;
      cost = step.cost_cents;
      co2 = step.co2e_g;
      var = step.variance_s2;
      hops = step.transshipments;
      v = network.linkTo(l);
      cls = next;
      tag = step.tag;
      if (corridors.mask(v) != 0 && (corridorSet & corridors.mask(v)) != 0) {
        corridorSet &= corridors.mask(v);
      }
      leg.to = network.nodeId(v);
      geometry.addAll(ctx.geometry(l));
      if (before_t > t) {
        throw new IllegalStateException("time went backwards");
      }
    }
    if (leg != null) {
      legs.add(leg.build());
    }
    return new Route(
        legs,
        r.departure_s(),
        t,
        cost,
        co2,
        var,
        hops,
        distance,
        List.copyOf(countries),
        borders,
        gauge,
        List.copyOf(passages),
        corridor(links, countries, corridorSet),
        geometry);
  }

  private static boolean isRail(int cls) {
    return cls == CarrierClass.RAIL1520.ordinal()
        || cls == CarrierClass.RAIL1435.ordinal()
        || cls == CarrierClass.RAIL1668.ordinal();
  }

  /**
   * Corridor label: {@code sea} when more than half the distance is on deep-sea or short-sea lanes;
   * otherwise the label that the corridors holding every corridor node of the route share ({@code
   * data/network/corridors.csv}); a route with no one such label (it touches only nodes that
   * corridors of different labels share) is {@code regional}. Without corridor data, a route
   * through Russia or Belarus is {@code northern}, through Iran {@code southern}. A sailing between
   * two ports of one corridor (the Caspian crossing, the Black Sea feeder of the Middle Corridor)
   * is part of that corridor, not of the sea route: Aktau -> Baku is a Middle Corridor route.
   */
  private String corridor(int[] links, Set<String> countries, int corridorSet) {
    long seaKm = 0;
    long allKm = 0;
    for (int l : links) {
      if (network.linkMode(l) == Mode.SEA
          && (corridors.mask(network.linkFrom(l)) & corridors.mask(network.linkTo(l))) == 0) {
        seaKm += network.distance_m(l);
      }
      allKm += network.distance_m(l);
    }
    if (seaKm * 2 > allKm) {
      return Route.SEA_CORRIDOR;
    }
    if (corridors.corridors().isEmpty()) {
      boolean russia = countries.contains("RU") || countries.contains("BY");
      return russia ? "northern" : countries.contains("IR") ? "southern" : Route.REGIONAL_CORRIDOR;
    }
    return corridors.label(corridorSet).orElse(Route.REGIONAL_CORRIDOR);
  }

  private static final class LegBuilder {
    final String from;
    String to;
    final Mode mode;
    final int cls;
    final boolean scheduled;
    final String service;
    final long ready_s;
    final long depart_s;
    final long transfer_s;
    long arrive_s;
    long dwell_s;
    long dwellAtFrom_s;
    long held_s;
    long marshal_s;
    long distance_m;
    long cost_cents;
    long co2e_g;
    long variance_s2;
    final IntArrayList links = new IntArrayList();
    final List<String> via = new ArrayList<>();
    final Set<String> countries = new LinkedHashSet<>();

    LegBuilder(
        String from,
        Mode mode,
        int cls,
        boolean scheduled,
        String service,
        long ready_s,
        long depart_s,
        long transfer_s) {
      this.from = from;
      this.mode = mode;
      this.cls = cls;
      this.scheduled = scheduled;
      this.service = service;
      this.ready_s = ready_s;
      this.depart_s = depart_s;
      this.transfer_s = transfer_s;
    }

    Leg build() {
      return new Leg(
          from,
          to,
          mode,
          cls,
          links.toIntArray(),
          List.copyOf(via),
          distance_m,
          ready_s,
          depart_s,
          arrive_s,
          transfer_s,
          dwell_s,
          dwellAtFrom_s,
          held_s,
          marshal_s,
          cost_cents,
          co2e_g,
          variance_s2,
          List.copyOf(countries),
          service);
    }
  }
}
