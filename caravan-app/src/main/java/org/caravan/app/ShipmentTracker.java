package org.caravan.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.caravan.network.Network;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.tracking.TrackingEvent;
import org.caravan.tracking.TransportMode;
import org.caravan.tracking.eta.EtaEngine;
import org.caravan.tracking.eta.Observations;
import org.caravan.tracking.eta.Segment;

/**
 * A shipment's events mapped onto its route: the booked route when the events name one, else the
 * most likely route on the network (of the planner's fastest routes from origin to destination, the
 * one that passes the most places the events were reported at, or, when none passes them all, the
 * planner's route through those places in the order reported). Gives the position (legs done, the
 * phase on the current leg and since when) and the segments ahead with their priors from the
 * planner. One home for turning events into positions and observations, used by the service and by
 * the evaluation. Holds only the network and the router it asks for routes, both thread-safe.
 */
record ShipmentTracker(Network network, Router router) {
  /** Where a shipment is on its route. */
  record State(
      String shipmentId,
      List<TrackingEvent> events,
      String origin,
      Optional<String> destination,
      Optional<Route> route,
      boolean booked,
      int legsDone,
      EtaEngine.Phase phase,
      long since_s,
      Optional<TrackingEvent> last,
      boolean delivered) {}

  /** Whether a code is a node of the network. */
  boolean known(String code) {
    return network.findNode(code).isPresent();
  }

  /** The state of one shipment from its events (any order). */
  State state(String shipmentId, List<TrackingEvent> all) {
    List<TrackingEvent> events = new ArrayList<>(all);
    events.sort(
        Comparator.comparingLong(TrackingEvent::eventTime_s).thenComparing(TrackingEvent::eventId));
    List<TrackingEvent> actual = events.stream().filter(TrackingEvent::actual).toList();
    String origin = (actual.isEmpty() ? events : actual).getFirst().location();
    Optional<String> destination = Optional.empty();
    List<String> booked = List.of();
    for (TrackingEvent e : events) {
      if (e.destination().isPresent()) {
        destination = e.destination();
      }
      if (!e.bookedRoute().isEmpty()) {
        booked = e.bookedRoute();
      }
    }
    if (destination.isEmpty() && booked.size() >= 2) {
      destination = Optional.of(booked.getLast());
    }
    long departure_s = (actual.isEmpty() ? events : actual).getFirst().eventTime_s();
    Optional<Route> route = destination.flatMap(d -> routeFor(origin, d, departure_s, events));
    return position(shipmentId, events, actual, origin, destination, route, !booked.isEmpty());
  }

