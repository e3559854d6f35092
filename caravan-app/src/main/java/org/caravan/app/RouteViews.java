package org.caravan.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.Network;
import org.caravan.network.RateTables;
import org.caravan.network.Season;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.Tariffs;
import org.caravan.scenario.NetworkEmissions;
import org.caravan.scenario.Planner;
import org.caravan.scenario.RouteCo2e;

/**
 * The public JSON shape of route answers, shared by {@code caravan route --json} and the HTTP API.
 * Field names are snake_case (see {@link #JSON}); units are in the names; times are {@link
 * Instant}s, written as ISO-8601 UTC only when serialised (the one place they are formatted).
 * Documented in {@code docs/CLI.md}.
 */
public final class RouteViews {
  /** The mapper for every public JSON document: snake_case, sorted map keys, indented. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private RouteViews() {}

  /**
   * @param feu how many of the TEU travel in 40-ft boxes
   * @param prices which dated rate tables priced the routes, and for which day
   */
  public record Answer(
      String from,
      String to,
      @JsonSerialize(using = ToStringSerializer.class) Instant departure,
      double teu,
      double feu,
      double tonnes,
      String cargo,
      String objective,
      double epsilon,
      boolean labelCapHit,
      long labels,
      Prices prices,
      List<Published> published,
      List<RouteView> routes) {}

  /**
   * A published figure for the answer's two places (a row of {@code data/validation/targets.csv};
   * {@code docs/VALIDATION.md} compares it with the model).
   *
   * @param corridor the corridor the figure describes ({@code any} when it names none)
   * @param via the places the figure names its path by, in order
   * @param quantity {@code transit_days}, {@code cost_usd_feu}, {@code cost_usd_teu}, {@code
   *     co2e_kg_teu}, {@code co2e_g_tkm}, {@code wait_days} or {@code sea_distance_nm}; {@code low}
   *     to {@code high} in {@code unit} (a point figure widened to ±10 %)
   * @param kind {@code promised}, {@code guidance}, {@code observed} or {@code record}
   * @param departed the month the trips left (YYYY-MM), empty when the figure is not dated so
   * @param blockTrain the figure is one block train's
   * @param modelInput the figure is an input of the model, so it cannot check it
   */
  public record Published(
      String id,
      String corridor,
      List<String> via,
      String quantity,
      double low,
      double high,
      String unit,
      String kind,
      String year,
      String departed,
      boolean blockTrain,
      boolean modelInput,
      String source,
      String note) {}

  /**
   * @param date the departure day that picked the rate periods and the sea lanes
   * @param tables the dated tables used by at least one returned route; links not listed are priced
   *     at their undated tariff from links.csv
   * @param lanes the dated sea-lane switches in force that day (e.g. the Red Sea diversion round
   *     the Cape); empty when every sea link sails its usual lane
   * @param episodes the dated border congestions and closures a returned route met (they held it)
   * @param waitsSeason the season of the departure day ({@code winter}, {@code spring}, {@code
   *     summer}, {@code autumn}): the waits at borders, train formation and Caspian sailings are
   *     those the calibrated simulation measured for cargo arriving in it ({@code
   *     data/validation/waits.csv})
   */
  public record Prices(
      String date,
      List<RateUse> tables,
      List<LaneUse> lanes,
      List<EpisodeUse> episodes,
      String waitsSeason) {}

  /**
   * One dated border episode a route met (data/network/episodes.csv).
   *
   * @param kind {@code closure} (held until it ends) or {@code congestion} (held by its delay)
   * @param toward the country a held train was bound for; empty for both directions
   * @param delayDays a congestion's mean delay (0 for a closure), {@code delaySdDays} its spread
   * @param evidence {@code observed} or {@code estimate}
   * @param source source ids (sources.csv)
   */
  public record EpisodeUse(
      String id,
      String name,
      List<String> nodes,
      String toward,
      String validFrom,
      String validTo,
      String kind,
      double delayDays,
      double delaySdDays,
      String evidence,
      String source) {}

  /**
   * One sea-lane switch in force: sea links whose usual lane crosses {@code avoidPassages} sailed
   * the detour.
   *
   * @param kind {@code observed} or {@code estimate}
   * @param source source ids (sources.csv)
   */
  public record LaneUse(
      String id,
      String name,
      String validFrom,
      String validTo,
      List<String> avoidPassages,
      String kind,
      String source) {}

  /**
   * One rate table period in use.
   *
   * @param kind {@code observed}, {@code tariff} or {@code estimate}
   * @param source source ids of the period's prices (sources.csv)
   */
  public record RateUse(
      String table,
      String name,
      String period,
      String validFrom,
      String validTo,
      String kind,
      String source) {}

