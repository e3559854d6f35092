package org.caravan.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.caravan.network.CarrierClass;
import org.caravan.network.Corridors;
import org.caravan.network.Episodes;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.network.RateTables;
import org.caravan.network.Schedule;
import org.caravan.network.Season;

/**
 * One query prepared for the search: which links are allowed (constraints compiled to a bit set
 * once per query), the CO2e of each link for this cargo, and the single rule for extending a
 * partial route by a link. Search, oracle tests and route explanation all extend through {@link
 * #relax}, so they agree on costs.
 *
 * <p>Extending a route that stands at node {@code v} (arrived with carrier class {@code c}) by link
 * {@code l}: passing through {@code v} costs its dwell time (borders, locomotive change; at a
 * border with an outbound stop of its own, that stop when {@code l} leaves the country, {@link
 * org.caravan.network.Network#outbound}), and a dated congestion or closure there holds the train
 * as {@link Episodes} says; changing carrier class, or ship (two sailings in a row: a
 * transshipment), costs the node's transfer time and price, and is forbidden where the node offers
 * no such transfer; a scheduled link waits for its next departure (first-in-first-out, see {@link
 * Schedule}), or, where no source publishes the departure times, for half the headway, the mean
 * wait (a departure grid the data do not give would be false precision: a 0.7-a-week feeder would
 * seem to sail an hour after the train arrives); then the running time, tariff, CO2e and variance
 * of the link are added; a link into the destination adds the destination's handling. {@link
 * #start} puts a route at the origin with the origin's handling.
 *
 * <p>Spread. The variance grows by each link's running-time variance, each node's dwell variance,
 * the variance of the wait for a scheduled departure ({@link Schedule#waitVariance_s2}: the
 * container's arrival is spread over days, so the wait is spread over the headway, not fixed at the
 * computed wait) and the seasonal closure risks of the links and nodes passed ({@link
 * SeasonalRisks}, month of the departure).
 *
 * <p>Practice rules (on unless the router falls back because no route keeps them; one home, here):
 *
 * <ul>
 *   <li><b>Road only at the ends.</b> Leaving any other carrier for a truck starts the route's
 *       final road part: after it only road and roll-on ferries that carry the truck follow. A rail
 *       route therefore never drops to a truck for a few hundred kilometres between two rail legs
 *       (rail → truck → rail at Małaszewicze), and a port with a railhead is not left by truck to
 *       reach another railhead.
 *   <li><b>One corridor.</b> A route keeps the set of corridors ({@link Corridors}) that contain
 *       every corridor node it has passed; a link into a node of none of them is refused, so no
 *       route enters one corridor and comes back to another (Xi'an → Mongolia → Russia → Kazakhstan
 *       → Caspian).
 * </ul>
 *
 * Both rules are carried in the search state as a <em>tag</em>: the state class (a carrier class,
 * the origin, or the final road part by road or ferry) times the corridor set.
 */
public final class QueryContext {
  final Network network;
  final RouteRequest request;
  final long[] allowedBits;
  final long[] linkCo2e_g;
  final long[] hubCo2e_g;
  final long
      teuScaled; // TEU x 1000 (fixed point), to charge per-TEU prices for fractional TEU counts
  // Boxes x 1000: a transfer (a lift, a gauge change) moves a box whatever its length, so it is
  // charged per box; a 40-ft box pays one lift (CPMM prices a border crossing per consignment).
  final long boxesScaled;
  final long[] override_distance_m;
  final long[] override_duration_s;
  final long[] override_tariff_cents;
  final long[] linkCost_cents; // the whole shipment over each link (Tariffs): dated rates, per
  // TEU/FEU/truckload
  final int[] override_passages;
  final double[][] override_geometry;
  final ExpectedWaits waits;

  /**
   * Wagonload marshalling of this request, seconds per metre of the first rail leg, and its
   * standard deviation; 0 for block-train cargo. Set per request.
   */
  private final double marshal_sPerM;

  private final double marshalSd_sPerM;

  final Episodes.Compiled episodes; // dated border congestions and closures
  final int[] corridorMask; // per node, empty when there are no corridors
  final int corridorSets; // 2^corridors
  final int corridorBits; // corridors
  final long[][] linkRisk_s2; // [month][link], null when no link is at risk
  final long[][] nodeRisk_s2; // [month][node]
  final int month; // of the departure, 0-11
  final boolean practice;

  /**
   * State classes beyond the carrier classes: the origin, and the final road part by road or by
   * ferry.
   */
  static final int ORIGIN = CarrierClass.COUNT;