  private Optional<Route> routeFor(
      String origin, String destination, long departure_s, List<TrackingEvent> events) {
    List<String> booked = List.of();
    for (TrackingEvent e : events) {
      if (!e.bookedRoute().isEmpty()) {
        booked = e.bookedRoute();
      }
    }
    if (!booked.isEmpty()) {
      List<String> chain = new ArrayList<>(booked);
      if (!chain.getFirst().equals(origin)) {
        chain.addFirst(origin);
      }
      if (!chain.getLast().equals(destination)) {
        chain.add(destination);
      }
      return chained(chain, departure_s);
    }
    List<Route> routes = routes(origin, destination, departure_s);
    Set<String> seen = new HashSet<>();
    events.forEach(e -> seen.add(e.location()));
    Route best = null;
    int bestScore = -1;
    for (Route r : routes) {
      int score = 0;
      for (String n : nodes(r)) {
        if (seen.contains(n)) {
          score++;
        }
      }
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best != null && bestScore < seen.size()) {
      // Reported off every candidate: route through the places reported at, in time order.
      List<String> chain = new ArrayList<>();
      for (TrackingEvent e : events) {
        if (e.actual() && (chain.isEmpty() || !chain.getLast().equals(e.location()))) {
          chain.add(e.location());
        }
      }
      if (chain.isEmpty() || !chain.getFirst().equals(origin)) {
        chain.addFirst(origin);
      }
      if (!chain.getLast().equals(destination)) {
        chain.add(destination);
      }
      List<String> distinct = List.copyOf(new LinkedHashSet<>(chain));
      if (distinct.size() == chain.size()) {
        Optional<Route> through = chained(chain, departure_s);
        if (through.isPresent()) {
          return through;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The planner's fastest routes (up to five) between two nodes. */
  List<Route> routes(String from, String to, long departure_s) {
    OptionalInt a = network.findNode(from);
    OptionalInt b = network.findNode(to);
    if (a.isEmpty() || b.isEmpty() || a.getAsInt() == b.getAsInt()) {
      return List.of();
    }
    return router
        .route(
            RouteRequest.of(a.getAsInt(), b.getAsInt(), departure_s)
                .withObjective(Objective.TIME, 5))
        .routes();
  }

  /** The booked chain routed stage by stage (fastest each) and joined into one route. */
  private Optional<Route> chained(List<String> chain, long departure_s) {
    List<Leg> legs = new ArrayList<>();
    List<double[]> geometry = new ArrayList<>();
    long t = departure_s;
    long variance = 0;
    for (int i = 0; i + 1 < chain.size(); i++) {
      List<Route> rs = routes(chain.get(i), chain.get(i + 1), t);
      if (rs.isEmpty()) {
        return Optional.empty();
      }
      Route r = rs.getFirst();
      legs.addAll(r.legs());
      geometry.addAll(r.geometry());
      variance += r.variance_s2();
      t = r.arrival_s();
    }
    return Optional.of(
        new Route(
            legs,
            departure_s,
            t,
            0,
            0,
            variance,
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "booked",
            geometry));
  }

  /** The leg ends and the places passed inside legs, in order. */
  static List<String> nodes(Route r) {
    List<String> out = new ArrayList<>();
    if (r.legs().isEmpty()) {
      return out;
    }
    out.add(r.legs().getFirst().from());
    for (Leg l : r.legs()) {
      out.addAll(l.via());
      out.add(l.to());
    }
    return out;
  }

  private State position(
      String id,
      List<TrackingEvent> events,
      List<TrackingEvent> actual,
      String origin,
      Optional<String> destination,
      Optional<Route> route,
      boolean booked) {
    Optional<TrackingEvent> last =
        actual.isEmpty() ? Optional.empty() : Optional.of(actual.getLast());
    int k = 0;
    EtaEngine.Phase phase = EtaEngine.Phase.AT_NODE;
    long since =
        actual.isEmpty() ? events.getFirst().eventTime_s() : actual.getFirst().eventTime_s();
    boolean delivered = false;
    if (route.isPresent()) {
      List<Leg> legs = route.get().legs();
      int n = legs.size();
      for (TrackingEvent e : actual) {
        String x = e.location();
        int j = boundary(legs, x, k);
        if (j >= 0) {
          if (j == n) {
            if (e.type().isArrival() || e.type().isDeparture()) {
              k = n;
              delivered = true;
              since = e.eventTime_s();
            }
            continue;
          }
          EtaEngine.Phase p =
              e.type().isDeparture() ? EtaEngine.Phase.RUNNING : EtaEngine.Phase.AT_NODE;
          if (j != k || p != phase) {
            since = e.eventTime_s();
          }
          k = j;
          phase = p;
          continue;
        }
        int i = viaLeg(legs, x, k);
        if (i >= 0) {
          if (i != k || phase != EtaEngine.Phase.RUNNING) {
            since = e.eventTime_s();
          }
          k = i;
          phase = EtaEngine.Phase.RUNNING;
        }
      }
    } else if (!actual.isEmpty()) {
      delivered =
          destination.isPresent()
              && actual.getLast().location().equals(destination.get())
              && actual.getLast().type().isArrival();
      since = actual.getLast().eventTime_s();
    }
    return new State(
        id, events, origin, destination, route, booked, k, phase, since, last, delivered);
  }

  /**
   * Index of the leg boundary at {@code x} at or after {@code from} (n = the destination), or -1.
   */
  private static int boundary(List<Leg> legs, String x, int from) {
    for (int j = from; j <= legs.size(); j++) {
      String node = j < legs.size() ? legs.get(j).from() : legs.getLast().to();
      if (node.equals(x)) {
        return j;
      }
    }
    return -1;
  }

  /** Index of the leg at or after {@code from} that passes {@code x} inside it, or -1. */
  private static int viaLeg(List<Leg> legs, String x, int from) {
    for (int i = from; i < legs.size(); i++) {
      if (legs.get(i).via().contains(x)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The segments of a route from leg {@code from} on, priors from the planner: the wait is the
   * planned time from arriving at the leg's start to its departure (transfer, dwell, the wait for a
   * service), the run the planned time to its end (the destination's handling added to the last);
   * the leg's variance is split between them in proportion to their planned times.
   */
  static List<Segment> segments(Route r, int from) {
    List<Segment> out = new ArrayList<>();
    List<Leg> legs = r.legs();
    long prev = r.departure_s();
    for (int i = 0; i < legs.size(); i++) {
      Leg l = legs.get(i);
      double wait = Math.max(0, l.depart_s() - prev);
      double run = Math.max(0, l.arrive_s() - l.depart_s());
      if (i == legs.size() - 1) {
        run += Math.max(0, r.arrival_s() - l.arrive_s());
      }
      double share = wait + run > 0 ? wait / (wait + run) : 0;
      prev = l.arrive_s();
      if (i >= from) {
        out.add(
            new Segment(
                Segment.key(l.from(), l.to(), mode(l).name()),
                l.from(),
                l.to(),
                mode(l).name(),
                wait,
                share * l.variance_s2(),
                run,
                (1 - share) * l.variance_s2()));
      }
    }
    return out;
  }

  /** The tracking mode of a planned leg (the DCSA word for the network's mode). */
  static TransportMode mode(Leg l) {
    return switch (l.mode()) {
      case RAIL -> TransportMode.RAIL;
      case FERRY -> TransportMode.FERRY;
      case SEA -> TransportMode.VESSEL;
      case ROAD -> TransportMode.TRUCK;
      case IWW -> TransportMode.BARGE;
    };
  }

  /**
   * Observed segments of every container from its actual events: an arrival at {@code A} (gate-in,
   * discharge, arrival), the last departure from {@code A} after it, and the next arrival at
   * another place {@code B} make one observation of segment {@code A>B} (wait, run), dated at the
   * arrival at {@code B}.
   */
  static Observations observations(List<TrackingEvent> all) {
    Map<String, List<TrackingEvent>> byContainer = new HashMap<>();
    for (TrackingEvent e : all) {
      if (e.actual()) {
        byContainer
            .computeIfAbsent(e.shipmentId() + "\u0000" + e.container(), k -> new ArrayList<>())
            .add(e);
      }
    }
    Observations.Builder b = new Observations.Builder();
    for (List<TrackingEvent> list : byContainer.values()) {
      list.sort(
          Comparator.comparingLong(TrackingEvent::eventTime_s)
              .thenComparing(TrackingEvent::eventId));
      String at = null;
      long arrived = 0;
      long departed = -1;
      for (TrackingEvent e : list) {
        if (e.type().isArrival()) {
          if (at != null && !e.location().equals(at)) {
            long dep = departed >= arrived ? departed : arrived;
            b.add(
                Segment.key(at, e.location(), e.mode().map(Enum::name).orElse("")),
                e.eventTime_s(),
                dep - arrived,
                e.eventTime_s() - dep);
          }
          if (at == null || !e.location().equals(at)) {
            at = e.location();
            arrived = e.eventTime_s();
            departed = -1;
          }
        } else if (e.type().isDeparture() && e.location().equals(at)) {
          departed = e.eventTime_s();
        }
      }
    }
    return b.build();
  }
}