  /**
   * @param reliability spread of the transit time
   * @param co2eKg well-to-wheel CO2e of the route (every leg, access leg and hub)
   * @param co2eRangeKg low and high WTW from the factors' ranges (ship size, load factor, hub
   *     range)
   * @param co2eGPerTkm WTW per tonne of cargo and km of the route
   * @param hubs every hub element: origin handling, each transfer, destination handling
   */
  public record RouteView(
      int rank,
      String corridor,
      double transitDays,
      double costUsd,
      double co2eKg,
      List<Double> co2eRangeKg,
      double co2eWttKg,
      double co2eTtwKg,
      @JsonProperty("co2e_g_per_tkm") double co2eGPerTkm,
      List<HubView> hubs,
      Reliability reliability,
      double distanceKm,
      int transshipments,
      List<String> countries,
      List<String> borders,
      List<String> gaugeChanges,
      List<String> passages,
      @JsonSerialize(using = ToStringSerializer.class) Instant departure,
      @JsonSerialize(using = ToStringSerializer.class) Instant arrival,
      List<LegView> legs) {}

  /**
   * @param p95DelayH delay over the typical transit time that 95 % of shipments stay under (normal
   *     approximation of the summed link and border variances)
   */
  public record Reliability(double sdH, double p95DelayH, double p95TransitDays) {}

  /**
   * @param marshalH wagon-group marshalling of wagonload cargo in the yards passed inside the leg
   *     (not in {@code durationH} or {@code dwellH})
   * @param co2eKg WTW CO2e of the leg and of the transfer handling before it ({@code hubCo2eKg})
   * @param co2eGPerTkm WTW of the transport alone per tonne-km of the leg
   * @param toc the emission categories charged (e.g. ferry-rail, sea-container-asia-europe,
   *     rail-electric)
   */
  public record LegView(
      String from,
      String fromName,
      String to,
      String toName,
      String mode,
      double distanceKm,
      double durationH,
      double waitH,
      double transferH,
      double dwellH,
      double heldH,
      double marshalH,
      @JsonSerialize(using = ToStringSerializer.class) Instant depart,
      @JsonSerialize(using = ToStringSerializer.class) Instant arrive,
      double costUsd,
      double co2eKg,
      double co2eWttKg,
      double co2eTtwKg,
      List<Double> co2eRangeKg,
      @JsonProperty("co2e_g_per_tkm") double co2eGPerTkm,
      double hubCo2eKg,
      String toc,
      List<String> countries,
      List<String> via,
      String service,
      List<String> links,
      String rate) {}

  /**
   * One hub element of a route.
   *
   * @param role origin, transfer or destination
   * @param hoc the hub operation category charged
   */
  public record HubView(
      String node,
      String name,
      String role,
      String hoc,
      double co2eKg,
      double co2eWttKg,
      double co2eTtwKg,
      List<Double> co2eRangeKg) {}

  /** The answer, naming the dated rate tables that priced each leg. */
  static Answer answer(Network net, Planner.Plan plan) {
    RateTables rates = plan.rates();
    List<RouteView> routes = new ArrayList<>();
    int rank = 1;
    for (Route r : plan.response().routes()) {
      routes.add(route(net, plan, r, rank++, rates));
    }
    var req = plan.request();
    String from = plan.access().map(a -> a.lat() + "," + a.lon()).orElse(net.nodeId(req.from()));
    String to = plan.egress().map(a -> a.lat() + "," + a.lon()).orElse(net.nodeId(req.to()));
    return new Answer(
        from,
        to,
        plan.departure(),
        req.teu(),
        plan.feu(),
        round(req.mass_t(), 2),
        req.cargo().code(),
        req.objective().code(),
        req.epsilon(),
        plan.response().capped(),
        plan.response().labels(),
        prices(net, plan, rates),
        plan.access().isPresent() || plan.egress().isPresent()
            ? List.of()
            : PublishedFigures.between(net, from, to),
        routes);
  }

  /** The dated periods the plan's routes used. */
  static Prices prices(Network net, Planner.Plan plan, RateTables rates) {
    Map<String, RateUse> used = new LinkedHashMap<>();
    for (Route r : plan.response().routes()) {
      for (Leg l : r.legs()) {
        for (int link : l.links()) {
          Tariffs.period(net, rates, link, plan.rateDay())
              .ifPresent(
                  p ->
                      used.computeIfAbsent(
                          p.table() + "/" + p.period(),
                          k ->
                              new RateUse(
                                  p.table(),
                                  rates.tables().get(p.table()).name(),
                                  p.period(),
                                  p.validFrom().toString(),
                                  p.validTo().toString(),
                                  p.kind(),
                                  sources(p))));
        }
      }
    }
    List<LaneUse> lanes = new ArrayList<>();
    for (var s : plan.lanes()) {
      lanes.add(
          new LaneUse(
              s.id(),
              s.name(),
              s.validFrom().toString(),
              s.validTo().toString(),
              s.passageCodes(),
              s.kind(),
              s.source()));
    }
    List<EpisodeUse> episodes = new ArrayList<>();
    for (var e : plan.episodes()) {
      episodes.add(
          new EpisodeUse(
              e.id(),
              e.name(),
              e.nodes(),
              e.toward().orElse(""),
              e.validFrom().toString(),
              e.validTo().toString(),
              e.kind().code(),
              e.delay_s() / 86_400.0,
              e.delaySd_s() / 86_400.0,
              e.evidence(),
              e.source()));
    }
    return new Prices(
        plan.rateDay().toString(),
        List.copyOf(used.values()),
        List.copyOf(lanes),
        List.copyOf(episodes),
        Season.ofMonth(plan.rateDay().getMonthValue() - 1).code());
  }

