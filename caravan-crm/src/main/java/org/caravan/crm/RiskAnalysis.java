package org.caravan.crm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.caravan.crm.CrmData.Chokepoint;
import org.caravan.crm.CrmData.Disruption;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.CrmData.Quota;
import org.caravan.crm.RiskReport.Capacity;
import org.caravan.crm.RiskReport.Conditional;
import org.caravan.crm.RiskReport.DisruptionInfo;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Stop;
import org.caravan.crm.RiskReport.Stranded;
import org.caravan.network.Corridors;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.network.ServiceSpec;
import org.caravan.routing.CargoRules;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLaneOverrides;
import org.caravan.routing.SeasonalRisks;

/**
 * The supply-risk analysis of the CRM flows: routes every flow with the router under its material's
 * cargo rules, measures the tonnes through each chokepoint and their concentration, and re-routes
 * on a disrupted network.
 *
 * <p>Split rule: each flow goes on its least-cost allowed route (the router's single-objective
 * search by cost, k = 1), as a bulk shipper would choose. A quota on a chokepoint for the
 * material's cargo class (the 3,500 tU/yr Trans-Caspian uranium quota) caps the tonnes through it,
 * counted over all flows in file order; the rest takes the least-cost route that avoids that
 * chokepoint. A disruption closes its links, nodes (every link touching them) and sea passages for
 * all cargo, through {@link ClosedElements} wrapping the cargo-class rules.
 *
 * <p>Concentration: the Herfindahl–Hirschman index, {@code HHI = sum(share_i^2) x 10,000} over the
 * shares of a material's tonnes (US DOJ/FTC Horizontal Merger Guidelines scale; 10,000 = everything
 * on one route). Over chokepoints it is taken over the partition of the tonnes by the exact set of
 * chokepoints crossed, so the shares sum to one even when a route crosses two chokepoints.
 *
 * <p>Thread-safe: routers per closed-link set are cached.
 */
public final class RiskAnalysis {
  /**
   * Payload of one TEU-equivalent unit of ore, concentrate or metal, t (EST: 20 ft box or wagon
   * share).
   */
  public static final double UNIT_MASS_T = 20.0;

  /** The documented split rule, as shown in reports. */
  public static final String SPLIT_RULE =
      "least-cost allowed route per flow (router objective cost, k=1); "
          + "tonnes over a chokepoint quota take the least-cost route avoiding that chokepoint";

  private final Network network;
  private final CrmDataset data;
  private final CargoRules rules;
  private final EmissionModel emissions;
  private final SeaLaneOverrides sea;
  private final Corridors corridors;
  private final SeasonalRisks risks;
  private final long departure_s;
  private final Map<BitSet, Router> routers = new ConcurrentHashMap<>();
  private final Map<String, BitSet> chokepointLinks = new HashMap<>();
  private final Map<String, Set<Passage>> chokepointPassages = new HashMap<>();
  private final Map<String, ServiceSpec> services;

  /**
   * @param network the CRM network ({@link CrmNetwork#spec()} built), which the dataset was checked
   *     against
   * @param rules the cargo-class rules ({@code data/routing/cargo-rules.csv})
   * @param corridors corridor membership and labels, as the route planner uses them
   * @param risks seasonal closure risks, as the route planner uses them
   * @param departure_s departure of every flow's reference shipment, seconds since the epoch
   */
  public RiskAnalysis(
      Network network,
      CrmDataset data,
      CargoRules rules,
      EmissionModel emissions,
      SeaLaneOverrides sea,
      Corridors corridors,
      SeasonalRisks risks,
      long departure_s) {
    this.network = network;
    this.data = data;
    this.rules = rules;
    this.emissions = emissions;
    this.sea = sea;
    this.corridors = corridors;
    this.risks = risks;
    this.departure_s = departure_s;
    for (Chokepoint c : data.chokepoints()) {
      BitSet links = new BitSet();
      Set<Passage> passages = EnumSet.noneOf(Passage.class);
      expand(c.elements(), links, passages);
      chokepointLinks.put(c.id(), links);
      chokepointPassages.put(c.id(), passages);
    }
    this.services =
        network.spec().services().stream()
            .collect(Collectors.toMap(ServiceSpec::id, s -> s, (a, b) -> b));
  }

  public Network network() {
    return network;
  }

  public CrmDataset data() {
    return data;
  }

  /** The view without a disruption. */
  public RiskReport analyse() {
    Assignment base = assignAll(new BitSet(), Set.of());
    return new RiskReport(
        SPLIT_RULE, Optional.empty(), Tally.materials(data, base.flows()), List.of());
  }

