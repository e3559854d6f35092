package org.caravan.routing;

import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.network.Schedule;

/**
 * One query prepared for the search: which links are allowed (constraints compiled to a bit set once per
 * query), the CO2e of each link for this cargo, and the single rule for extending a partial route by a link.
 * Search, oracle tests and route explanation all extend through {@link #relax}, so they agree on costs.
 *
 * <p>Extending a route that stands at node {@code v} (arrived with carrier class {@code c}) by link {@code l}:
 * passing through {@code v} costs its dwell time (borders, locomotive change); changing carrier class costs the
 * node's transfer time and price, and is forbidden where the node offers no such transfer; a scheduled link
 * waits for its next departure (first-in-first-out, see {@link Schedule}); then the running time, tariff,
 * CO2e and variance of the link are added. Nothing is charged at the origin except the start time.
 */
public final class QueryContext {
  final Network network;
  final RouteRequest request;
  final long[] allowedBits;
  final long[] linkCo2e_g;
  final long[] hubCo2e_g;
  final long[] linkCost_cents; // the whole shipment over each link (Tariffs): dated rates, per TEU/FEU/truckload
  final long teuScaled; // TEU x 1000 (fixed point), to charge per-TEU prices for fractional TEU counts
  final long[] override_distance_m;
  final long[] override_duration_s;
  final long[] override_tariff_cents;
  final int[] override_passages;
  final double[][] override_geometry;

  /** The scratch output of {@link #relax}: all fields describe the route after the link. */
  public static final class Step {
    public long time_s;
    public long cost_cents;
    public long co2e_g;
    public long variance_s2;
    public int transshipments;
    public long wait_s;
    public long transfer_s;
    public long dwell_s;
    public long depart_s;
    /** Input: departure from the origin, for the door-to-door time limit. */
    public long origin_s;
  }

  /**
   * Prepares the parts of a request that do not depend on its endpoints or departure, so equal constraints
   * share one context (the router caches them).
   */
  QueryContext(Network network, RouteRequest request, EmissionModel emissions, CargoRules rules,
      SeaLaneOverrides.Result overrides) {
    this(network, request, emissions, rules, overrides, org.caravan.network.RateTables.none(),
        Tariffs.pricingDay(request.departure_s()), 0);
  }

  /**
   * @param rates dated rate tables
   * @param day the departure day that picks the rate tables' periods
   * @param feu how many of the request's TEU travel in 40-ft boxes
   */
  QueryContext(Network network, RouteRequest request, EmissionModel emissions, CargoRules rules,
      SeaLaneOverrides.Result overrides, org.caravan.network.RateTables rates, java.time.LocalDate day, double feu) {
    this.network = network;
    this.request = request;
    int m = network.linkCount();
    this.allowedBits = new long[(m + 63) >>> 6];
    this.linkCo2e_g = new long[m];
    this.hubCo2e_g = new long[network.nodeCount()];
    this.teuScaled = Math.round(request.teu() * 1000);
    long avoidCountries = 0;
    for (String c : request.avoidCountries()) {
      var i = network.findCountry(c);
      if (i.isPresent()) {
        avoidCountries |= 1L << i.getAsInt();
      }
    }
    int avoidPassages = passageMask(request);
    this.override_distance_m = overrides.distance_m();
    this.override_duration_s = overrides.duration_s();
    this.override_tariff_cents = overrides.tariff_cents();
    this.override_passages = overrides.passageMask();
    this.override_geometry = overrides.geometry();
    for (int l = 0; l < m; l++) {
      Mode mode = network.linkMode(l);
      int passages = override_passages[l] >= 0 ? override_passages[l] : network.passageMask(l);
      boolean ok = (network.countryMask(l) & avoidCountries) == 0
          && (passages & avoidPassages) == 0
          && (request.modes().isEmpty() || request.modes().contains(mode))
          && !rules.refuses(network, l, request.cargo(), request.unClass());
      if (ok) {
        allowedBits[l >>> 6] |= 1L << l;
        double distanceScale = override_distance_m[l] > 0 ? (double) override_distance_m[l] / network.distance_m(l) : 1.0;
        linkCo2e_g[l] = Math.round(emissions.linkCo2e_g(network, l, request.mass_t()) * distanceScale);
      }
    }
    for (int v = 0; v < network.nodeCount(); v++) {
      hubCo2e_g[v] = Math.round(emissions.hubCo2e_g(network, v, request.teu()));
    }
    this.linkCost_cents = Tariffs.linkCost_cents(network, rates, day, request.teu(), feu, request.mass_t(), override_tariff_cents);
  }

  /** The same prepared constraints for a request that differs only in endpoints, departure and objective. */
  QueryContext forRequest(RouteRequest r) {
    return new QueryContext(this, r);
  }

