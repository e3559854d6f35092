package org.caravan.scenario.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.VehicleCategories;
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
import org.caravan.scenario.NetworkEmissions;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ResolvedScenario.Border;
import org.caravan.scenario.sim.ResolvedScenario.Capacities;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Closure;
import org.caravan.scenario.sim.ResolvedScenario.ClosureKind;
import org.caravan.scenario.sim.ResolvedScenario.Corridor;
import org.caravan.scenario.sim.ResolvedScenario.CrossingChange;
import org.caravan.scenario.sim.ResolvedScenario.Demand;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.ResolvedScenario.PortSize;
import org.caravan.scenario.sim.ResolvedScenario.Seasons;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * Turns a resolved {@link Scenario} into a {@link CorridorSpec}, taking its values as they are (the
 * loader has applied the defaults and resolved the names): routes each flow once with the router
 * (fastest route on the flow's corridor), splits the routes into shared legs, makes a gate for
 * every rail link and border on them, a crossing for every scheduled ferry or feeder link, ports,
 * storms and closures, and prices one unit of each flow in CO2e with the emission calculator. This
 * is the only place that joins routing, emissions and simulation. Stateless apart from the Caravan
 * it reads.
 */
public final class ModelBuilder {
  /**
   * Vessel handling when neither the scenario nor the port gives one: TREND250603 (Baku average
   * 20.1 h).
   */
  static final double DEFAULT_HANDLING_H = 20;

  private static final double S_PER_H = 3600;
  private static final double WEEK_S = 168 * S_PER_H;

  /**
   * The built model plus what the outputs need to describe it.
   *
   * @param routes per flow: corridor, legs as text, router's transit estimate and CO2e per unit
   */
  public record Built(CorridorSpec spec, List<FlowRoute> routes) {}

  /** How one flow was routed. */
  public record FlowRoute(
      String flow,
      String corridor,
      List<String> legs,
      double routerTransitDays,
      double co2ePerUnit_g,
      double unitsPerYear) {}

  /**
   * The model's gates, ports and crossings as they are made, each indexed by its key so that flows
   * sharing a link, border, port or crossing share its model element; plus the capacities they are
   * made with.
   */
  private record Parts(
      Capacities capacities,
      List<CorridorSpec.Gate> gates,
      Map<String, Integer> gateIndex,
      List<CorridorSpec.Port> ports,
      Map<String, Integer> portIndex,
      List<CorridorSpec.Crossing> crossings,
      Map<Integer, Integer> crossingByLink) {
    Parts(Capacities capacities) {
      this(
          capacities,
          new ArrayList<>(),
          new HashMap<>(),
          new ArrayList<>(),
          new HashMap<>(),
          new ArrayList<>(),
          new HashMap<>());
    }

    /** The index of a port, made with its scenario size on first use. */
    int port(String node) {
      return portIndex.computeIfAbsent(
          node,
          k -> {
            PortSize size = capacities.port(k);
            ports.add(new CorridorSpec.Port(k, size.berths(), Math.max(1, size.yard_teu() / 2)));
            return ports.size() - 1;
          });
    }
  }

  private final Caravan caravan;
  private final Network network;
  private final Router router;
  private final EmissionCalculator emissions = EmissionCalculator.withDefaults();

  public ModelBuilder(Caravan caravan) {
    this.caravan = caravan;
    this.network = caravan.network();
    this.router = caravan.router();
  }

  /**
   * Builds the model. Throws {@link UserException} naming the flow when a flow has no route on its
   * corridor.
   */
  public Built build(Scenario sc) {
    ResolvedScenario m = sc.model();
    Demand d = m.demand();
    if (d.crmFlows() && caravan != CrmLayer.caravan()) {
      // The CRM layer's routes use the overlay's chartered legs: the whole model is built on the
      // network with the overlay, where the scenario's own flows keep their routes (the overlay
      // adds only links that refuse containers of general cargo, and a dead end for them).
      return new ModelBuilder(CrmLayer.caravan()).build(sc);
    }
    long departure_s = sc.start().getEpochSecond();

    List<CorridorSpec.Leg> legs = new ArrayList<>();
    Map<String, Integer> legIndex = new HashMap<>();
    Map<Integer, Double> legEndHandling = new HashMap<>();
    List<CorridorSpec.Flow> flows = new ArrayList<>();
    List<FlowRoute> routes = new ArrayList<>();
    Parts parts = new Parts(m.capacities());
    // Ports named in the scenario exist even when no flow uses them (so storms and closures can
    // name them).
    m.capacities().ports().keySet().forEach(parts::port);
    Acc acc = new Acc(legs, legIndex, legEndHandling, flows, routes, parts);

    for (int i = 0; i < d.flows().size(); i++) {
      Flow ff = d.flows().get(i);
      int from = network.findNode(ff.from()).getAsInt();
      int to = network.findNode(ff.to()).getAsInt();
      Route route = route("demand.flows[" + i + "]", ff, from, to, departure_s);
      boolean container = ff.cargo() == Cargo.CONTAINER;
      String label = ff.corridor() == Corridor.ANY ? route.corridor() : ff.corridor().code();
      addFlow(
          acc,
          new CorridorSpec.Flow(
              ff.id(),
              ff.from(),
              ff.to(),
              label,
              ff.cargo().code(),
              container ? ff.perYear() / 2 : ff.perYear() / d.wagonMass_t(),
              ff.growthPerYear(),
              container ? 2 : 0,
              container ? 2 * d.teuMass_t() : d.wagonMass_t(),
              new int[] {0},
              0),
          to,
          route);
    }
    if (d.crmFlows()) {
      for (CrmLayer.Unit u : CrmLayer.units(caravan, d, departure_s)) {
        addFlow(acc, u.flow(), network.findNode(u.flow().to()).getAsInt(), u.route());
      }
    }
    for (int li = 0; li < legs.size(); li++) {
      CorridorSpec.Leg l = legs.get(li);
      double end =
          l.kind() == CorridorSpec.LegKind.CROSSING ? 0 : legEndHandling.getOrDefault(li, 0.0);
      legs.set(
          li,
          new CorridorSpec.Leg(
              l.id(),
              l.kind(),
              l.from(),
              l.to(),
              l.gates(),
              l.crossing(),
              l.delayMean_s(),
              l.delaySd_s(),
              end));
    }

    long warm_s = sc.warmup_s();
    List<CorridorSpec.Storm> storms = storms(m.storms(), parts);
    List<CorridorSpec.Closure> closures = closures(m.closures(), warm_s, parts);

    double[] season = d.seasonality().stream().mapToDouble(Double::doubleValue).toArray();
    long horizon_s = warm_s + sc.horizon_s();
    int startDayOfYear = sc.start().atZone(ZoneOffset.UTC).getDayOfYear();
    CorridorSpec spec =
        new CorridorSpec(
            horizon_s,
            warm_s,
            m.sampleInterval_s(),
            startDayOfYear,
            season,
            m.formation().trainCapacity_units(),
            m.formation().timetable_s(),
            flows,
            legs,
            parts.gates(),
            parts.ports(),
            parts.crossings(),
            storms,
            closures);
    return new Built(spec, routes);
  }

  /** What the flows of one model build share: legs, gates, ports and crossings as they are made. */
  private record Acc(
      List<CorridorSpec.Leg> legs,
      Map<String, Integer> legIndex,
      Map<Integer, Double> legEndHandling,
      List<CorridorSpec.Flow> flows,
      List<FlowRoute> routes,
      Parts parts) {}

  /**
   * Adds a flow on its route: its legs (shared with flows on the same links), their end handling
   * and the CO2e of one unit; {@code f}'s legs and CO2e are filled in here.
   */
  private void addFlow(Acc acc, CorridorSpec.Flow f, int to, Route route) {
    List<Leg> rl = route.legs();
    int[] legIds = new int[rl.size()];
    List<String> legText = new ArrayList<>();
    double co2e = 0;
    for (int k = 0; k < rl.size(); k++) {
      Leg leg = rl.get(k);
      int[] links = leg.links();
      String key = leg.mode() + ":" + Arrays.toString(links);
      Integer li = acc.legIndex().get(key);
      if (li == null) {
        li = acc.legs().size();
        acc.legs().add(uniqueId(makeLeg(leg, acc.parts()), acc.legs(), links[0]));
        acc.legIndex().put(key, li);
      }
      legIds[k] = li;
      double end = k + 1 < rl.size() ? rl.get(k + 1).transfer_s() : network.handling_s(to);
      acc.legEndHandling().merge(li, end, Math::max);
      legText.add(leg.from() + ">" + leg.to() + " " + leg.mode().name().toLowerCase(Locale.ROOT));
      for (int l : links) {
        co2e += co2eOfLink(l, f.tonnesPerUnit());
      }
    }
    acc.flows()
        .add(
            new CorridorSpec.Flow(
                f.id(),
                f.from(),
                f.to(),
                f.corridor(),
                f.cargo(),
                f.unitsPerYear(),
                f.growthPerYear(),
                f.teuPerUnit(),
                f.tonnesPerUnit(),
                legIds,
                co2e));
    acc.routes()
        .add(
            new FlowRoute(
                f.id(), f.corridor(), legText, route.transitDays(), co2e, f.unitsPerYear()));
  }

  /**
   * The leg, renamed after its first link when another leg already has its id (two services between
   * the same ports, such as a liner and the CRM layer's charter): leg ids name KPIs.
   */
  private CorridorSpec.Leg uniqueId(CorridorSpec.Leg l, List<CorridorSpec.Leg> legs, int link) {
    if (legs.stream().noneMatch(x -> x.id().equals(l.id()))) {
      return l;
    }
    return new CorridorSpec.Leg(
        l.id() + "[" + network.link(link).id() + "]",
        l.kind(),
        l.from(),
        l.to(),
        l.gates(),
        l.crossing(),
        l.delayMean_s(),
        l.delaySd_s(),
        l.endHandling_s());
  }

  private static List<CorridorSpec.Storm> storms(List<ResolvedScenario.Storm> list, Parts parts) {
    List<CorridorSpec.Storm> storms = new ArrayList<>();
    for (ResolvedScenario.Storm s : list) {
      Seasons e = s.eventsPerSeason();
      storms.add(
          new CorridorSpec.Storm(
              s.id(),
              s.ports().stream().mapToInt(parts::port).toArray(),
              new double[] {e.winter(), e.spring(), e.summer(), e.autumn()},
              s.durationMin_s(),
              s.durationMode_s(),
              s.durationMax_s()));
    }
    return storms;
  }

  /** Closures on the simulation clock: a closure's start counts from the end of the warm-up. */
  private static List<CorridorSpec.Closure> closures(List<Closure> list, long warm_s, Parts parts) {
    List<CorridorSpec.Closure> closures = new ArrayList<>();
    for (Closure x : list) {
      List<Integer> ps = new ArrayList<>();
      List<Integer> gs = new ArrayList<>();
      for (String id : x.nodes()) {
        if (x.kind() == ClosureKind.PORT_CLOSURE) {
          ps.add(parts.port(id));
        } else {
          Integer g = parts.gateIndex().get("border:" + id);
          if (g != null) {
            gs.add(g);
          }
        }
      }
      long start = warm_s + x.start_s();
      closures.add(
          new CorridorSpec.Closure(
              x.id(),
              ps.stream().mapToInt(Integer::intValue).toArray(),
              gs.stream().mapToInt(Integer::intValue).toArray(),
              start,
              start + x.duration_s()));
    }
    return closures;
  }

  private CorridorSpec.Leg makeLeg(Leg leg, Parts parts) {
    String id = leg.from() + ">" + leg.to() + ":" + leg.mode().name().toLowerCase(Locale.ROOT);
    int[] links = leg.links();
    Mode mode = leg.mode();
    if (mode == Mode.RAIL) {
      List<Integer> g = new ArrayList<>();
      addBorder(network.linkFrom(links[0]), g, parts);
      for (int k = 0; k < links.length; k++) {
        int l = links[k];
        g.add(parts.gateIndex().computeIfAbsent("link:" + l, key -> section(l, parts)));
        if (k + 1 < links.length) {
          addBorder(network.linkTo(l), g, parts);
        }
      }
      return new CorridorSpec.Leg(
          id,
          CorridorSpec.LegKind.RAIL,
          leg.from(),
          leg.to(),
          g.stream().mapToInt(Integer::intValue).toArray(),
          -1,
          0,
          0,
          0);
    }
    if ((mode == Mode.FERRY || mode == Mode.SEA)
        && links.length == 1
        && network.scheduleOrNull(links[0]) != null) {
      int x = parts.crossingByLink().computeIfAbsent(links[0], l -> crossing(l, parts));
      return new CorridorSpec.Leg(
          id, CorridorSpec.LegKind.CROSSING, leg.from(), leg.to(), new int[0], x, 0, 0, 0);
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
    return new CorridorSpec.Leg(
        id,
        CorridorSpec.LegKind.DELAY,
        leg.from(),
        leg.to(),
        new int[0],
        -1,
        mean,
        Math.sqrt(var),
        0);
  }

  /**
   * A line-section gate for a rail link: paths per day from the scenario, the link's capacity or
   * its track.
   */
  private int section(int l, Parts parts) {
    Capacities c = parts.capacities();
    LinkSpec ls = network.link(l);
    double perDay;
    if (c.doubleTrack().contains(ls.id())) {
      perDay = c.doubleTrackPathsPerDay();
    } else if (!Double.isNaN(ls.capacity_teu_day()) && ls.capacity_teu_day() > 0) {
      perDay = ls.capacity_teu_day() / c.teuPerTrain();
    } else {
      perDay =
          "double".equals(ls.track()) ? c.doubleTrackPathsPerDay() : c.singleTrackPathsPerDay();
    }
    parts
        .gates()
        .add(
            new CorridorSpec.Gate(
                ls.id() + "[" + direction(l) + "]",
                CorridorSpec.GateKind.SECTION,
                ls.id(),
                perDay,
                network.duration_s(l),
                network.durationSd_s(l)));
    return parts.gates().size() - 1;
  }

  /**
   * A crossing for a scheduled ferry or feeder link: the scenario's changes over the link and its
   * service.
   */
  private int crossing(int l, Parts parts) {
    LinkSpec ls = network.link(l);
    Schedule sched = network.scheduleOrNull(l);
    Optional<ServiceSpec> svc =
        network.spec().services().stream().filter(s -> s.id().equals(ls.service())).findFirst();
    Optional<CrossingChange> o = Optional.ofNullable(parts.capacities().crossings().get(ls.id()));
    int fromPort = parts.port(network.nodeId(network.linkFrom(l)));
    int toPort = parts.port(network.nodeId(network.linkTo(l)));
    double sail_s = seconds(o.map(CrossingChange::sail_s), network.duration_s(l));
    double sailSd_s = seconds(o.map(CrossingChange::sailSd_s), network.durationSd_s(l));
    int toHandling_s = network.handling_s(network.linkTo(l));
    double handling_s =
        seconds(
            o.map(CrossingChange::handling_s),
            toHandling_s > 0 ? toHandling_s : DEFAULT_HANDLING_H * S_PER_H);
    double handlingSd_s = seconds(o.map(CrossingChange::handlingSd_s), handling_s * 0.25);
    double perWeek = sched.departuresPerWeek();
    double timetable_s = seconds(o.map(CrossingChange::timetable_s), WEEK_S / perWeek);
    double capTeu =
        svc.map(ServiceSpec::capacity_teu).filter(c -> !Double.isNaN(c) && c > 0).orElse(100.0);
    int capUnits =
        o.flatMap(c -> boxed(c.capacity_units())).orElse((int) Math.max(1, Math.round(capTeu / 2)));
    double cycle_s = 2 * sail_s + 2 * handling_s;
    int fleet =
        o.flatMap(c -> boxed(c.fleet()))
            .orElse((int) Math.max(1, Math.ceil(perWeek * cycle_s / WEEK_S)));
    double derate = o.map(CrossingChange::lowWaterDerating).orElse(0.0);
    parts
        .crossings()
        .add(
            new CorridorSpec.Crossing(
                ls.id() + "[" + direction(l) + "]",
                fromPort,
                toPort,
                fleet,
                capUnits,
                derate,
                sail_s,
                sailSd_s,
                handling_s,
                handlingSd_s,
                Math.round(timetable_s)));
    return parts.crossings().size() - 1;
  }

  /** A scenario value in seconds, or the fallback. */
  private static double seconds(Optional<OptionalDouble> scenario_s, double fallback_s) {
    return scenario_s
        .filter(OptionalDouble::isPresent)
        .map(OptionalDouble::getAsDouble)
        .orElse(fallback_s);
  }

  private static Optional<Integer> boxed(OptionalInt v) {
    return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
  }

  private static Optional<Double> boxed(OptionalDouble v) {
    return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
  }

  private String direction(int l) {
    LinkSpec ls = network.link(l);
    return network.isReverse(l) ? ls.to() + ">" + ls.from() : ls.from() + ">" + ls.to();
  }

  private void addBorder(int node, List<Integer> g, Parts parts) {
    NodeKind kind = network.nodeKind(node);
    String id = network.nodeId(node);
    Optional<Border> o = Optional.ofNullable(parts.capacities().borders().get(id));
    boolean border = kind == NodeKind.BORDER || kind == NodeKind.GAUGE_CHANGE;
    if (!border && o.isEmpty() && network.dwell_s(node) <= 0) {
      return;
    }
    g.add(
        parts
            .gateIndex()
            .computeIfAbsent(
                "border:" + id,
                key -> {
                  double perDay =
                      o.flatMap(b -> boxed(b.trainsPerDay()))
                          .orElse(parts.capacities().borderTrainsPerDay());
                  double dwell_s = seconds(o.map(Border::dwell_s), network.dwell_s(node));
                  double sd_s = seconds(o.map(Border::dwellSd_s), network.dwellSd_s(node));
                  parts
                      .gates()
                      .add(
                          new CorridorSpec.Gate(
                              id, CorridorSpec.GateKind.BORDER, id, perDay, dwell_s, sd_s));
                  return parts.gates().size() - 1;
                }));
  }

  private Route route(String field, Flow ff, int from, int to, long departure_s) {
    Corridor corridor = ff.corridor();
    Set<String> avoid =
        switch (corridor) {
          case MIDDLE -> Set.of("RU", "BY", "IR", "UA");
          case SOUTHERN -> Set.of("RU", "BY", "AZ", "GE", "UA");
          case NORTHERN, ANY -> Set.of();
        };
    RouteRequest req =
        RouteRequest.of(from, to, departure_s)
            .withObjective(Objective.TIME, 5)
            .withAvoid(avoid, Set.of());
    if (ff.cargo() == Cargo.WAGON) {
      // Wagons ride trains and rail ferries only, never container feeders or trucks.
      req = req.withModes(EnumSet.of(Mode.RAIL, Mode.FERRY));
    }
    RouteResponse resp = router.route(req);
    for (Route r : resp.routes()) {
      if (matches(r, corridor)) {
        return r;
      }
    }
    throw new UserException(
        field + ".corridor",
        "no route for flow '"
            + ff.id()
            + "' from "
            + ff.from()
            + " to "
            + ff.to()
            + " on the "
            + corridor.code()
            + " corridor"
            + resp.noRoute().map(s -> " (" + s + ")").orElse(""));
  }

  /**
   * A route is on a corridor when the router labels it so (corridor membership:
   * data/network/corridors.csv).
   */
  private static boolean matches(Route r, Corridor corridor) {
    return corridor == Corridor.ANY || corridor.code().equals(r.corridor());
  }

  private double co2eOfLink(int l, double mass_t) {
    LinkSpec ls = network.link(l);
    if (ls.toc() == null || ls.toc().isBlank()) {
      return 0;
    }
    double km = network.distance_m(l) / 1000.0;
    List<CountryKm> split = NetworkEmissions.countryKm(network, l);
    try {
      String toc =
          VehicleCategories.emissionToc(ls.toc(), ls.ferryType(), network.linkCountries(l));
      return emissions.co2eWtw_g(toc, km, mass_t, split);
    } catch (EmissionsException e) {
      return 0;
    }
  }
}
