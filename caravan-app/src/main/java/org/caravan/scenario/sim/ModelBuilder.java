package org.caravan.scenario.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.VehicleCategories;
import org.caravan.emissions.EmissionsException;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.network.Schedule;
import org.caravan.network.ServiceSpec;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * Turns a validated {@link Scenario} into a {@link CorridorSpec}: routes each flow once with the router
 * (fastest route on the flow's corridor), splits the routes into shared legs, makes a gate for every rail
 * link and border on them, a crossing for every scheduled ferry or feeder link, ports, storms and closures,
 * and prices one unit of each flow in CO2e with the emission calculator. This is the only place that
 * joins routing, emissions and simulation. Stateless apart from the Caravan it reads.
 */
public final class ModelBuilder {
  /** Defaults used when the scenario file does not say (sources in docs/SIMULATION.md). */
  static final double DEFAULT_SINGLE_PATHS = 12;
  static final double DEFAULT_DOUBLE_PATHS = 60;
  static final double DEFAULT_TEU_PER_TRAIN = 84;
  static final double DEFAULT_BORDER_TRAINS = 24;
  static final int DEFAULT_TRAIN_UNITS = 42;
  static final double DEFAULT_FORMATION_H = 72;
  static final int DEFAULT_BERTHS = 2;
  static final int DEFAULT_YARD_TEU = 4_000;
  static final double DEFAULT_HANDLING_H = 20;
  static final double DEFAULT_WAGON_T = 60;

  /**
   * The built model plus what the outputs need to describe it.
   *
   * @param routes per flow: corridor, legs as text, router's transit estimate and CO2e per unit
   */
  public record Built(CorridorSpec spec, List<FlowRoute> routes) {}

  /** How one flow was routed. */
  public record FlowRoute(String flow, String corridor, List<String> legs, double routerTransitDays,
      double co2ePerUnit_g, double unitsPerYear) {}

  private final Caravan caravan;
  private final Network network;
  private final Router router;
  private final EmissionCalculator emissions = EmissionCalculator.withDefaults();

  public ModelBuilder(Caravan caravan) {
    this.caravan = caravan;
    this.network = caravan.network();
    this.router = caravan.planner().router();
  }

  /** Builds the model. Throws {@link UserException} naming the flow when a flow has no route on its corridor. */
  public Built build(Scenario sc) {
    ScenarioFile f = sc.file();
    ScenarioFile.NetworkChanges nc = f.network() == null
        ? new ScenarioFile.NetworkChanges(null, null, null, null, null, null) : f.network();
    ScenarioFile.Lines lines = nc.lines() == null ? new ScenarioFile.Lines(null, null, null, null, null) : nc.lines();
    double singlePaths = or(lines.singleTrackPathsPerDay(), DEFAULT_SINGLE_PATHS);
    double doublePaths = or(lines.doubleTrackPathsPerDay(), DEFAULT_DOUBLE_PATHS);
    double teuPerTrain = or(lines.teuPerTrain(), DEFAULT_TEU_PER_TRAIN);
    double borderTrains = or(lines.defaultBorderTrainsPerDay(), DEFAULT_BORDER_TRAINS);
    Set<String> doubled = nc.doubleTrack() == null ? Set.of() : Set.copyOf(nc.doubleTrack());
    Map<String, ScenarioFile.BorderFile> borderOverride = new HashMap<>();
    if (nc.borders() != null) {
      nc.borders().forEach(b -> borderOverride.put(nodeId(b.node()), b));
    }
    Map<String, ScenarioFile.PortFile> portOverride = new HashMap<>();
    if (nc.ports() != null) {
      nc.ports().forEach(p -> portOverride.put(nodeId(p.node()), p));
    }
    Map<String, ScenarioFile.CrossingFile> crossingOverride = new HashMap<>();
    if (nc.crossings() != null) {
      nc.crossings().forEach(c -> crossingOverride.put(c.link(), c));
    }

    ScenarioFile.Demand d = f.demand();
    double teuMass = or(d.teuMassT(), RouteRequest.DEFAULT_TEU_MASS_T);
    double wagonMass = or(d.wagonMassT(), DEFAULT_WAGON_T);
    double growth = or(d.growthPerYear(), 0.0);
    long departure_s = sc.startDate().atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    List<CorridorSpec.Leg> legs = new ArrayList<>();
    Map<String, Integer> legIndex = new HashMap<>();
    Map<Integer, Double> legEndHandling = new HashMap<>();
    List<CorridorSpec.Gate> gates = new ArrayList<>();
    Map<String, Integer> gateIndex = new LinkedHashMap<>();
    List<CorridorSpec.Port> ports = new ArrayList<>();
    Map<String, Integer> portIndex = new LinkedHashMap<>();
    List<CorridorSpec.Crossing> crossings = new ArrayList<>();
    Map<Integer, Integer> crossingByLink = new HashMap<>();
    List<CorridorSpec.Flow> flows = new ArrayList<>();
    List<FlowRoute> routes = new ArrayList<>();

    java.util.function.Function<String, Integer> port = id -> portIndex.computeIfAbsent(id, k -> {
      ScenarioFile.PortFile o = portOverride.get(k);
      int berths = o != null && o.berths() != null ? o.berths() : DEFAULT_BERTHS;
      int yardTeu = o != null && o.yardTeu() != null ? o.yardTeu() : DEFAULT_YARD_TEU;
      ports.add(new CorridorSpec.Port(k, berths, Math.max(1, yardTeu / 2)));
      return ports.size() - 1;
    });
    // Ports named in the scenario exist even when no flow uses them (so storms and closures can name them).
    portOverride.keySet().stream().sorted().forEach(port::apply);

    for (int i = 0; i < d.flows().size(); i++) {
      ScenarioFile.FlowFile ff = d.flows().get(i);
      String field = "demand.flows[" + i + "]";
      int from = resolve(field + ".from", ff.from());
      int to = resolve(field + ".to", ff.to());
      String corridor = ff.corridor() == null ? "any" : ff.corridor();
      Route route = route(field, ff, from, to, corridor, departure_s);
      boolean container = !"wagon".equals(ff.cargo());
      double teuPerUnit = container ? 2 : 0;
      double tonnesPerUnit = container ? 2 * teuMass : wagonMass;
      double unitsPerYear = container ? ff.teuPerYear() / 2 : ff.tonnesPerYear() / wagonMass;

      List<Leg> rl = route.legs();
      int[] legIds = new int[rl.size()];
      List<String> legText = new ArrayList<>();
      double co2e = 0;
      for (int k = 0; k < rl.size(); k++) {
        Leg leg = rl.get(k);
        int[] links = leg.links();
        String key = leg.mode() + ":" + Arrays.toString(links);
        Integer li = legIndex.get(key);
        if (li == null) {
          li = legs.size();
          legs.add(makeLeg(leg, links, gates, gateIndex, crossings, crossingByLink, port, singlePaths, doublePaths,
              teuPerTrain, borderTrains, doubled, borderOverride, crossingOverride));
          legIndex.put(key, li);
        }
        legIds[k] = li;
        double end = k + 1 < rl.size() ? rl.get(k + 1).transfer_s() : network.handling_s(to);
        legEndHandling.merge(li, end, Math::max);
        legText.add(leg.from() + ">" + leg.to() + " " + leg.mode().name().toLowerCase(java.util.Locale.ROOT));
        for (int l : links) {
          co2e += co2eOfLink(l, tonnesPerUnit);
        }
      }
      String label = "any".equals(corridor) ? route.corridor() : corridor;
      double flowGrowth = ff.growthPerYear() == null ? growth : ff.growthPerYear();
      flows.add(new CorridorSpec.Flow(ff.id(), network.nodeId(from), network.nodeId(to), label,
          container ? "container" : "wagon", unitsPerYear, flowGrowth, teuPerUnit, tonnesPerUnit, legIds, co2e));
      routes.add(new FlowRoute(ff.id(), label, legText, route.transitDays(), co2e, unitsPerYear));
    }
    for (int li = 0; li < legs.size(); li++) {
      CorridorSpec.Leg l = legs.get(li);
      double end = l.kind() == CorridorSpec.LegKind.CROSSING ? 0 : legEndHandling.getOrDefault(li, 0.0);
      legs.set(li, new CorridorSpec.Leg(l.id(), l.kind(), l.from(), l.to(), l.gates(), l.crossing(), l.delayMean_s(),
          l.delaySd_s(), end));
    }

    List<CorridorSpec.Storm> storms = new ArrayList<>();
    if (f.storms() != null) {
      for (int i = 0; i < f.storms().size(); i++) {
        ScenarioFile.StormFile s = f.storms().get(i);
        int[] ps = s.ports().stream().mapToInt(p -> port.apply(nodeId(p))).toArray();
        ScenarioFile.Seasons e = s.eventsPerSeason();
        storms.add(new CorridorSpec.Storm(s.id() == null ? "storm-" + i : s.id(), ps,
            new double[] {or(e.winter(), 0.0), or(e.spring(), 0.0), or(e.summer(), 0.0), or(e.autumn(), 0.0)},
            s.durationDays().min() * 86_400, s.durationDays().mode() * 86_400, s.durationDays().max() * 86_400));
      }
    }
    long warm_s = Math.round(sc.warmupDays() * 86_400);
    List<CorridorSpec.Closure> closures = new ArrayList<>();
    if (f.disruptions() != null) {
      for (int i = 0; i < f.disruptions().size(); i++) {
        ScenarioFile.Disruption x = f.disruptions().get(i);
        List<Integer> ps = new ArrayList<>();
        List<Integer> gs = new ArrayList<>();
        for (String n : x.nodes()) {
          String id = nodeId(n);
          if ("port_closure".equals(x.kind())) {
            ps.add(port.apply(id));
          } else {
            Integer g = gateIndex.get("border:" + id);
            if (g != null) {
              gs.add(g);
            }
          }
        }
        long start = warm_s + Math.round(x.startDay() * 86_400);
        long end = start + Math.round(x.durationDays() * 86_400);
        closures.add(new CorridorSpec.Closure(x.id() == null ? "disruption-" + i : x.id(),
            ps.stream().mapToInt(Integer::intValue).toArray(), gs.stream().mapToInt(Integer::intValue).toArray(),
            start, end));
      }
    }

    double[] season = new double[12];
    Arrays.fill(season, 1.0);
    if (d.seasonality() != null) {
      for (int m = 0; m < 12; m++) {
        season[m] = d.seasonality().get(m);
      }
    }
    ScenarioFile.Formation form = f.formation();
    int trainUnits = form != null && form.trainCapacityUnits() != null ? form.trainCapacityUnits() : DEFAULT_TRAIN_UNITS;
    double formH = form != null && form.timetableH() != null ? form.timetableH() : DEFAULT_FORMATION_H;
    double sampleH = f.sampleIntervalH() == null ? 24 : f.sampleIntervalH();
    long horizon_s = warm_s + Math.round(sc.horizonDays() * 86_400);
    CorridorSpec spec = new CorridorSpec(horizon_s, warm_s, Math.round(sampleH * 3600), sc.startDate().getDayOfYear(),
        season, trainUnits, Math.round(formH * 3600), flows, legs, gates, ports, crossings, storms, closures);
    return new Built(spec, routes);
  }

  private CorridorSpec.Leg makeLeg(Leg leg, int[] links, List<CorridorSpec.Gate> gates, Map<String, Integer> gateIndex,
      List<CorridorSpec.Crossing> crossings, Map<Integer, Integer> crossingByLink,
      java.util.function.Function<String, Integer> port, double singlePaths, double doublePaths, double teuPerTrain,
      double borderTrains, Set<String> doubled, Map<String, ScenarioFile.BorderFile> borderOverride,
      Map<String, ScenarioFile.CrossingFile> crossingOverride) {
    String id = leg.from() + ">" + leg.to() + ":" + leg.mode().name().toLowerCase(java.util.Locale.ROOT);
    Mode mode = leg.mode();
    if (mode == Mode.RAIL) {
      List<Integer> g = new ArrayList<>();
      int first = network.linkFrom(links[0]);
      addBorder(first, g, gates, gateIndex, borderTrains, borderOverride);
      for (int k = 0; k < links.length; k++) {
        int l = links[k];
        LinkSpec ls = network.link(l);
        String key = "link:" + l;
        Integer gi = gateIndex.get(key);
        if (gi == null) {
          double perDay;
          if (doubled.contains(ls.id())) {
            perDay = doublePaths;
          } else if (!Double.isNaN(ls.capacity_teu_day()) && ls.capacity_teu_day() > 0) {
            perDay = ls.capacity_teu_day() / teuPerTrain;
          } else {
            perDay = "double".equals(ls.track()) ? doublePaths : singlePaths;
          }
          String dir = network.isReverse(l) ? ls.to() + ">" + ls.from() : ls.from() + ">" + ls.to();
          gates.add(new CorridorSpec.Gate(ls.id() + "[" + dir + "]", CorridorSpec.GateKind.SECTION, ls.id(), perDay,
              network.duration_s(l), network.durationSd_s(l)));
          gi = gates.size() - 1;
          gateIndex.put(key, gi);
        }
        g.add(gi);
        if (k + 1 < links.length) {
          addBorder(network.linkTo(l), g, gates, gateIndex, borderTrains, borderOverride);
        }
      }
      return new CorridorSpec.Leg(id, CorridorSpec.LegKind.RAIL, leg.from(), leg.to(),
          g.stream().mapToInt(Integer::intValue).toArray(), -1, 0, 0, 0);
    }
    if ((mode == Mode.FERRY || mode == Mode.SEA) && links.length == 1 && network.scheduleOrNull(links[0]) != null) {
      int l = links[0];
      Integer x = crossingByLink.get(l);
      if (x == null) {
        LinkSpec ls = network.link(l);
        Schedule sched = network.scheduleOrNull(l);
        Optional<ServiceSpec> svc = network.spec().services().stream().filter(s -> s.id().equals(ls.service())).findFirst();
        ScenarioFile.CrossingFile o = crossingOverride.get(ls.id());
        int fromPort = port.apply(network.nodeId(network.linkFrom(l)));
        int toPort = port.apply(network.nodeId(network.linkTo(l)));
        double sail_h = o != null && o.sailH() != null ? o.sailH() : network.duration_s(l) / 3600.0;
        double sailSd_h = o != null && o.sailSdH() != null ? o.sailSdH() : network.durationSd_s(l) / 3600.0;
        double toHandling = network.handling_s(network.linkTo(l)) / 3600.0;
        double handling_h = o != null && o.handlingH() != null ? o.handlingH()
            : toHandling > 0 ? toHandling : DEFAULT_HANDLING_H;
        double handlingSd_h = o != null && o.handlingSdH() != null ? o.handlingSdH() : handling_h * 0.25;
        double perWeek = sched.departuresPerWeek();
        double timetable_h = o != null && o.timetableH() != null ? o.timetableH() : 168.0 / perWeek;
        double capTeu = svc.map(ServiceSpec::capacity_teu).filter(c -> !Double.isNaN(c) && c > 0).orElse(100.0);
        int capUnits = o != null && o.capacityUnits() != null ? o.capacityUnits() : (int) Math.max(1, Math.round(capTeu / 2));
        double cycle_h = 2 * sail_h + 2 * handling_h;
        int fleet = o != null && o.fleet() != null ? o.fleet() : (int) Math.max(1, Math.ceil(perWeek * cycle_h / 168.0));
        double derate = o != null && o.lowWaterDerating() != null ? o.lowWaterDerating() : 0;
        String dir = network.isReverse(l) ? ls.to() + ">" + ls.from() : ls.from() + ">" + ls.to();
        crossings.add(new CorridorSpec.Crossing(ls.id() + "[" + dir + "]", fromPort, toPort, fleet, capUnits, derate,
            sail_h * 3600, sailSd_h * 3600, handling_h * 3600, handlingSd_h * 3600, Math.round(timetable_h * 3600)));
        x = crossings.size() - 1;
        crossingByLink.put(l, x);
      }
      return new CorridorSpec.Leg(id, CorridorSpec.LegKind.CROSSING, leg.from(), leg.to(), new int[0], x, 0, 0, 0);
    }
    double mean = 0;
    double var = 0;
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      mean += network.duration_s(l);
      var += (double) network.durationSd_s(l) * network.durationSd_s(l);
      if (k + 1 < links.length) {
        int n = network.linkTo(l);
        mean += network.dwell_s(n);
        var += (double) network.dwellSd_s(n) * network.dwellSd_s(n);
      }
    }
    return new CorridorSpec.Leg(id, CorridorSpec.LegKind.DELAY, leg.from(), leg.to(), new int[0], -1, mean,
        Math.sqrt(var), 0);
  }

  private void addBorder(int node, List<Integer> g, List<CorridorSpec.Gate> gates, Map<String, Integer> gateIndex,
      double borderTrains, Map<String, ScenarioFile.BorderFile> borderOverride) {
    NodeKind kind = network.nodeKind(node);
    String id = network.nodeId(node);
    ScenarioFile.BorderFile o = borderOverride.get(id);
    boolean border = kind == NodeKind.BORDER || kind == NodeKind.GAUGE_CHANGE;
    if (!border && o == null && network.dwell_s(node) <= 0) {
      return;
    }
    String key = "border:" + id;
    Integer gi = gateIndex.get(key);
    if (gi == null) {
      double perDay = o != null && o.trainsPerDay() != null ? o.trainsPerDay() : borderTrains;
      double dwell_s = o != null && o.dwellH() != null ? o.dwellH() * 3600 : network.dwell_s(node);
      double sd_s = o != null && o.dwellSdH() != null ? o.dwellSdH() * 3600 : network.dwellSd_s(node);
      gates.add(new CorridorSpec.Gate(id, CorridorSpec.GateKind.BORDER, id, perDay, dwell_s, sd_s));
      gi = gates.size() - 1;
      gateIndex.put(key, gi);
    }
    g.add(gi);
  }

  private Route route(String field, ScenarioFile.FlowFile ff, int from, int to, String corridor, long departure_s) {
    Set<String> avoid = switch (corridor) {
      case "middle" -> Set.of("RU", "BY", "IR", "UA");
      case "southern" -> Set.of("RU", "BY", "AZ", "GE", "UA");
      default -> Set.of();
    };
    RouteRequest req = RouteRequest.of(from, to, departure_s).withObjective(Objective.TIME, 5)
        .withAvoid(avoid, Set.of());
    if ("wagon".equals(ff.cargo())) {
      // Wagons ride trains and rail ferries only, never container feeders or trucks.
      req = req.withModes(java.util.EnumSet.of(Mode.RAIL, Mode.FERRY));
    }
    RouteResponse resp = router.route(req);
    for (Route r : resp.routes()) {
      if (matches(r, corridor)) {
        return r;
      }
    }
    throw new UserException(field + ".corridor", "no route for flow '" + ff.id() + "' from " + ff.from() + " to "
        + ff.to() + " on the " + corridor + " corridor" + resp.noRoute().map(s -> " (" + s + ")").orElse(""));
  }

  /** A route is on a corridor when the router labels it so (corridor membership: data/network/corridors.csv). */
  private static boolean matches(Route r, String corridor) {
    return "any".equals(corridor) || corridor.equals(r.corridor());
  }

  private double co2eOfLink(int l, double mass_t) {
    LinkSpec ls = network.link(l);
    if (ls.toc() == null || ls.toc().isBlank()) {
      return 0;
    }
    double km = network.distance_m(l) / 1000.0;
    List<String> cs = network.linkCountries(l);
    List<CountryKm> split = new ArrayList<>();
    for (String c : cs) {
      split.add(new CountryKm(c, km / cs.size()));
    }
    try {
      return emissions.co2eWtw_g(VehicleCategories.emissionToc(ls.toc(), ls.ferryType(), cs), km, mass_t, split);
    } catch (EmissionsException e) {
      return 0;
    }
  }

  private int resolve(String field, String id) {
    var exact = network.findNode(id);
    return exact.isPresent() ? exact.getAsInt() : caravan.resolvePlace(field, id);
  }

  private String nodeId(String idOrName) {
    return network.nodeId(resolve("node", idOrName));
  }

  private static double or(Double v, double dflt) {
    return v == null ? dflt : v;
  }
}