  /** The view on the network with the disruption's elements removed, and the flows it strands. */
  public RiskReport analyse(Disruption d) {
    BitSet closed = new BitSet();
    Set<Passage> passages = EnumSet.noneOf(Passage.class);
    expand(d.removes(), closed, passages);
    Assignment base = assignAll(new BitSet(), Set.of());
    Assignment after = assignAll(closed, passages);
    Set<String> removedNames = new LinkedHashSet<>();
    for (var e : d.removes()) {
      removedNames.add(e.toString());
    }
    List<Stranded> stranded = new ArrayList<>();
    for (Flow f : data.flows()) {
      FlowRoutes before = base.flows().get(f.id());
      double hit = 0;
      for (int i = 0; i < before.routes().size(); i++) {
        if (crosses(
            base.links().get(f.id()).get(i),
            base.passages().get(f.id()).get(i),
            closed,
            passages)) {
          hit += before.routes().get(i).tonnes_yr();
        }
      }
      if (hit > 0) {
        FlowRoutes alt = after.flows().get(f.id());
        stranded.add(
            stranded(f, hit, before, alt, after.links().get(f.id()))
                .withConditional(conditional(f, before, alt, closed, passages)));
      }
    }
    DisruptionInfo info =
        new DisruptionInfo(d.id(), d.name(), List.copyOf(removedNames), d.source());
    return new RiskReport(
        SPLIT_RULE, Optional.of(info), Tally.materials(data, after.flows()), stranded);
  }

  /**
   * Flows on routes, with the links and passages of each routed part (parallel to {@code
   * routes()}).
   */
  private record Assignment(
      Map<String, FlowRoutes> flows,
      Map<String, List<int[]>> links,
      Map<String, List<List<String>>> passages,
      Map<String, List<Route>> routes) {}

  /**
   * One routed part of a flow as the router found it: what the simulation's CRM demand layer runs
   * (the same split rule, quotas and cargo rules as the risk view).
   */
  public record RoutedFlow(Flow flow, Material material, double tonnes_yr, Route route) {}

  /**
   * Every flow's routed parts on the undisrupted network, in file order (unrouted tonnes left out).
   */
  public List<RoutedFlow> routedFlows() {
    Assignment a = assignAll(new BitSet(), Set.of());
    List<RoutedFlow> out = new ArrayList<>();
    for (Flow f : data.flows()) {
      Material m = data.material(f.material()).orElseThrow();
      List<RoutedPart> parts = a.flows().get(f.id()).routes();
      List<Route> routes = a.routes().get(f.id());
      for (int i = 0; i < parts.size(); i++) {
        out.add(new RoutedFlow(f, m, parts.get(i).tonnes_yr(), routes.get(i)));
      }
    }
    return out;
  }

  private Assignment assignAll(BitSet closed, Set<Passage> passages) {
    Map<String, FlowRoutes> out = new LinkedHashMap<>();
    Map<String, List<int[]>> links = new HashMap<>();
    Map<String, List<List<String>>> codes = new HashMap<>();
    Map<String, List<Route>> found = new HashMap<>();
    Map<Quota, Double> left = new HashMap<>();
    for (Quota q : data.quotas()) {
      left.put(q, q.tonnes_yr());
    }
    for (Flow f : data.flows()) {
      Material m = data.material(f.material()).orElseThrow();
      BitSet c = (BitSet) closed.clone();
      Set<Passage> p =
          passages.isEmpty() ? EnumSet.noneOf(Passage.class) : EnumSet.copyOf(passages);
      double remaining = f.tonnes_yr();
      List<RoutedPart> parts = new ArrayList<>();
      List<int[]> partLinks = new ArrayList<>();
      List<List<String>> partCodes = new ArrayList<>();
      List<Route> partRoutes = new ArrayList<>();
      Optional<String> note = Optional.empty();
      Optional<String> noRoute = Optional.empty();
      for (int round = 0; round <= data.quotas().size() && remaining > 0; round++) {
        RouteResponse resp = router(c).route(request(f, m, p, f.avoidCountries()));
        if (resp.routes().isEmpty()) {
          noRoute = resp.noRoute().or(() -> Optional.of("no allowed route"));
          break;
        }
        Route r = resp.routes().getFirst();
        int[] ls = links(r);
        List<String> cps = chokepoints(ls, r.passages());
        final double want = remaining;
        Optional<Quota> binding =
            data.quotas().stream()
                .filter(
                    q -> q.cargo() == m.cargo() && (q.unClass() == 0 || q.unClass() == m.unClass()))
                .filter(q -> cps.contains(q.chokepoint()) && left.get(q) < want)
                .findFirst();
        if (binding.isPresent()) {
          Quota q = binding.get();
          double through = left.get(q);
          if (through > 0) {
            parts.add(part(r, ls, cps, through, note));
            partLinks.add(ls);
            partCodes.add(r.passages());
            partRoutes.add(r);
            left.put(q, 0.0);
            remaining -= through;
          }
          c.or(chokepointLinks.get(q.chokepoint()));
          p.addAll(chokepointPassages.get(q.chokepoint()));
          note =
              Optional.of(
                  "over the "
                      + q.chokepoint()
                      + " quota of "
                      + Tally.fmt(q.tonnes_yr())
                      + " t/yr ("
                      + q.source()
                      + ")");
          continue;
        }
        for (Quota q : data.quotas()) {
          boolean applies =
              q.cargo() == m.cargo() && (q.unClass() == 0 || q.unClass() == m.unClass());
          if (applies && cps.contains(q.chokepoint())) {
            left.merge(q, -remaining, Double::sum);
          }
        }
        parts.add(part(r, ls, cps, remaining, note));
        partLinks.add(ls);
        partCodes.add(r.passages());
        partRoutes.add(r);
        remaining = 0;
      }
      out.put(
          f.id(),
          new FlowRoutes(
              f.id(),
              f.origin(),
              f.destination(),
              f.tonnes_yr(),
              f.tonnesSource(),
              parts,
              remaining,
              remaining > 0 ? noRoute : Optional.empty()));
      links.put(f.id(), partLinks);
      codes.put(f.id(), partCodes);
      found.put(f.id(), partRoutes);
    }
    return new Assignment(out, links, codes, found);
  }