  static final int ROAD_TAIL = CarrierClass.COUNT + 1;
  static final int FERRY_TAIL = CarrierClass.COUNT + 2;
  static final int STATE_CLASSES = CarrierClass.COUNT + 3;
  private static final int ROAD = CarrierClass.ROAD.ordinal();
  private static final int FERRY = CarrierClass.FERRY.ordinal();

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

    /** Of {@code dwell_s}, the hold of a dated border episode ({@link Episodes}). */
    public long held_s;

    /**
     * Wagon-group marshalling on the link (after its running time; 0 unless the cargo boarded as
     * wagonload, {@link ExpectedWaits#wagonload_hPer1000km}).
     */
    public long marshal_s;

    public long depart_s;

    /** Input: departure from the origin, for the door-to-door time limit. */
    public long origin_s;

    /** The search state tag after the link (state class and corridor set). */
    public int tag;

    /**
     * Handling at the destination included in the totals (0 unless the link ends at the target).
     */
    public long handling_s;

    public long handling_cents;
    public long handling_co2e_g;
  }

  /**
   * Puts the route standing at the request's origin into {@code out}, ready to leave: the departure
   * plus the origin's handling time, its handling price and hub CO2e. With the destination's
   * handling added by {@link #relax} on the last link, this is the one home of origin and
   * destination access.
   */
  public void start(Step out) {
    int from = request.from();
    out.origin_s = request.departure_s();
    out.time_s = request.departure_s() + network.handling_s(from);
    out.cost_cents = network.handling_cents(from) * teuScaled / 1000;
    out.co2e_g = hubCo2e_g[from];
    out.variance_s2 = 0;
    out.transshipments = 0;
    out.wait_s = 0;
    out.transfer_s = 0;
    out.dwell_s = 0;
    out.marshal_s = 0;
    out.handling_s = 0;
    out.handling_cents = 0;
    out.handling_co2e_g = 0;
    out.depart_s = out.time_s;
    out.tag = originTag(from);
  }

  /**
   * Prepares the parts of a request that do not depend on its endpoints or departure, so equal
   * constraints share one context (the router caches them).
   *
   * @param rates dated rate tables
   * @param day the departure day that picks the rate tables' periods
   * @param feu how many of the request's TEU travel in 40-ft boxes
   * @param waits expected waits charged on top of the network (borders, formation, sailings)
   * @param episodes dated border congestions and closures, by node
   */
  QueryContext(
      Network network,
      RouteRequest request,
      EmissionModel emissions,
      CargoRules rules,
      SeaLaneOverrides.Result overrides,
      Corridors corridors,
      SeasonalRisks risks,
      RateTables rates,
      LocalDate day,
      double feu,
      ExpectedWaits waits,
      Episodes.Compiled episodes) {
    this.network = network;
    this.waits = waits;
    this.marshal_sPerM = 0;
    this.marshalSd_sPerM = 0;
    this.episodes = episodes;
    this.request = request;
    this.practice = true;
    this.month = 0;
    this.corridorBits = corridors.corridors().size();
    this.corridorSets = 1 << corridorBits;
    this.corridorMask = new int[corridors.corridors().isEmpty() ? 0 : network.nodeCount()];
    for (int v = 0; v < corridorMask.length; v++) {
      corridorMask[v] = corridors.mask(v);
    }
    long[][] lr = new long[12][];
    long[][] nr = new long[12][];
    boolean anyLink = false;
    boolean anyNode = false;
    for (int mo = 0; mo < 12; mo++) {
      lr[mo] = risks.linkVariance_s2(network, mo);
      nr[mo] = risks.nodeVariance_s2(network, mo);
      anyLink |= lr[mo] != null;
      anyNode |= nr[mo] != null;
    }
    this.linkRisk_s2 = anyLink ? lr : null;
    this.nodeRisk_s2 = anyNode ? nr : null;
    int m = network.linkCount();
    this.allowedBits = new long[(m + 63) >>> 6];
    this.linkCo2e_g = new long[m];
    this.hubCo2e_g = new long[network.nodeCount()];
    this.teuScaled = Math.round(request.teu() * 1000);
    this.boxesScaled = Math.round((request.teu() - feu) * 1000);
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
    this.linkCost_cents =
        Tariffs.linkCost_cents(
            network, rates, day, request.teu(), feu, request.mass_t(), override_tariff_cents);
    this.override_passages = overrides.passageMask();
    this.override_geometry = overrides.geometry();
    for (int l = 0; l < m; l++) {
      Mode mode = network.linkMode(l);
      int passages = override_passages[l] >= 0 ? override_passages[l] : network.passageMask(l);
      boolean ok =
          (network.countryMask(l) & avoidCountries) == 0
              && (passages & avoidPassages) == 0
              && (request.modes().isEmpty() || request.modes().contains(mode))
              && !rules.refuses(network, l, request.cargo(), request.unClass());
      if (ok) {
        allowedBits[l >>> 6] |= 1L << l;
        double distanceScale =
            override_distance_m[l] > 0
                ? (double) override_distance_m[l] / network.distance_m(l)
                : 1.0;
        linkCo2e_g[l] =
            Math.round(emissions.linkCo2e_g(network, l, request.mass_t()) * distanceScale);
      }
    }
    for (int v = 0; v < network.nodeCount(); v++) {
      hubCo2e_g[v] = Math.round(emissions.hubCo2e_g(network, v, request.teu()));
    }
  }

  /**
   * The same prepared constraints for a request that differs only in endpoints, departure and
   * objective.
   */
  QueryContext forRequest(RouteRequest r) {
    return new QueryContext(this, r, true);
  }

  /** The same query without the practice rules: the fallback when no route keeps them. */
  QueryContext withoutPractice() {
    return new QueryContext(this, request, false);
  }

  private QueryContext(QueryContext shared, RouteRequest r, boolean practice) {
    this.network = shared.network;
    this.request = r;
    this.practice = practice;
    this.month =
        Instant.ofEpochSecond(r.departure_s()).atOffset(ZoneOffset.UTC).getMonthValue() - 1;
    this.corridorMask = shared.corridorMask;
    this.corridorSets = shared.corridorSets;
    this.corridorBits = shared.corridorBits;
    this.linkRisk_s2 = shared.linkRisk_s2;
    this.nodeRisk_s2 = shared.nodeRisk_s2;
    this.allowedBits = shared.allowedBits;
    this.linkCo2e_g = shared.linkCo2e_g;
    this.hubCo2e_g = shared.hubCo2e_g;
    this.teuScaled = shared.teuScaled;
    this.boxesScaled = shared.boxesScaled;
    this.override_distance_m = shared.override_distance_m;
    this.override_duration_s = shared.override_duration_s;
    this.override_tariff_cents = shared.override_tariff_cents;
    this.linkCost_cents = shared.linkCost_cents;
    this.override_passages = shared.override_passages;
    this.override_geometry = shared.override_geometry;
    // The departure's season for the whole query, as the closure risks take its month.
    this.waits = shared.waits.inSeason(Season.ofMonth(month));
    // Wagonload: cargo boarding at an origin whose flows the simulation marshals as wagon groups
    // (a train load books a block train of its own and is not marshalled).
    int origin = r.from();
    double rate = r.fullTrain() ? 0 : waits.wagonload_hPer1000km(origin);
    this.marshal_sPerM = rate > 0 ? rate * 3600 / 1_000_000 : 0;
    this.marshalSd_sPerM = rate > 0 ? waits.wagonloadSd_hPer1000km(origin) * 3600 / 1_000_000 : 0;
    this.episodes = shared.episodes;
  }

  /**
   * Countries of the link for this query: a sea link re-routed around a passage keeps only its end
   * countries.
   */
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

  /** Number of distinct search state tags: what a search multiplies its states per node by. */
  int tagCount() {
    return STATE_CLASSES * corridorSets;
  }

  /** The tag of a route standing at its origin: no carrier yet, the origin's corridors (or all). */
  public int originTag(int from) {
    int m = practice && corridorMask.length > 0 ? corridorMask[from] : 0;
    return ORIGIN * corridorSets + (m != 0 ? m : corridorSets - 1);
  }

  /** The corridor set of a tag: the corridors that hold every corridor node passed (a bit mask). */
  int corridorSet(int tag) {
    return tag % corridorSets;
  }

  /**
   * Extends a partial route standing at {@code v} by link {@code l} (which must leave {@code v}).
   *
   * @param tag the route's search state: {@link #originTag} at the origin, then {@link Step#tag}
   * @return false when the link may not be used here (not allowed, no transfer, over a limit,
   *     against practice)
   */
  public boolean relax(
      int v,
      int tag,
      long time_s,
      long cost_cents,
      long co2e_g,
      long variance_s2,
      int transshipments,
      int l,
      Step out) {
    if (!allowed(l)) {
      return false;
    }
    int sc = tag >>> corridorBits;
    int set = tag & (corridorSets - 1);
    int cls = sc == ORIGIN ? -1 : sc == ROAD_TAIL ? ROAD : sc == FERRY_TAIL ? FERRY : sc;
    int nextClass = network.linkClass(l);
    int nsc = nextClass;
    if (practice) {
      if (sc == ROAD_TAIL || sc == FERRY_TAIL) {
        if (nextClass != ROAD && nextClass != FERRY) {
          return false;
        }
        nsc = nextClass == ROAD ? ROAD_TAIL : FERRY_TAIL;
      } else if (nextClass == ROAD && cls >= 0 && cls != ROAD) {
        nsc = ROAD_TAIL;
      }
      if (corridorMask.length > 0) {
        int m = corridorMask[network.linkTo(l)];
        if (m != 0) {
          set &= m;
          if (set == 0) {
            return false;
          }
        }
      }
    }
    out.tag = (nsc << corridorBits) | set;
    long t = time_s;
    long cost = cost_cents;
    long co2 = co2e_g;
    long var = variance_s2;
    int hops = transshipments;
    out.transfer_s = 0;
    out.dwell_s = 0;
    out.held_s = 0;
    int next = nextClass;
    if (cls >= 0) {
      // Leaving the country by a border with an outbound stop of its own: that stop (CPMM22KZ).
      int onTo = network.linkTo(l);
      boolean leaving = network.outbound(v, onTo);
      long pass = leaving ? waits.exit_s(v) : waits.pass_s(v);
      long dwell = pass >= 0 ? pass : network.dwell_s(v, onTo);
      long sd = network.dwellSd_s(v, onTo);
      t += dwell;
      var += pass >= 0 ? (leaving ? waits.exitVar_s2(v) : waits.passVar_s2(v)) : sd * sd;
      if (nodeRisk_s2 != null && nodeRisk_s2[month] != null) {
        var += nodeRisk_s2[month][v];
      }
      if (episodes.any(v)) {
        // A dated congestion or closure holds the train (first in, first out: Episodes).
        long held = episodes.release_s(v, network.linkTo(l), t) - t;
        var += episodes.variance_s2(v, network.linkTo(l), t);
        t += held;
        dwell += held;
        out.held_s = held;
      }
      out.dwell_s = dwell;
      if (Leg.isTransfer(cls, next)) {
        int tr = network.transfer_s(v, cls, next);
        if (tr < 0) {
          return false;
        }
        t += tr;
        cost += network.transfer_cents(v, cls, next) * boxesScaled / 1000;
        co2 += hubCo2e_g[v];
        hops++;
        out.transfer_s = tr;
        if (request.maxTransshipments() >= 0 && hops > request.maxTransshipments()) {
          return false;
        }
      }
    }
    long ready = t;
    if (network.linkMode(l) == Mode.RAIL && (cls < 0 || next != cls) && !request.fullTrain()) {
      // Boarding a train: wait for it to be formed (a train load is a block train of its own).
      t += waits.board_s(v, request.to());
      var += waits.boardVar_s2(v, request.to());
    }
    Schedule s = network.scheduleOrNull(l);
    if (s != null) {
      long expected = waits.departure_s(l);
      if (expected >= 0) {
        t += expected;
        var += waits.departureVar_s2(l);
      } else {
        t = s.expectedDeparture_s(t);
        var += s.waitVariance_s2();
      }
    }
    if (linkRisk_s2 != null && linkRisk_s2[month] != null) {
      var += linkRisk_s2[month][l];
    }
    out.wait_s = t - ready;
    out.depart_s = t;
    t += duration_s(l);
    long sd = network.durationSd_s(l);
    var += sd * sd;
    out.marshal_s = 0;
    if (marshal_sPerM > 0 && hops == 0 && network.linkMode(l) == Mode.RAIL) {
      // Wagonload: the yards of the first rail leg (origin to the first transfer: a port, a gauge
      // change), in proportion to its length. The state is the route's own (no transfer yet), which
      // the labels do not tell apart: a route that boarded rail after a transfer is not marshalled
      // and may be dominated at a node by a marshalled one; an approximation, as exact as the
      // search for every query from an origin without wagonload.
      long m = distance_m(l);
      out.marshal_s = Math.round(m * marshal_sPerM);
      t += out.marshal_s;
      double msd = m * marshalSd_sPerM;
      var += Math.round(msd * msd);
    }
    cost += linkCost_cents[l];
    co2 += linkCo2e_g[l];
    out.handling_s = 0;
    out.handling_cents = 0;
    out.handling_co2e_g = 0;
    int w = network.linkTo(l);
    if (w == request.to()) {
      out.handling_s = network.handling_s(w);
      out.handling_cents = network.handling_cents(w) * teuScaled / 1000;
      out.handling_co2e_g = hubCo2e_g[w];
      t += out.handling_s;
      cost += out.handling_cents;
      co2 += out.handling_co2e_g;
    }
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