  private static String sources(RateTables.Period p) {
    Set<String> ids = new LinkedHashSet<>();
    for (String g : List.of("", "teu", "feu")) {
      String cell = p.sources().get(g);
      if (cell != null) {
        ids.add(cell);
      }
    }
    return String.join(", ", ids);
  }

  private static String rate(Network net, Planner.Plan plan, RateTables rates, Leg l) {
    for (int link : l.links()) {
      var p = Tariffs.period(net, rates, link, plan.rateDay());
      if (p.isPresent()) {
        return p.get().table() + " " + p.get().period();
      }
    }
    return "";
  }

  static RouteView route(Network net, Planner.Plan plan, Route r, int rank, RateTables rates) {
    List<LegView> legs = new ArrayList<>();
    double extraKm = 0;
    double extraUsd = 0;
    double extraCo2e_g = 0;
    long start = r.departure_s();
    long end = r.arrival_s();
    Set<String> countries = new LinkedHashSet<>();
    NetworkEmissions em = plan.emissions();
    double mass_t = plan.request().mass_t();
    double teu = plan.request().teu();
    NetworkEmissions.Co2e access = NetworkEmissions.Co2e.ZERO;
    if (plan.access().isPresent()) {
      Planner.Access a = plan.access().get();
      long t0 = r.departure_s() - Math.round(a.duration_h() * 3600);
      access = em.road(a.co2e_g());
      legs.add(
          new LegView(
              a.lat() + "," + a.lon(),
              "start point",
              net.nodeId(a.node()),
              net.node(a.node()).name(),
              "road",
              round(a.distance_km(), 1),
              round(a.duration_h(), 2),
              0,
              0,
              0,
              0,
              0,
              instant(t0),
              instant(r.departure_s()),
              round(a.cost_usd(), 2),
              round(a.co2e_g() / 1000.0, 2),
              round(access.wtt_g() / 1000, 2),
              round(access.ttw_g() / 1000, 2),
              range(access),
              perTkm(access.wtw_g(), mass_t, a.distance_km()),
              0,
              Planner.ROAD_TOC,
              a.countries(),
              List.of(),
              "",
              List.of("access"),
              ""));
      extraKm += a.distance_km();
      extraUsd += a.cost_usd();
      extraCo2e_g += a.co2e_g();
      countries.addAll(a.countries());
      start = t0;
    }
    countries.addAll(r.countries());
    RouteCo2e co2 = RouteCo2e.of(net, em, r, mass_t, teu);
    List<HubView> hubs = new ArrayList<>();
    if (!r.legs().isEmpty()) {
      hubs.add(hub(net, plan, r.legs().getFirst().from(), "origin", co2.origin()));
    }
    for (int i = 0; i < r.legs().size(); i++) {
      Leg l = r.legs().get(i);
      List<String> ids = new ArrayList<>();
      for (int link : l.links()) {
        ids.add(net.link(link).id());
      }
      if (co2.transfers().get(i).wtw_g() > 0) {
        hubs.add(hub(net, plan, l.from(), "transfer", co2.transfers().get(i)));
      }
      NetworkEmissions.Co2e t = co2.legs().get(i).plus(co2.transfers().get(i));
      legs.add(
          new LegView(
              l.from(),
              name(net, l.from()),
              l.to(),
              name(net, l.to()),
              l.mode().code(),
              round(l.distance_m() / 1000.0, 1),
              round(l.running_s() / 3600.0, 2),
              round(l.wait_s() / 3600.0, 2),
              round(l.transfer_s() / 3600.0, 2),
              round(l.dwell_s() / 3600.0, 2),
              round(l.held_s() / 3600.0, 2),
              round(l.marshal_s() / 3600.0, 2),
              instant(l.depart_s()),
              instant(l.arrive_s()),
              round(l.cost_cents() / 100.0, 2),
              round(l.co2e_g() / 1000.0, 2),
              round(t.wtt_g() / 1000, 2),
              round(t.ttw_g() / 1000, 2),
              range(t),
              perTkm(co2.legs().get(i).wtw_g(), mass_t, l.distance_m() / 1000.0),
              round(co2.transfers().get(i).wtw_g() / 1000, 2),
              co2.tocs().get(i),
              l.countries(),
              l.via(),
              l.service(),
              ids,
              rate(net, plan, rates, l)));
    }
    if (!r.legs().isEmpty()) {
      hubs.add(hub(net, plan, r.legs().getLast().to(), "destination", co2.destination()));
    }
    NetworkEmissions.Co2e egress = NetworkEmissions.Co2e.ZERO;
    if (plan.egress().isPresent()) {
      Planner.Access a = plan.egress().get();
      long t1 = r.arrival_s() + Math.round(a.duration_h() * 3600);
      egress = em.road(a.co2e_g());
      legs.add(
          new LegView(
              net.nodeId(a.node()),
              net.node(a.node()).name(),
              a.lat() + "," + a.lon(),
              "end point",
              "road",
              round(a.distance_km(), 1),
              round(a.duration_h(), 2),
              0,
              0,
              0,
              0,
              0,
              instant(r.arrival_s()),
              instant(t1),
              round(a.cost_usd(), 2),
              round(a.co2e_g() / 1000.0, 2),
              round(egress.wtt_g() / 1000, 2),
              round(egress.ttw_g() / 1000, 2),
              range(egress),
              perTkm(egress.wtw_g(), mass_t, a.distance_km()),
              0,
              Planner.ROAD_TOC,
              a.countries(),
              List.of(),
              "",
              List.of("egress"),
              ""));
      extraKm += a.distance_km();
      extraUsd += a.cost_usd();
      extraCo2e_g += a.co2e_g();
      countries.addAll(a.countries());
      end = t1;
    }
    double sdH = Math.sqrt((double) r.variance_s2()) / 3600;
    double days = (end - start) / 86_400.0;
    NetworkEmissions.Co2e total = co2.total().plus(access).plus(egress);
    double routeKm = r.distance_m() / 1000.0 + extraKm;
    return new RouteView(
        rank,
        r.corridor(),
        round(days, 2),
        round(r.cost_cents() / 100.0 + extraUsd, 2),
        round((r.co2e_g() + extraCo2e_g) / 1000.0, 1),
        range(total),
        round(total.wtt_g() / 1000, 1),
        round(total.ttw_g() / 1000, 1),
        perTkm(r.co2e_g() + extraCo2e_g, mass_t, routeKm),
        List.copyOf(hubs),
        new Reliability(
            round(sdH, 2), round(r.p95Delay_h(), 2), round(days + r.p95Delay_h() / 24, 2)),
        round(r.distance_m() / 1000.0 + extraKm, 1),
        r.transshipments(),
        List.copyOf(countries),
        r.borders(),
        r.gaugeChanges(),
        r.passages(),
        instant(start),
        instant(end),
        legs);
  }

