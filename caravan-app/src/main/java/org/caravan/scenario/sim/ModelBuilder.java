package org.caravan.scenario.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.CorridorRoutes;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Corridor;
import org.caravan.scenario.sim.ResolvedScenario.Demand;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.ResolvedScenario.FlowReaction;
import org.caravan.scenario.sim.ResolvedScenario.OnClosure;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * Turns a resolved {@link Scenario} into a {@link CorridorSpec}, taking its values as they are (the
 * loader has applied the defaults and resolved the names): routes each flow once with the router
 * (fastest route on the flow's corridor), splits the routes into shared legs, makes a gate for
 * every rail link and border on them, a crossing for every scheduled ferry or feeder link, ports,
 * storms, closures and the network's dated border episodes, and prices one unit of each flow in
 * CO2e with the emission calculator. This is the only place that joins routing, emissions and
 * simulation. Stateless apart from the Caravan it reads.
 *
 * <p>This class decides which route each flow takes and what a flow is (loaded, empty return, CRM
 * layer unit); {@link ModelParts} turns router legs into gates, ports and crossings, {@link
 * ModelLegs} shares the legs between flows and prices them, and {@link ModelDisruptions} places the
 * storms, closures and dated episodes on the parts.
 */
public final class ModelBuilder {
  /**
   * Vessel handling when neither the scenario nor the port gives one: TREND250603 (Baku average
   * 20.1 h).
   */
  public static final double DEFAULT_HANDLING_H = 20;

  /**
   * The built model plus what the outputs need to describe it.
   *
   * @param routes per flow: corridor, legs as text, the assigning router's transit on network times
   *     (no simulated waits, no wagonload marshalling) and CO2e per unit
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
    this.corridors = new CorridorRoutes(router, caravan.corridors());
  }

  /**
   * Builds the model. Throws {@link UserException} naming the flow when a flow has no route on its
   * corridor.
   */
  public Built build(Scenario sc) {
    ResolvedScenario m = sc.model();
    Demand d = m.demand();
    if (d.crmFlows() && !caravan.sameFilesAs(CrmLayer.caravan())) {
      // The CRM layer's routes use the overlay's chartered legs: the whole model is built on the
      // network with the overlay, where the scenario's own flows keep their routes (the overlay
      // adds only links that refuse containers of general cargo, and a dead end for them).
      return new ModelBuilder(CrmLayer.caravan()).build(sc);
    }
    if (!caravan.plannedLinks().equals(m.capacities().plannedLinks())) {
      // network.include_planned: flows are routed on the network with those planned links.
      return new ModelBuilder(caravan.withPlannedLinks(m.capacities().plannedLinks())).build(sc);
    }
    long departure_s = sc.start().getEpochSecond();

    List<CorridorSpec.Flow> flows = new ArrayList<>();
    List<FlowRoute> routes = new ArrayList<>();
    List<Route> plans = new ArrayList<>();
    ModelParts parts = new ModelParts(network, m.capacities(), m.reactions().backPressure());
    // Ports named in the scenario exist even when no flow uses them (so storms and closures can
    // name them).
    m.capacities().ports().keySet().forEach(parts::port);
    ModelLegs table = new ModelLegs(network, emissions, parts);
    // Loaded flows are booked on the Caspian lines by their fleets (CrossingCapacity); empty flows
    // ride back on the fastest route.
    Route[] assigned = assign(d, parts.fleets(), departure_s);
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
                  lf.id() + ".empty",
                  lf.to(),
                  lf.from(),
                  Cargo.CONTAINER,
                  0,
                  lf.corridor(),
                  0,
                  false)
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
      double unitsPerYear = unitsPerYear(ff, d);

      ModelLegs.PathLegs own = table.path(route, to, mass_t);
      CorridorSpec.Reaction reaction = CorridorSpec.Reaction.NONE;
      if (fr.onClosure() == OnClosure.REROUTE || empty || fr.emptyReturnShare() > 0) {
        List<Route> alts =
            fr.onClosure() == OnClosure.REROUTE
                ? around.alternatives(ff.cargo(), from, to, route, m.closures(), departure_s)
                : List.of();
        int[][] altLegs = new int[alts.size()][];
        double[] altCo2e = new double[alts.size()];
        for (int a = 0; a < alts.size(); a++) {
          ModelLegs.PathLegs pl = table.path(alts.get(a), to, mass_t);
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
      String label = ff.corridor().isAny() ? route.corridor() : ff.corridor().code();
      // Wagonload: the groups' time in the yards of the first rail section (Wagonload).
      double marshal_s =
          ff.wagonload() && !empty
              ? Wagonload.firstSection(network, route).marshal_s(m.formation().wagonloadSpeed_kmh())
              : 0;
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
              reaction,
              marshal_s,
              marshal_s * Wagonload.SD_SHARE));
      routes.add(
          new FlowRoute(
              ff.id(), label, own.text(), route.transitDays(), own.co2e_g(), unitsPerYear));
    }
    if (d.crmFlows()) {
      for (CrmLayer.Unit u :
          CrmLayer.units(caravan, d, m.formation().wagonloadSpeed_kmh(), departure_s)) {
        CorridorSpec.Flow f = u.flow();
        ModelLegs.PathLegs pl =
            table.path(u.route(), network.findNode(f.to()).getAsInt(), f.tonnesPerUnit());
        flows.add(f.withPath(pl.legs(), pl.co2e_g()));
        routes.add(
            new FlowRoute(
                f.id(),
                f.corridor(),
                pl.text(),
                u.route().transitDays(),
                pl.co2e_g(),
                f.unitsPerYear()));
      }
    }
    List<CorridorSpec.Leg> legs = table.withEndHandling();

    long warm_s = sc.warmup_s();
    List<CorridorSpec.Storm> storms = ModelDisruptions.storms(m.storms(), parts);
    List<CorridorSpec.Closure> closures =
        new ArrayList<>(ModelDisruptions.closures(m.closures(), warm_s, parts));
    long horizon_s = warm_s + sc.horizon_s();
    closures.addAll(
        ModelDisruptions.portClosures(caravan.episodes(), parts, departure_s, horizon_s));
    List<CorridorSpec.Hold> holds =
        ModelDisruptions.holds(caravan.episodes(), network, legs, parts, departure_s, horizon_s);

    double[] season = d.seasonality().stream().mapToDouble(Double::doubleValue).toArray();
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
            new CorridorSpec.Hazards(storms, closures, holds));
    return new Built(spec, routes, plans);
  }

  /**
   * Each flow's route, chosen by {@link CrossingCapacity#assign}: wagon flows first (they can ride
   * only the rail ferries), then container flows (which may take a feeder instead), each group in
   * scenario order.
   */
  private Route[] assign(Demand d, CrossingCapacity fleets, long departure_s) {
    Route[] out = new Route[d.flows().size()];
    for (Cargo first : List.of(Cargo.WAGON, Cargo.CONTAINER)) {
      for (int i = 0; i < out.length; i++) {
        Flow ff = d.flows().get(i);
        if (out[i] != null || (first == Cargo.WAGON && ff.cargo() != Cargo.WAGON)) {
          continue;
        }
        int from = network.findNode(ff.from()).getAsInt();
        int to = network.findNode(ff.to()).getAsInt();
        out[i] =
            fleets.assign(
                route("demand.flows[" + i + "]", ff, from, to, departure_s), unitsPerYear(ff, d));
      }
    }
    return out;
  }

  /** A flow's units a year: FEU for containers, wagons of the scenario's wagon mass else. */
  private static double unitsPerYear(Flow ff, Demand d) {
    return ff.cargo() == Cargo.CONTAINER ? ff.perYear() / 2 : ff.perYear() / d.wagonMass_t();
  }

  private List<Route> route(String field, Flow ff, int from, int to, long departure_s) {
    Corridor corridor = ff.corridor();
    double teu = 1;
    double mass_t = RouteRequest.DEFAULT_TEU_MASS_T;
    Set<Mode> modes = CorridorRoutes.modes(ff.cargo() == Cargo.WAGON);
    List<Route> routes =
        corridors.all(
            CorridorRoutes.request(from, to, departure_s, teu, mass_t, modes), 0, corridor.code());
    if (ff.cargo() == Cargo.CONTAINER) {
      // Containers may also leave the rail ferries for the container feeders (lift on, lift off):
      // the alternatives the capacity-aware assignment falls back on when the ferries are full.
      Set<Mode> noFerry = EnumSet.complementOf(EnumSet.of(Mode.FERRY));
      List<Route> all = new ArrayList<>(routes);
      all.addAll(
          corridors.all(
              CorridorRoutes.request(from, to, departure_s, teu, mass_t, noFerry),
              0,
              corridor.code()));
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
   * The fastest route on a corridor ({@link CorridorRoutes#all}): the one home of the corridor rule
   * for the simulation and the validation. {@code feu} of the {@code teu} travel in 40-ft boxes
   * (priced per FEU where a rate table quotes one).
   */
  public Optional<Route> routeOnCorridor(
      int from,
      int to,
      String corridor,
      boolean wagons,
      long departure_s,
      double teu,
      double feu,
      double mass_t) {
    RouteRequest request =
        CorridorRoutes.request(from, to, departure_s, teu, mass_t, CorridorRoutes.modes(wagons));
    return corridors.all(request, feu, corridor).stream().findFirst();
  }

  /**
   * {@link #routeOnCorridor} through {@code via}, in order ({@link CorridorRoutes#through}): the
   * route of a figure that names its path.
   */
  public Optional<Route> routeOnCorridor(
      int from,
      int to,
      String corridor,
      int[] via,
      long departure_s,
      double teu,
      double feu,
      double mass_t) {
    if (via.length == 0) {
      return routeOnCorridor(from, to, corridor, false, departure_s, teu, feu, mass_t);
    }
    RouteRequest request =
        CorridorRoutes.request(from, to, departure_s, teu, mass_t, CorridorRoutes.modes(false));
    return corridors.through(request, feu, corridor, via);
  }
}
