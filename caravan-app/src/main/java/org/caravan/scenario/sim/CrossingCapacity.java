package org.caravan.scenario.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Schedule;
import org.caravan.network.ServiceSpec;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.sim.ResolvedScenario.Capacities;
import org.caravan.scenario.sim.ResolvedScenario.CrossingChange;

/**
 * The scheduled crossings of a scenario (Caspian ferries and feeders, Black Sea feeders): their
 * parameters, the most their fleet can carry in a year, and the capacity-aware choice of each
 * flow's route among the router's alternatives on its corridor.
 *
 * <p>Departures come from the fleet and the round trip: a vessel sails, is handled at the far port,
 * sails back and is handled again, so a fleet of {@code n} vessels leaves at most every {@code
 * round trip / n} and carries at most {@code n × year / round trip × capacity × (1 − low-water
 * derating)} units a year. This is how data/network/services.csv derives its departures per week
 * (method M-FLEET); a scenario that names a fleet changes the capacity accordingly.
 *
 * <p>Assignment. Each flow takes the fastest of the router's routes on its corridor whose crossings
 * keep their assigned load at or below {@link #MAX_UTILISATION} of what their fleet carries,
 * counting the flows assigned before it (in scenario order); when none has room, the route whose
 * busiest crossing is least loaded. This is the forwarder's practice of booking the line that has
 * space (ASCO and KTZ Express allocate ferry and feeder slots) rather than all shippers queueing
 * for the nominally fastest sailing; the 85 % cap is the usual planning limit beyond which an M/G/c
 * queue's waits grow steeply (Kingman's approximation). Deterministic: it depends only on the
 * scenario and the network.
 */
final class CrossingCapacity {
  /** Assigned load above which a crossing counts as full for the assignment. */
  static final double MAX_UTILISATION = 0.85;

  private static final double S_PER_H = 3600;
  private static final double WEEK_S = 168 * S_PER_H;
  private static final double YEAR_S = 8760 * S_PER_H;

  /**
   * One crossing's parameters as the simulation uses them.
   *
   * @param timetable_s a vessel leaves with what waits at this interval
   * @param capacityUnits units per voyage before derating
   */
  record Params(
      double sail_s,
      double sailSd_s,
      double handling_s,
      double handlingSd_s,
      double timetable_s,
      int capacityUnits,
      int fleet,
      double derating) {
    /** Sail, handling at the far port, sail back, handling at home. */
    double roundTrip_s() {
      return 2 * sail_s + 2 * handling_s;
    }

    /** The most the fleet carries in a year, in units (FEU or wagons). */
    double unitsPerYear() {
      return fleet * YEAR_S / roundTrip_s() * capacityUnits * (1 - derating);
    }
  }

  private final Network network;
  private final Capacities capacities;
  private final Map<Integer, Double> load = new HashMap<>();
  private final Map<Integer, Params> params = new HashMap<>();

  CrossingCapacity(Network network, Capacities capacities) {
    this.network = network;
    this.capacities = capacities;
  }

  /** Whether a leg is a scheduled crossing the simulation models with a fleet. */
  boolean isCrossing(Leg leg) {
    int[] links = leg.links();
    return (leg.mode() == Mode.FERRY || leg.mode() == Mode.SEA)
        && links.length == 1
        && network.scheduleOrNull(links[0]) != null;
  }

  /** The parameters of the crossing over link {@code l}: the scenario's, else the network's. */
  Params params(int l) {
    return params.computeIfAbsent(l, this::compute);
  }

  private Params compute(int l) {
    LinkSpec ls = network.link(l);
    Schedule sched = network.scheduleOrNull(l);
    Optional<ServiceSpec> svc =
        network.spec().services().stream().filter(s -> s.id().equals(ls.service())).findFirst();
    CrossingChange c =
        capacities.crossings().getOrDefault(ls.id(), CrossingChange.unchanged(ls.id()));
    double sail_s = c.sail_s().orElse(network.duration_s(l));
    double sailSd_s = c.sailSd_s().orElse(network.durationSd_s(l));
    int toHandling_s = network.handling_s(network.linkTo(l));
    double handling_s =
        c.handling_s()
            .orElse(toHandling_s > 0 ? toHandling_s : ModelBuilder.DEFAULT_HANDLING_H * S_PER_H);
    double handlingSd_s = c.handlingSd_s().orElse(handling_s * 0.25);
    double perWeek = sched.departuresPerWeek();
    double timetable_s = c.timetable_s().orElse(WEEK_S / perWeek);
    double capTeu =
        svc.map(ServiceSpec::capacity_teu).filter(t -> !Double.isNaN(t) && t > 0).orElse(100.0);
    int capUnits = c.capacity_units().orElse((int) Math.max(1, Math.round(capTeu / 2)));
    double cycle_s = 2 * sail_s + 2 * handling_s;
    int fleet = c.fleet().orElse((int) Math.max(1, Math.ceil(perWeek * cycle_s / WEEK_S)));
    double derate = c.lowWaterDerating();
    return new Params(
        sail_s, sailSd_s, handling_s, handlingSd_s, timetable_s, capUnits, fleet, derate);
  }

  /**
   * Picks the route for a flow of {@code unitsPerYear} among the candidates (fastest first, all on
   * the flow's corridor) and books its load on the route's crossings.
   */
  Route assign(List<Route> candidates, double unitsPerYear) {
    Route best = null;
    double bestPeak = Double.POSITIVE_INFINITY;
    for (Route r : candidates) {
      double peak = peakUtilisation(r, unitsPerYear);
      if (peak <= MAX_UTILISATION) {
        best = r;
        break;
      }
      if (peak < bestPeak - 1e-9) {
        bestPeak = peak;
        best = r;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no candidate route");
    }
    for (Leg leg : best.legs()) {
      if (isCrossing(leg)) {
        load.merge(leg.links()[0], unitsPerYear, Double::sum);
      }
    }
    return best;
  }

  /** The highest share of its yearly capacity any crossing of the route would carry. */
  private double peakUtilisation(Route r, double unitsPerYear) {
    double peak = 0;
    for (Leg leg : r.legs()) {
      if (isCrossing(leg)) {
        int l = leg.links()[0];
        double cap = params(l).unitsPerYear();
        peak = Math.max(peak, (load.getOrDefault(l, 0.0) + unitsPerYear) / cap);
      }
    }
    return peak;
  }

  /** The load booked on each crossing link so far, units a year. */
  Map<Integer, Double> load() {
    return Map.copyOf(load);
  }
}