  private static HubView hub(
      Network net, Planner.Plan plan, String node, String role, NetworkEmissions.Co2e c) {
    return new HubView(
        node,
        name(net, node),
        role,
        plan.emissions().hubHoc(net.getNode(node)),
        round(c.wtw_g() / 1000, 2),
        round(c.wtt_g() / 1000, 2),
        round(c.ttw_g() / 1000, 2),
        range(c));
  }

  private static List<Double> range(NetworkEmissions.Co2e c) {
    return List.of(round(c.low_g() / 1000, 1), round(c.high_g() / 1000, 1));
  }

  /** Grams per tonne-km, rounded to 0.01; 0 for a zero activity. */
  private static double perTkm(double co2e_g, double mass_t, double km) {
    return mass_t * km > 0 ? round(co2e_g / (mass_t * km), 2) : 0;
  }

  /** Routes as a GeoJSON FeatureCollection: one LineString per route, its totals as properties. */
  static ObjectNode geoJson(Network net, Planner.Plan plan) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    Answer a = answer(net, plan);
    List<Route> routes = plan.response().routes();
    for (int i = 0; i < routes.size(); i++) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode g = f.putObject("geometry");
      g.put("type", "LineString");
      ArrayNode coords = g.putArray("coordinates");
      plan.access().ifPresent(x -> coords.addArray().add(x.lon()).add(x.lat()));
      for (double[] p : routes.get(i).geometry()) {
        coords.addArray().add(round(p[0], 5)).add(round(p[1], 5));
      }
      plan.egress().ifPresent(x -> coords.addArray().add(x.lon()).add(x.lat()));
      ObjectNode props = JSON.valueToTree(a.routes().get(i));
      props.remove("legs");
      f.set("properties", props);
    }
    return fc;
  }

  private static String name(Network net, String id) {
    return net.findNode(id).isPresent() ? net.node(net.getNode(id)).name() : id;
  }

  private static Instant instant(long epoch_s) {
    return Instant.ofEpochSecond(epoch_s);
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
