package org.caravan.crm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.RiskReport.Capacity;
import org.caravan.crm.RiskReport.Conditional;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Stranded;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.network.ServiceSpec;
import org.caravan.routing.Route;

/**
 * What a disruption does to a flow it strands: the extra days, cost and CO2e of its alternative,
 * the smallest recorded capacity on that alternative, and the conditional route when the shipper's
 * own country preference leaves tonnes without an allowed one.
 */
final class Diversions {
  /**
   * Extra days (tonne-weighted), cost (USD a year) and CO2e (t a year) of {@code after} over {@code
   * before}, rounded as reported.
   */
  private record Extra(double days, double costUsd_yr, double co2e_t_yr) {
    static Extra of(List<RoutedPart> after, List<RoutedPart> before) {
      double days =
          Tally.weighted(after, RoutedPart::days) - Tally.weighted(before, RoutedPart::days);
      double cost =
          Tally.total(after, RoutedPart::costUsd_t) - Tally.total(before, RoutedPart::costUsd_t);
      double co2 =
          (Tally.total(after, RoutedPart::co2eKg_t) - Tally.total(before, RoutedPart::co2eKg_t))
              / 1000;
      return new Extra(Tally.round2(days), Math.round(cost), Tally.round2(co2));
    }
  }

  private final Network network;
  private final CrmDataset data;
  private final CrmRouting routing;
  private final Map<String, ServiceSpec> services;

  Diversions(Network network, CrmDataset data, CrmRouting routing) {
    this.network = network;
    this.data = data;
    this.routing = routing;
    this.services =
        network.spec().services().stream()
            .collect(Collectors.toMap(ServiceSpec::id, s -> s, (a, b) -> b));
  }

  /** A flow of which {@code hit} t/yr crossed the disruption, with its routes before and after. */
  Stranded stranded(Flow f, double hit, FlowRoutes before, FlowRoutes after, List<int[]> altLinks) {
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
          new Capacity(
              "unknown", Double.NaN, hit / RiskAnalysis.UNIT_MASS_T / 365, "no alternative"),
          Optional.empty());
    }
    Extra extra = Extra.of(after.routes(), before.routes());
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
        extra.days(),
        extra.costUsd_yr(),
        extra.co2e_t_yr(),
        capacity(altLinks, hit),
        Optional.empty());
  }

  /**
   * For tonnes left without an allowed alternative by the shipper's own country preference (the
   * uranium flow avoids Russia and Belarus: REUTERS22), the best route on the disrupted network
   * with that preference lifted: what the preference costs, never counted as an allowed route.
   */
  Optional<Conditional> conditional(
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
          routing.router(closed).route(routing.request(f, m, p, keep)).routes().stream()
              .findFirst();
      if (r.isPresent() && (best.isEmpty() || r.get().cost_cents() < best.get().cost_cents())) {
        best = r;
      }
    }
    if (best.isEmpty() && avoided.size() > 1) {
      best =
          routing.router(closed).route(routing.request(f, m, p, Set.of())).routes().stream()
              .findFirst();
    }
    if (best.isEmpty()) {
      return Optional.empty();
    }
    Route r = best.get();
    int[] ls = CrmRouting.links(r);
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
    routes.add(
        routing.part(
            r, ls, p, routing.chokepoints(ls, r.passages()), after.unrouted_t(), Optional.empty()));
    Extra extra = Extra.of(routes, before.routes());
    return Optional.of(
        new Conditional(
            condition, List.copyOf(routes), extra.days(), extra.costUsd_yr(), extra.co2e_t_yr()));
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
    double added = tonnes / RiskAnalysis.UNIT_MASS_T / 365;
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
