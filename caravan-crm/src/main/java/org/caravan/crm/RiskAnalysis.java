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
import org.caravan.crm.CrmData.Disruption;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.CrmData.Quota;
import org.caravan.crm.RiskReport.DisruptionInfo;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Stranded;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.routing.CargoRules;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Route;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLaneOverrides;

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
 * <p>This class assigns the flows and tallies the views; {@link CrmRouting} owns the routers and
 * the chokepoints' links, {@link Diversions} what a disruption costs a stranded flow.
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
  private final CrmRouting routing;
  private final Diversions diversions;

  /**
   * @param network the CRM network ({@link CrmNetwork#spec()} built), which the dataset was checked
   *     against
   * @param rules the cargo-class rules ({@code data/routing/cargo-rules.csv})
   * @param options the route planner's options (corridors, closure risks, rate tables, episodes,
   *     expected waits), so a flow's route is timed and priced as {@code caravan route} answers
   * @param diverted sea passages every shipment sails round: the dated lane switches in force at
   *     the departure (the Red Sea diversion), as the route planner applies them
   * @param departure_s departure of every flow's reference shipment, seconds since the epoch
   */
  public RiskAnalysis(
      Network network,
      CrmDataset data,
      CargoRules rules,
      EmissionModel emissions,
      SeaLaneOverrides sea,
      Router.Options options,
      Set<Passage> diverted,
      long departure_s) {
    this.network = network;
    this.data = data;
    this.routing =
        new CrmRouting(
            network,
            data,
            rules,
            r -> new Router(network, emissions, r, sea, options),
            diverted,
            departure_s);
    this.diversions = new Diversions(network, data, routing);
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
    routing.expand(d.removes(), closed, passages);
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
        if (CrmRouting.crosses(
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
            diversions
                .stranded(f, hit, before, alt, after.links().get(f.id()))
                .withConditional(diversions.conditional(f, before, alt, closed, passages)));
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
    for (Quota q : data.risks().quotas()) {
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
      for (int round = 0; round <= data.risks().quotas().size() && remaining > 0; round++) {
        RouteResponse resp = routing.router(c).route(routing.request(f, m, p, f.avoidCountries()));
        if (resp.routes().isEmpty()) {
          noRoute = resp.noRoute().or(() -> Optional.of("no allowed route"));
          break;
        }
        Route r = resp.routes().getFirst();
        int[] ls = CrmRouting.links(r);
        List<String> cps = routing.chokepoints(ls, r.passages());
        final double want = remaining;
        Optional<Quota> binding =
            data.risks().quotas().stream()
                .filter(
                    q -> q.cargo() == m.cargo() && (q.unClass() == 0 || q.unClass() == m.unClass()))
                .filter(q -> cps.contains(q.chokepoint()) && left.get(q) < want)
                .findFirst();
        if (binding.isPresent()) {
          Quota q = binding.get();
          double through = left.get(q);
          if (through > 0) {
            parts.add(routing.part(r, ls, p, cps, through, note));
            partLinks.add(ls);
            partCodes.add(r.passages());
            partRoutes.add(r);
            left.put(q, 0.0);
            remaining -= through;
          }
          c.or(routing.chokepointLinks(q.chokepoint()));
          p.addAll(routing.chokepointPassages(q.chokepoint()));
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
        for (Quota q : data.risks().quotas()) {
          boolean applies =
              q.cargo() == m.cargo() && (q.unClass() == 0 || q.unClass() == m.unClass());
          if (applies && cps.contains(q.chokepoint())) {
            left.merge(q, -remaining, Double::sum);
          }
        }
        parts.add(routing.part(r, ls, p, cps, remaining, note));
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
}
