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
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.VehicleCategories;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
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
import org.caravan.scenario.sim.ResolvedScenario.Demand;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.ResolvedScenario.FlowReaction;
import org.caravan.scenario.sim.ResolvedScenario.OnClosure;
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
  public static final double DEFAULT_HANDLING_H = 20;

  private static final double S_PER_H = 3600;
  private static final double WEEK_S = 168 * S_PER_H;

  /**
   * The built model plus what the outputs need to describe it.
   *
   * @param routes per flow: corridor, legs as text, router's transit estimate and CO2e per unit
   * @param plans per flow: the planner's route the flow's legs were made from (for replaying
   *     simulated shipments against the planner's times)
   */
  public record Built(CorridorSpec spec, List<FlowRoute> routes, List<Route> plans) {}

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
      CrossingCapacity fleets,
      List<CorridorSpec.Gate> gates,
      Map<String, Integer> gateIndex,
      List<CorridorSpec.Port> ports,
      Map<String, Integer> portIndex,
      List<CorridorSpec.Crossing> crossings,
      Map<Integer, Integer> crossingByLink,
      boolean backPressure) {
    Parts(Capacities capacities, CrossingCapacity fleets, boolean backPressure) {
      this(
          capacities,
          fleets,
          new ArrayList<>(),
          new HashMap<>(),
          new ArrayList<>(),
          new HashMap<>(),
          new ArrayList<>(),
          new HashMap<>(),
          backPressure);
    }

    /** The index of a port, made with its scenario size on first use. */
    int port(String node) {
      return portIndex.computeIfAbsent(
          node,
          k -> {
            PortSize size = capacities.port(k);
            ports.add(
                new CorridorSpec.Port(
                    k, size.berths(), Math.max(1, size.yard_teu() / 2), backPressure));
            return ports.size() - 1;
          });
    }
  }

  private final Caravan caravan;
  private final Network network;
  private final Router router;
  private final CorridorRoutes corridors;
  private final EmissionCalculator emissions = EmissionCalculator.withDefaults();

  /** A builder that assigns flows with the nominal router (network times, no simulated waits). */
  public ModelBuilder(Caravan caravan) {
    this(caravan, caravan.nominalRouter());
  }

  /**
   * A builder whose {@link #routeOnCorridor} asks the given router (validation asks the planner's).
   */
  public ModelBuilder(Caravan caravan, Router router) {
    this.caravan = caravan;
    this.router = router;
    this.network = caravan.network();
    this.corridors = new CorridorRoutes(router);
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
    List<Route> plans = new ArrayList<>();
    Parts parts =
        new Parts(
            m.capacities(),
            new CrossingCapacity(network, m.capacities()),
            m.reactions().backPressure());
    // Ports named in the scenario exist even when no flow uses them (so storms and closures can
    // name them).
    m.capacities().ports().keySet().forEach(parts::port);
    LegTable table = new LegTable(legs, legIndex, legEndHandling);
    Acc acc = new Acc(table, flows, routes, parts);
    // Loaded flows are booked on the Caspian lines by their fleets (CrossingCapacity); empty flows
    // ride back on the fastest route.
    Route[] assigned = assign(d, parts, departure_s);
    ReactionRoutes around = new ReactionRoutes(network, router);
    List<Flow> loaded = d.flows();
    // Empty flows (reactions.empty_return_share) come after every loaded flow: [loaded index, ...].
    List<Integer> emptyOf = new ArrayList<>();
    for (int i = 0; i < loaded.size(); i++) {
      if (m.reactions().of(loaded.get(i).id()).emptyReturnShare() > 0) {
        emptyOf.add(i);
      }
    }
    for (int i = 0; i < loaded.size() + emptyOf.size(); i++) {
      boolean empty = i >= loaded.size();
      Flow lf = loaded.get(empty ? emptyOf.get(i - loaded.size()) : i);
      int li = loaded.indexOf(lf);
      Flow ff =
          empty
              ? new Flow(
                  lf.id() + ".empty", lf.to(), lf.from(), Cargo.CONTAINER, 0, lf.corridor(), 0)
              : lf;
      FlowReaction fr = m.reactions().of(lf.id());
      String field = "demand.flows[" + li + "]";
      int from = network.findNode(ff.from()).getAsInt();
      int to = network.findNode(ff.to()).getAsInt();
      Route route = empty ? route(field, ff, from, to, departure_s).getFirst() : assigned[li];
      plans.add(route);
      boolean container = ff.cargo() == Cargo.CONTAINER;
      double teuPerUnit = container ? 2 : 0;
      double tonnesPerUnit = empty ? 0 : container ? 2 * d.teuMass_t() : d.wagonMass_t();
      double mass_t = empty ? m.reactions().emptyTare_t() : tonnesPerUnit;
      double unitsPerYear = container ? ff.perYear() / 2 : ff.perYear() / d.wagonMass_t();

      PathLegs own = pathLegs(route, to, mass_t, parts, table);
      CorridorSpec.Reaction reaction = CorridorSpec.Reaction.NONE;
      if (fr.onClosure() == OnClosure.REROUTE || empty || fr.emptyReturnShare() > 0) {
        List<Route> alts =
            fr.onClosure() == OnClosure.REROUTE
                ? around.alternatives(ff.cargo(), from, to, route, m.closures(), departure_s)
                : List.of();
        int[][] altLegs = new int[alts.size()][];
        double[] altCo2e = new double[alts.size()];
        for (int a = 0; a < alts.size(); a++) {
          PathLegs pl = pathLegs(alts.get(a), to, mass_t, parts, table);
          altLegs[a] = pl.legs();
          altCo2e[a] = pl.co2e_g();
        }
        int emptyFlow = empty ? -1 : loaded.size() + emptyOf.indexOf(li);
        reaction =
            new CorridorSpec.Reaction(
                fr.onClosure() == OnClosure.REROUTE,
                altLegs,
                altCo2e,
                fr.emptyReturnShare() > 0 && !empty ? emptyFlow : -1,
                empty ? 0 : fr.emptyReturnShare(),
                empty);
      }
      String label = ff.corridor() == Corridor.ANY ? route.corridor() : ff.corridor().code();
      flows.add(
          new CorridorSpec.Flow(
              ff.id(),
              ff.from(),
              ff.to(),
              label,
              empty ? "empty" : ff.cargo().code(),
              unitsPerYear,
              ff.growthPerYear(),
              teuPerUnit,
              tonnesPerUnit,
              own.legs(),
              own.co2e_g(),
              reaction));
      routes.add(
          new FlowRoute(
              ff.id(), label, own.text(), route.transitDays(), own.co2e_g(), unitsPerYear));
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
    return new Built(spec, routes, plans);
  }

  /** The model's legs as they are made, shared by every flow whose route has the same leg. */
  private record LegTable(
      List<CorridorSpec.Leg> legs, Map<String, Integer> index, Map<Integer, Double> endHandling) {}

  /** A route as model legs, its legs as text, and the CO2e of one unit over it. */
  private record PathLegs(int[] legs, List<String> text, double co2e_g) {}

  /** What the flows of one model build share: legs, gates, ports and crossings as they are made. */
  private record Acc(
      LegTable table, List<CorridorSpec.Flow> flows, List<FlowRoute> routes, Parts parts) {}

  /**
   * Adds a flow on its route (no reactions): its legs (shared with flows on the same links), their
   * end handling and the CO2e of one unit; {@code f}'s legs and CO2e are filled in here.
   */
  private void addFlow(Acc acc, CorridorSpec.Flow f, int to, Route route) {
    PathLegs pl = pathLegs(route, to, f.tonnesPerUnit(), acc.parts(), acc.table());
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
                pl.legs(),
                pl.co2e_g()));
    acc.routes()
        .add(
            new FlowRoute(
                f.id(),
                f.corridor(),
                pl.text(),
                route.transitDays(),
                pl.co2e_g(),
                f.unitsPerYear()));
  }

  /** The model legs of {@code route} (each made on first use), for a unit of {@code mass_t}. */
  private PathLegs pathLegs(Route route, int to, double mass_t, Parts parts, LegTable t) {
    List<Leg> rl = route.legs();
    int[] legIds = new int[rl.size()];
    List<String> legText = new ArrayList<>();
    double co2e = 0;
    for (int k = 0; k < rl.size(); k++) {
      Leg leg = rl.get(k);
      int[] links = leg.links();
      String key = leg.mode() + ":" + Arrays.toString(links);
      Integer li = t.index().get(key);
      if (li == null) {
        li = t.legs().size();
        t.legs().add(uniqueId(makeLeg(leg, parts), t.legs(), links[0]));
        t.index().put(key, li);
      }
      legIds[k] = li;
      double end = k + 1 < rl.size() ? rl.get(k + 1).transfer_s() : network.handling_s(to);
      t.endHandling().merge(li, end, Math::max);
      legText.add(leg.from() + ">" + leg.to() + " " + leg.mode().name().toLowerCase(Locale.ROOT));
      for (int l : links) {
        co2e += co2eOfLink(l, mass_t);
      }
    }
    return new PathLegs(legIds, legText, co2e);
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

  /**
   * Each flow's route, chosen by {@link CrossingCapacity#assign}: wagon flows first (they can ride
   * only the rail ferries), then container flows (which may take a feeder instead), each group in
   * scenario order.
   */
  private Route[] assign(Demand d, Parts parts, long departure_s) {
    Route[] out = new Route[d.flows().size()];
    for (Cargo first : List.of(Cargo.WAGON, Cargo.CONTAINER)) {
      for (int i = 0; i < out.length; i++) {
        Flow ff = d.flows().get(i);
        if (out[i] != null || (first == Cargo.WAGON && ff.cargo() != Cargo.WAGON)) {
          continue;
        }
        boolean container = ff.cargo() == Cargo.CONTAINER;
        double unitsPerYear = container ? ff.perYear() / 2 : ff.perYear() / d.wagonMass_t();
        int from = network.findNode(ff.from()).getAsInt();
        int to = network.findNode(ff.to()).getAsInt();
        out[i] =
            parts
                .fleets()
                .assign(route("demand.flows[" + i + "]", ff, from, to, departure_s), unitsPerYear);
      }
    }
    return out;
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
    if (parts.fleets().isCrossing(leg)) {
      int x = parts.crossingByLink().computeIfAbsent(links[0], l -> crossing(l, parts));
      return new CorridorSpec.Leg(
          id, CorridorSpec.LegKind.CROSSING, leg.from(), leg.to(), new int[0], x, 0, 0, 0);
    }
    double mean = 0;
    double var = 0;
    int start = network.linkFrom(links[0]);
    NodeKind startKind = network.nodeKind(start);
    if (startKind == NodeKind.BORDER || startKind == NodeKind.GAUGE_CHANGE) {
      // The router charges the dwell of every node it passes but the origin: a road leg leaving a
      // border
      // (Malaszewicze) waits there as a rail leg would.
      mean += network.dwell_s(start);
      var += (double) network.dwellSd_s(start) * network.dwellSd_s(start);
    }
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
    CrossingCapacity.Params p = parts.fleets().params(l);
    int fromPort = parts.port(network.nodeId(network.linkFrom(l)));
    int toPort = parts.port(network.nodeId(network.linkTo(l)));
    // The other direction of the same link, when a flow already uses it, owns the fleet: its
    // vessels carry this direction's units on their way back (one fleet per link, not one per
    // direction).
    int returnOf = -1;
    for (int x = 0; x < parts.crossings().size(); x++) {
      if (parts.crossings().get(x).id().startsWith(ls.id() + "[")) {
        returnOf = x;
      }
    }
    parts
        .crossings()
        .add(
            new CorridorSpec.Crossing(
                ls.id() + "[" + direction(l) + "]",
                fromPort,
                toPort,
                returnOf >= 0 ? 0 : p.fleet(),
                p.capacityUnits(),
                p.derating(),
                p.sail_s(),
                p.sailSd_s(),
                p.handling_s(),
                p.handlingSd_s(),
                returnOf >= 0 ? 0 : Math.round(p.timetable_s()),
                returnOf));
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

  private List<Route> route(String field, Flow ff, int from, int to, long departure_s) {
    Corridor corridor = ff.corridor();
    List<Route> routes =
        corridors.all(
            from,
            to,
            corridor.code(),
            ff.cargo() == Cargo.WAGON,
            departure_s,
            1,
            RouteRequest.DEFAULT_TEU_MASS_T);
    if (ff.cargo() == Cargo.CONTAINER) {
      // Containers may also leave the rail ferries for the container feeders (lift on, lift off):
      // the alternatives the capacity-aware assignment falls back on when the ferries are full.
      List<Route> all = new ArrayList<>(routes);
      all.addAll(
          corridors.all(
              from,
              to,
              corridor.code(),
              EnumSet.complementOf(EnumSet.of(Mode.FERRY)),
              departure_s,
              1,
              RouteRequest.DEFAULT_TEU_MASS_T));
      routes = all;
    }
    if (!routes.isEmpty()) {
      return routes;
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
            + " corridor");
  }

  /**
   * The fastest route on a corridor ({@link CorridorRoutes#first}): the one home of the corridor
   * rule for the simulation and the validation.
   */
  public Optional<Route> routeOnCorridor(
      int from,
      int to,
      String corridor,
      boolean wagons,
      long departure_s,
      double teu,
      double mass_t) {
    return corridors.first(from, to, corridor, wagons, departure_s, teu, mass_t);
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
