package org.caravan.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.caravan.crm.CrmData.Chokepoint;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Stop;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.routing.CargoRules;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;

/**
 * The router side of the CRM risk view: one router per set of closed links (cached, thread-safe),
 * the request of a flow's reference shipment, the links and passages of dataset elements and
 * chokepoints, and a route as a reported {@link RoutedPart} with its map path.
 */
final class CrmRouting {
  private final Network network;
  private final CrmDataset data;
  private final CargoRules rules;
  private final Function<CargoRules, Router> routerWith;
  private final Set<Passage> diverted;
  private final long departure_s;
  private final Map<BitSet, Router> routers = new ConcurrentHashMap<>();
  private final Map<String, BitSet> chokepointLinks = new HashMap<>();
  private final Map<String, Set<Passage>> chokepointPassages = new HashMap<>();

  /**
   * @param routerWith a router on the network with the given cargo rules (the closed elements wrap
   *     {@code rules})
   * @param diverted sea passages every request sails round (dated lane switches in force)
   */
  CrmRouting(
      Network network,
      CrmDataset data,
      CargoRules rules,
      Function<CargoRules, Router> routerWith,
      Set<Passage> diverted,
      long departure_s) {
    this.network = network;
    this.data = data;
    this.rules = rules;
    this.routerWith = routerWith;
    this.diverted = diverted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(diverted));
    this.departure_s = departure_s;
    for (Chokepoint c : data.risks().chokepoints()) {
      BitSet links = new BitSet();
      Set<Passage> passages = EnumSet.noneOf(Passage.class);
      expand(c.elements(), links, passages);
      chokepointLinks.put(c.id(), links);
      chokepointPassages.put(c.id(), passages);
    }
  }

  /** The links a chokepoint closes (a set owned by this object: do not change it). */
  BitSet chokepointLinks(String chokepoint) {
    return chokepointLinks.get(chokepoint);
  }

  /** The sea passages a chokepoint closes. */
  Set<Passage> chokepointPassages(String chokepoint) {
    return chokepointPassages.get(chokepoint);
  }

  /**
   * A flow's reference shipment: one unit of its material, least cost, k = 1, round {@code
   * passages} and the diverted ones.
   */
  RouteRequest request(Flow f, Material m, Set<Passage> passages, Set<String> avoid) {
    Set<Passage> round = round(passages);
    return RouteRequest.of(
            network.getNode(f.origin()), network.getNode(f.destination()), departure_s)
        .withCargo(1, RiskAnalysis.UNIT_MASS_T, m.cargo(), m.unClass())
        .withAvoid(avoid, round)
        .withObjective(Objective.COST, 1);
  }

  /** The router on the network with {@code closed} links closed for all cargo. */
  Router router(BitSet closed) {
    return routers.computeIfAbsent(
        (BitSet) closed.clone(),
        k -> routerWith.apply(new ClosedElements(rules, k, "closed by the disruption")));
  }

  static int[] links(Route r) {
    return r.legs().stream().flatMapToInt(l -> Arrays.stream(l.links())).toArray();
  }

  /** The chokepoints a route crosses, in dataset order. */
  List<String> chokepoints(int[] links, List<String> passages) {
    List<String> out = new ArrayList<>();
    for (Chokepoint c : data.risks().chokepoints()) {
      BitSet ls = chokepointLinks.get(c.id());
      boolean hit =
          chokepointPassages.get(c.id()).stream().anyMatch(p -> passages.contains(p.code()));
      for (int l : links) {
        hit |= ls.get(l);
      }
      if (hit) {
        out.add(c.id());
      }
    }
    return out;
  }

  /** Whether a route crosses a closed link or passage. */
  static boolean crosses(
      int[] links, List<String> passages, BitSet closed, Set<Passage> closedPassages) {
    for (int l : links) {
      if (closed.get(l)) {
        return true;
      }
    }
    return closedPassages.stream().anyMatch(p -> passages.contains(p.code()));
  }

  /**
   * Links, nodes (as every link touching them) and passages of elements; chokepoints are expanded.
   */
  void expand(List<Element> elements, BitSet links, Set<Passage> passages) {
    for (Element e : elements) {
      switch (e.kind()) {
        case LINK -> {
          for (int l = 0; l < network.linkCount(); l++) {
            if (network.link(l).id().equals(e.id())) {
              links.set(l);
            }
          }
        }
        case NODE -> {
          int v = network.getNode(e.id());
          for (int l = 0; l < network.linkCount(); l++) {
            if (network.linkFrom(l) == v || network.linkTo(l) == v) {
              links.set(l);
            }
          }
        }
        case COUNTRY -> {
          for (int l = 0; l < network.linkCount(); l++) {
            if (network.link(l).countries().contains(e.id())) {
              links.set(l);
            }
          }
        }
        case PASSAGE -> passages.add(Passage.parse(e.id()).orElseThrow());
        case CHOKEPOINT ->
            expand(data.chokepoint(e.id()).orElseThrow().elements(), links, passages);
      }
    }
  }

  /** The passages a request asked to avoid {@code passages} sails round: those and the diverted. */
  private Set<Passage> round(Set<Passage> passages) {
    Set<Passage> round = EnumSet.noneOf(Passage.class);
    round.addAll(passages);
    round.addAll(diverted);
    return round;
  }

  /**
   * A route carrying {@code tonnes} a year, as reported: per-tonne cost and CO2e, legs, path (its
   * sea links drawn on the lanes the request asked with {@code passages} sailed).
   */
  RoutedPart part(
      Route r,
      int[] links,
      Set<Passage> passages,
      List<String> cps,
      double tonnes,
      Optional<String> note) {
    List<String> modes = r.legs().stream().map(l -> l.mode().code()).distinct().toList();
    List<String> legs = r.legs().stream().map(CrmRouting::legText).toList();
    return new RoutedPart(
        tonnes,
        r.corridor(),
        Tally.round2(r.transitDays()),
        Tally.round2(r.cost_cents() / 100.0 / RiskAnalysis.UNIT_MASS_T),
        Tally.round2(r.co2e_g() / 1000.0 / RiskAnalysis.UNIT_MASS_T),
        r.countries(),
        cps,
        modes,
        legs,
        note,
        path(links, round(passages)));
  }

  /**
   * The route's nodes, with the sea lanes' points in between (at most 60 a link) for maps: the
   * lanes round {@code avoided}, as the route sailed them.
   */
  private List<Stop> path(int[] links, Set<Passage> avoided) {
    List<Stop> out = new ArrayList<>();
    Router plain = router(new BitSet());
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      if (k == 0) {
        out.add(stop(network.linkFrom(l)));
      }
      Optional<double[]> lane = plain.laneGeometry(l, avoided);
      if (lane.isPresent()) {
        double[] g = lane.get();
        int n = g.length / 2;
        var from = network.node(network.linkFrom(l));
        // A reverse arc may share its forward lane: walk it from the end nearer the link's start.
        boolean reversed =
            Math.hypot(g[0] - from.lon(), g[1] - from.lat())
                > Math.hypot(g[2 * n - 2] - from.lon(), g[2 * n - 1] - from.lat());
        int step = Math.max(1, n / 60);
        for (int i = step; i < n - 1; i += step) {
          int j = reversed ? n - 1 - i : i;
          out.add(new Stop("", "sea lane", g[2 * j + 1], g[2 * j]));
        }
      }
      out.add(stop(network.linkTo(l)));
    }
    return out;
  }

  private Stop stop(int v) {
    var n = network.node(v);
    return new Stop(n.id(), n.name(), n.lat(), n.lon());
  }

  private static String legText(Leg l) {
    return l.mode().code()
        + " "
        + l.from()
        + "->"
        + l.to()
        + (l.service().isEmpty() ? "" : " (" + l.service() + ")");
  }
}
