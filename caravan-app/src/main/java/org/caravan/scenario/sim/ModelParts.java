package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.routing.Leg;
import org.caravan.scenario.sim.ResolvedScenario.Border;
import org.caravan.scenario.sim.ResolvedScenario.Capacities;
import org.caravan.scenario.sim.ResolvedScenario.PortSize;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * The model's gates, ports and crossings as one model build makes them, each indexed by its key so
 * that flows sharing a link, border, port or crossing share its model element; plus the capacities
 * they are made with. Turns a router leg into a model leg: a rail leg into a chain of border and
 * line-section gates, a scheduled ferry or feeder leg into a crossing with its fleet, any other leg
 * into a delay with the network's mean and standard deviation. It remembers, per rail leg, which
 * gate steps are borders and the node a train leaves each for, so that dated episodes can hold one
 * direction ({@link ModelDisruptions#holds}).
 */
final class ModelParts {
  private final Network network;
  private final Capacities capacities;
  private final CrossingCapacity fleets;
  private final boolean backPressure;
  private final List<CorridorSpec.Gate> gates = new ArrayList<>();
  private final Map<String, Integer> gateIndex = new HashMap<>();
  private final List<CorridorSpec.Port> ports = new ArrayList<>();
  private final Map<String, Integer> portIndex = new HashMap<>();
  private final List<CorridorSpec.Crossing> crossings = new ArrayList<>();
  private final Map<Integer, Integer> crossingByLink = new HashMap<>();
  private final Map<String, List<BorderStep>> borderSteps = new HashMap<>();

  /**
   * A border gate on a rail leg: its position among the leg's gates, its node and the next node a
   * train on the leg goes to from it (network indexes).
   */
  record BorderStep(int step, int node, int next) {}

  ModelParts(Network network, Capacities capacities, boolean backPressure) {
    this.network = network;
    this.capacities = capacities;
    this.fleets = new CrossingCapacity(network, capacities);
    this.backPressure = backPressure;
  }

  /** The Caspian and Black Sea crossings' fleets, which also assign the loaded flows' routes. */
  CrossingCapacity fleets() {
    return fleets;
  }

  List<CorridorSpec.Gate> gates() {
    return gates;
  }

  List<CorridorSpec.Port> ports() {
    return ports;
  }

  List<CorridorSpec.Crossing> crossings() {
    return crossings;
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

  /** The index of a port a flow or the scenario already uses, without making one. */
  Optional<Integer> existingPort(String node) {
    return Optional.ofNullable(portIndex.get(node));
  }

  /** The border gates of the rail leg {@code legId} in travel order (none for other legs). */
  List<BorderStep> borderSteps(String legId) {
    return borderSteps.getOrDefault(legId, List.of());
  }

  /** The gate of a border node, when a flow's route passes it. */
  Optional<Integer> borderGate(String node) {
    return Optional.ofNullable(gateIndex.get("border:" + node));
  }

  /** The model leg {@code id} of a router leg, making its gates or crossing on first use. */
  CorridorSpec.Leg leg(Leg leg, String id) {
    int[] links = leg.links();
    Mode mode = leg.mode();
    if (mode == Mode.RAIL) {
      List<Integer> g = new ArrayList<>();
      List<BorderStep> steps = new ArrayList<>();
      addBorder(network.linkFrom(links[0]), network.linkTo(links[0]), g, steps);
      for (int k = 0; k < links.length; k++) {
        int l = links[k];
        g.add(gateIndex.computeIfAbsent("link:" + l, key -> section(l)));
        if (k + 1 < links.length) {
          addBorder(network.linkTo(l), network.linkTo(links[k + 1]), g, steps);
        }
      }
      borderSteps.put(id, List.copyOf(steps));
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
    if (fleets.isCrossing(leg)) {
      int x = crossingByLink.computeIfAbsent(links[0], this::crossing);
      return new CorridorSpec.Leg(
          id, CorridorSpec.LegKind.CROSSING, leg.from(), leg.to(), new int[0], x, 0, 0, 0);
    }
    double mean = 0;
    double var = 0;
    int start = network.linkFrom(links[0]);
    NodeKind startKind = network.nodeKind(start);
    if (startKind == NodeKind.BORDER || startKind == NodeKind.GAUGE_CHANGE) {
      // The router charges the dwell of every node it passes but the origin: a road leg leaving a
      // border (Malaszewicze) waits there as a rail leg would.
      int next = network.linkTo(links[0]);
      mean += network.dwell_s(start, next);
      var += (double) network.dwellSd_s(start, next) * network.dwellSd_s(start, next);
    }
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      mean += network.duration_s(l);
      var += (double) network.durationSd_s(l) * network.durationSd_s(l);
      if (k + 1 < links.length) {
        int n = network.linkTo(l);
        int next = network.linkTo(links[k + 1]);
        mean += network.dwell_s(n, next);
        var += (double) network.dwellSd_s(n, next) * network.dwellSd_s(n, next);
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
  private int section(int l) {
    LinkSpec ls = network.link(l);
    double perDay;
    if (capacities.doubleTrack().contains(ls.id())) {
      perDay = capacities.doubleTrackPathsPerDay();
    } else if (!Double.isNaN(ls.capacity_teu_day()) && ls.capacity_teu_day() > 0) {
      perDay = ls.capacity_teu_day() / capacities.teuPerTrain();
    } else {
      perDay =
          "double".equals(ls.track())
              ? capacities.doubleTrackPathsPerDay()
              : capacities.singleTrackPathsPerDay();
    }
    gates.add(
        new CorridorSpec.Gate(
            ls.id() + "[" + direction(l) + "]",
            CorridorSpec.GateKind.SECTION,
            ls.id(),
            perDay,
            network.duration_s(l),
            network.durationSd_s(l)));
    return gates.size() - 1;
  }

  /**
   * A crossing for a scheduled ferry or feeder link: the scenario's changes over the link and its
   * service.
   */
  private int crossing(int l) {
    LinkSpec ls = network.link(l);
    CrossingCapacity.Params p = fleets.params(l);
    int fromPort = port(network.nodeId(network.linkFrom(l)));
    int toPort = port(network.nodeId(network.linkTo(l)));
    // The other direction of the same link, when a flow already uses it, owns the fleet: its
    // vessels carry this direction's units on their way back (one fleet per link, not one per
    // direction).
    int returnOf = CorridorSpec.Crossing.OWN_FLEET;
    for (int x = 0; x < crossings.size(); x++) {
      if (crossings.get(x).id().startsWith(ls.id() + "[")) {
        returnOf = x;
      }
    }
    crossings.add(
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
    return crossings.size() - 1;
  }

  /**
   * Adds the border gate of {@code node}, left for {@code next}, when the node is one. A train that
   * leaves the country by a border with an outbound stop of its own ({@link Network#outbound})
   * passes that border's exit gate ({@code ID[out]}, {@link CorridorSpec.GateKind#EXIT}): the
   * network's outbound stop, its own queue (the exchange tracks of each direction are taken as
   * separate, EST), same trains per day. A scenario's dwell for the border is the inbound one (the
   * one calibrate fits on westbound flows).
   */
  private void addBorder(int node, int next, List<Integer> g, List<BorderStep> steps) {
    NodeKind kind = network.nodeKind(node);
    String id = network.nodeId(node);
    Border change = capacities.borders().get(id);
    boolean border = kind == NodeKind.BORDER || kind == NodeKind.GAUGE_CHANGE;
    if (!border && change == null && network.dwell_s(node, next) <= 0) {
      return;
    }
    Border b = change == null ? Border.unchanged(id) : change;
    boolean out = network.outbound(node, next);
    steps.add(new BorderStep(g.size(), node, next));
    g.add(
        gateIndex.computeIfAbsent(
            (out ? "exit:" : "border:") + id,
            key -> {
              double perDay = b.trainsPerDay().orElse(capacities.borderTrainsPerDay());
              double dwell_s =
                  out ? network.dwell_s(node, next) : b.dwell_s().orElse(network.dwell_s(node));
              double sd_s =
                  out
                      ? network.dwellSd_s(node, next)
                      : b.dwellSd_s().orElse(network.dwellSd_s(node));
              gates.add(
                  new CorridorSpec.Gate(
                      out ? id + "[out]" : id,
                      out ? CorridorSpec.GateKind.EXIT : CorridorSpec.GateKind.BORDER,
                      id,
                      perDay,
                      dwell_s,
                      sd_s));
              return gates.size() - 1;
            }));
  }

  private String direction(int l) {
    LinkSpec ls = network.link(l);
    return network.isReverse(l) ? ls.to() + ">" + ls.from() : ls.from() + ">" + ls.to();
  }
}