  private QueryContext(QueryContext shared, RouteRequest r) {
    this.network = shared.network;
    this.request = r;
    this.allowedBits = shared.allowedBits;
    this.linkCo2e_g = shared.linkCo2e_g;
    this.hubCo2e_g = shared.hubCo2e_g;
    this.linkCost_cents = shared.linkCost_cents;
    this.teuScaled = shared.teuScaled;
    this.override_distance_m = shared.override_distance_m;
    this.override_duration_s = shared.override_duration_s;
    this.override_tariff_cents = shared.override_tariff_cents;
    this.override_passages = shared.override_passages;
    this.override_geometry = shared.override_geometry;
  }

  /** Countries of the link for this query: a sea link re-routed around a passage keeps only its end countries. */
  public java.util.List<String> linkCountries(int link) {
    if (override_passages[link] < 0) {
      return network.linkCountries(link);
    }
    String a = network.node(network.linkFrom(link)).country();
    String b = network.node(network.linkTo(link)).country();
    return a.equals(b) ? java.util.List.of(a) : java.util.List.of(a, b);
  }

  /** Sea passages the link uses for this query. */
  public int passageMask(int link) {
    return override_passages[link] >= 0 ? override_passages[link] : network.passageMask(link);
  }

  /** Points after the link's start, {@code [lon, lat]}, ending at its end node. */
  public java.util.List<double[]> geometry(int link) {
    double[] g = override_geometry[link];
    int to = network.linkTo(link);
    if (g == null || g.length < 4) {
      return java.util.List.of(new double[] {network.lon(to), network.lat(to)});
    }
    java.util.List<double[]> out = new java.util.ArrayList<>();
    for (int i = 2; i + 1 < g.length; i += 2) {
      out.add(new double[] {g[i], g[i + 1]});
    }
    out.add(new double[] {network.lon(to), network.lat(to)});
    return out;
  }

  public Network network() {
    return network;
  }

  public RouteRequest request() {
    return request;
  }

  public boolean allowed(int link) {
    return (allowedBits[link >>> 6] & (1L << link)) != 0;
  }

  /** Length of a link for this query (a sea link re-routed around an avoided passage is longer). */
  public long distance_m(int link) {
    return override_distance_m[link] > 0 ? override_distance_m[link] : network.distance_m(link);
  }

  long duration_s(int link) {
    return override_duration_s[link] > 0 ? override_duration_s[link] : network.duration_s(link);
  }

  /** Price of moving the whole shipment over a link, cents (see {@link Tariffs}). */
  long linkCost_cents(int link) {
    return linkCost_cents[link];
  }

  /**
   * Extends a partial route standing at {@code v} by link {@code l} (which must leave {@code v}).
   *
   * @param cls carrier class the route arrived with, or -1 at the origin
   * @return false when the link may not be used here (not allowed, no transfer, over a limit)
   */
  public boolean relax(int v, int cls, long time_s, long cost_cents, long co2e_g, long variance_s2, int transshipments,
      int l, Step out) {
    if (!allowed(l)) {
      return false;
    }
    long t = time_s;
    long cost = cost_cents;
    long co2 = co2e_g;
    long var = variance_s2;
    int hops = transshipments;
    out.transfer_s = 0;
    out.dwell_s = 0;
    int next = network.linkClass(l);
    if (cls >= 0) {
      long dwell = network.dwell_s(v);
      long sd = network.dwellSd_s(v);
      t += dwell;
      var += sd * sd;
      out.dwell_s = dwell;
      if (next != cls) {
        int tr = network.transfer_s(v, cls, next);
        if (tr < 0) {
          return false;
        }
        t += tr;
        cost += network.transfer_cents(v, cls, next) * teuScaled / 1000;
        co2 += hubCo2e_g[v];
        hops++;
        out.transfer_s = tr;
        if (request.maxTransshipments() >= 0 && hops > request.maxTransshipments()) {
          return false;
        }
      }
    }
    Schedule s = network.scheduleOrNull(l);
    long ready = t;
    if (s != null) {
      t = s.nextDeparture_s(t);
    }
    out.wait_s = t - ready;
    out.depart_s = t;
    t += duration_s(l);
    long sd = network.durationSd_s(l);
    var += sd * sd;
    cost += linkCost_cents[l];
    co2 += linkCo2e_g[l];
    if (request.maxDuration_s() >= 0 && t - out.origin_s > request.maxDuration_s()) {
      return false;
    }
    if (request.maxCost_cents() >= 0 && cost > request.maxCost_cents()) {
      return false;
    }
    out.time_s = t;
    out.cost_cents = cost;
    out.co2e_g = co2;
    out.variance_s2 = var;
    out.transshipments = hops;
    return true;
  }

  /** The avoided-passage bits of a request. */
  static int passageMask(RouteRequest request) {
    int mask = 0;
    for (Passage p : request.avoidPassages()) {
      mask |= p.bit();
    }
    return mask;
  }
}