  private RouteRequest request(Flow f, Material m, Set<Passage> passages, Set<String> avoid) {
    return RouteRequest.of(
            network.getNode(f.origin()), network.getNode(f.destination()), departure_s)
        .withCargo(1, UNIT_MASS_T, m.cargo(), m.unClass())
        .withAvoid(avoid, passages)
        .withObjective(Objective.COST, 1);
  }

  private Router router(BitSet closed) {
    return routers.computeIfAbsent(
        (BitSet) closed.clone(),
        k ->
            new Router(
                network,
                emissions,
                new ClosedElements(rules, k, "closed by the disruption"),
                sea,
                corridors,
                risks));
  }

  private static int[] links(Route r) {
    return r.legs().stream().flatMapToInt(l -> java.util.Arrays.stream(l.links())).toArray();
  }

  private List<String> chokepoints(int[] links, List<String> passages) {
    List<String> out = new ArrayList<>();
    for (Chokepoint c : data.chokepoints()) {
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

  private boolean crosses(
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
  private void expand(List<Element> elements, BitSet links, Set<Passage> passages) {
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

  private RoutedPart part(
      Route r, int[] links, List<String> cps, double tonnes, Optional<String> note) {
    List<String> modes = r.legs().stream().map(l -> l.mode().code()).distinct().toList();
    List<String> legs = r.legs().stream().map(RiskAnalysis::legText).toList();
    return new RoutedPart(
        tonnes,
        r.corridor(),
        Tally.round2(r.transitDays()),
        Tally.round2(r.cost_cents() / 100.0 / UNIT_MASS_T),
        Tally.round2(r.co2e_g() / 1000.0 / UNIT_MASS_T),
        r.countries(),
        cps,
        modes,
        legs,
        note,
        path(links));
  }

  /** The route's nodes, with the sea lanes' points in between (at most 60 a link) for maps. */
  private List<Stop> path(int[] links) {
    List<Stop> out = new ArrayList<>();
    Router plain = router(new BitSet());
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      if (k == 0) {
        out.add(stop(network.linkFrom(l)));
      }
      Optional<double[]> lane = plain.laneGeometry(l);
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

  private Stranded stranded(
      Flow f, double hit, FlowRoutes before, FlowRoutes after, List<int[]> altLinks) {
    Material m = data.material(f.material()).orElseThrow();
    if (after.routes().isEmpty()) {
      return new Stranded(
          f.id(),
          m.id(),
          hit,
          before.routes(),
          List.of(),
          after.noRoute().or(() -> Optional.of("no allowed route")),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          new Capacity("unknown", Double.NaN, hit / UNIT_MASS_T / 365, "no alternative"),
          Optional.empty());
    }
    double days =
        Tally.weighted(after.routes(), RoutedPart::days)
            - Tally.weighted(before.routes(), RoutedPart::days);
    double cost =
        Tally.total(after.routes(), RoutedPart::costUsd_t)
            - Tally.total(before.routes(), RoutedPart::costUsd_t);
    double co2 =
        (Tally.total(after.routes(), RoutedPart::co2eKg_t)
                - Tally.total(before.routes(), RoutedPart::co2eKg_t))
            / 1000;
    Optional<String> partial =
        after.unrouted_t() > 0
            ? Optional.of(
                Tally.fmt(after.unrouted_t())
                    + " t/yr have no alternative: "
                    + after.noRoute().orElse(""))
            : Optional.empty();
    return new Stranded(
        f.id(),
        m.id(),
        hit,
        before.routes(),
        after.routes(),
        partial,
        Tally.round2(days),
        Math.round(cost),
        Tally.round2(co2),
        capacity(altLinks, hit),
        Optional.empty());
  }

  /**
   * For tonnes left without an allowed alternative by the shipper's own country preference (the
   * uranium flow avoids Russia and Belarus: REUTERS22), the best route on the disrupted network
   * with that preference lifted: what the preference costs, never counted as an allowed route.
   */
  private Optional<Conditional> conditional(
      Flow f, FlowRoutes before, FlowRoutes after, BitSet closed, Set<Passage> passages) {
    if (after.unrouted_t() <= 0 || f.avoidCountries().isEmpty()) {
      return Optional.empty();
    }
    Material m = data.material(f.material()).orElseThrow();
    Set<Passage> p = passages.isEmpty() ? EnumSet.noneOf(Passage.class) : EnumSet.copyOf(passages);
    // Lift as little of the preference as possible: one avoided country at a time first (the
    // cheapest such route), then the whole list.
    List<String> avoided = f.avoidCountries().stream().sorted().toList();
    Optional<Route> best = Optional.empty();
    for (String lift : avoided) {
      Set<String> keep = new LinkedHashSet<>(avoided);
      keep.remove(lift);
      Optional<Route> r =
          router(closed).route(request(f, m, p, keep)).routes().stream().findFirst();
      if (r.isPresent() && (best.isEmpty() || r.get().cost_cents() < best.get().cost_cents())) {
        best = r;
      }
    }
    if (best.isEmpty() && avoided.size() > 1) {
      best = router(closed).route(request(f, m, p, Set.of())).routes().stream().findFirst();
    }
    if (best.isEmpty()) {
      return Optional.empty();
    }
    Route r = best.get();
    int[] ls = links(r);
    List<String> crossed =
        r.countries().stream().filter(f.avoidCountries()::contains).sorted().toList();
    String condition =
        "only if the shipper accepts transit through "
            + String.join(", ", crossed)
            + ", which this flow avoids ("
            + String.join(", ", avoided)
            + ": "
            + f.avoidSource()
            + "); not an allowed route under the flow's rules";
    List<RoutedPart> routes = new ArrayList<>(after.routes());
    routes.add(part(r, ls, chokepoints(ls, r.passages()), after.unrouted_t(), Optional.empty()));
    double days =
        Tally.weighted(routes, RoutedPart::days)
            - Tally.weighted(before.routes(), RoutedPart::days);
    double cost =
        Tally.total(routes, RoutedPart::costUsd_t)
            - Tally.total(before.routes(), RoutedPart::costUsd_t);
    double co2 =
        (Tally.total(routes, RoutedPart::co2eKg_t)
                - Tally.total(before.routes(), RoutedPart::co2eKg_t))
            / 1000;
    return Optional.of(
        new Conditional(
            condition,
            List.copyOf(routes),
            Tally.round2(days),
            Math.round(cost),
            Tally.round2(co2)));
  }

  /**
   * The smallest recorded capacity (link, node or scheduled service) along the alternative routes.
   */
  private Capacity capacity(List<int[]> routes, double tonnes) {
    String where = "unknown";
    double min = Double.NaN;
    for (int[] links : routes) {
      for (int l : links) {
        LinkSpec s = network.link(l);
        double cap = s.capacity_teu_day();
        String id = "link " + s.id();
        if (!s.service().isEmpty() && services.containsKey(s.service())) {
          ServiceSpec svc = services.get(s.service());
          double perDay = svc.capacity_teu() * svc.departures_per_week() / 7;
          if (Double.isFinite(perDay) && (!Double.isFinite(cap) || perDay < cap)) {
            cap = perDay;
            id = "service " + svc.id();
          }
        }
        double nodeCap = network.node(network.linkTo(l)).capacity_teu_day();
        if (Double.isFinite(nodeCap) && (!Double.isFinite(cap) || nodeCap < cap)) {
          cap = nodeCap;
          id = "node " + network.nodeId(network.linkTo(l));
        }
        if (Double.isFinite(cap) && (Double.isNaN(min) || cap < min)) {
          min = cap;
          where = id;
        }
      }
    }
    double added = tonnes / UNIT_MASS_T / 365;
    String note =
        Double.isNaN(min)
            ? "no capacity is recorded on the alternative; spare capacity unknown"
            : "spare capacity unknown (the network records capacity, not its use); the diversion adds "
                + Tally.round2(added)
                + " TEU/day = "
                + Tally.round2(100 * added / min)
                + " % of the bottleneck";
    return new Capacity(where, min, Tally.round2(added), note);
  }
}
