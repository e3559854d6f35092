package org.caravan.simulation.corridor;

import java.util.Arrays;
import java.util.List;
import org.caravan.network.Episodes;

/**
 * Everything one corridor simulation needs, resolved to dense indexes: flows with their leg
 * sequences, legs with their steps, gates (line sections and borders), ports, ferry/feeder
 * crossings, storm regimes, dated closures and dated border episodes. Built by the scenario layer
 * from the network, the router and a scenario file; the simulation module itself knows nothing of
 * routing, emissions or files.
 *
 * <p>Units: a <em>unit</em> is one wagon slot: a wagon with one FEU (2 TEU) of containers, or a
 * wagon of bulk. Trains and vessels carry units. Times are seconds from the scenario start (00:00
 * UTC of its first day). Immutable.
 *
 * @param horizon_s simulated time, after the warm-up is included (the run ends here)
 * @param warmup_s statistics ignore events before this time
 * @param sampleInterval_s queue-length sampling interval for the charts
 * @param startDayOfYear day of year (1..366) of the scenario start, for seasons and seasonality
 * @param seasonality twelve monthly demand factors (January first), mean 1
 * @param trainCapacity_units units per block train (41–43 FEU)
 * @param formationTimetable_s a train leaves with whatever waits at this interval (0 = only when
 *     full)
 * @param hazards what stops the corridor's resources: storm regimes, dated closures and the dated
 *     border episodes
 */
public record CorridorSpec(
    long horizon_s,
    long warmup_s,
    long sampleInterval_s,
    int startDayOfYear,
    double[] seasonality,
    int trainCapacity_units,
    long formationTimetable_s,
    List<Flow> flows,
    List<Leg> legs,
    List<Gate> gates,
    List<Port> ports,
    List<Crossing> crossings,
    Hazards hazards) {

  public CorridorSpec {
    seasonality = seasonality.clone();
    flows = List.copyOf(flows);
    legs = List.copyOf(legs);
    gates = List.copyOf(gates);
    ports = List.copyOf(ports);
    crossings = List.copyOf(crossings);
    if (seasonality.length != 12) {
      throw new IllegalArgumentException(
          "seasonality needs 12 monthly factors, got " + seasonality.length);
    }
    if (horizon_s <= warmup_s) {
      throw new IllegalArgumentException("horizon must exceed warm-up");
    }
    for (Hold h : hazards.holds()) {
      if (h.leg() >= legs.size() || h.step() >= legs.get(h.leg()).gates().length) {
        throw new IllegalArgumentException(
            "hold " + h.id() + " names leg " + h.leg() + " step " + h.step() + ", not a gate");
      }
    }
  }

  /**
   * What stops the corridor's resources, apart from their own capacity: storm regimes (random,
   * seasonal), dated closures, and the dated border episodes that hold the trains of one direction
   * after a gate's dwell.
   */
  public record Hazards(List<Storm> storms, List<Closure> closures, List<Hold> holds) {
    /** No storms, no closures, no episodes. */
    public static final Hazards NONE = new Hazards(List.of(), List.of(), List.of());

    public Hazards {
      storms = List.copyOf(storms);
      closures = List.copyOf(closures);
      holds = List.copyOf(holds);
    }

    /** Storms and closures, no episodes. */
    public Hazards(List<Storm> storms, List<Closure> closures) {
      this(storms, closures, List.of());
    }
  }

  /** Kind of a leg: how units move over it. */
  public enum LegKind {
    /** Block train: formation at the start, then gates in order. */
    RAIL,
    /** Vessel crossing: yard at the origin port, fleet, berths at both ends. */
    CROSSING,
    /**
     * Infinite capacity delay (road, unscheduled deep-sea): units move together after one sampled
     * time.
     */
    DELAY
  }

  /** Kind of a gate. */
  public enum GateKind {
    SECTION,
    BORDER,
    /**
     * A border left outbound where the stop differs by direction (CPMM: Kazakh rail crossings 7–11
     * h outbound, 54–78 h inbound, CPMM22KZ): a border gate of its own, with the outbound stop.
     */
    EXIT;

    /** Border or exit: a resource where trains queue for the exchange and then dwell. */
    public boolean border() {
      return this != SECTION;
    }
  }

  /**
   * An origin–destination demand stream.
   *
   * @param corridor corridor label for the KPIs ({@code middle}, {@code northern}, ...)
   * @param unitsPerYear mean units released per year at seasonality 1 and no growth
   * @param growthPerYear compound growth of the rate, e.g. 0.05 for +5 %/yr
   * @param teuPerUnit TEU in one unit (2 for a container wagon with one FEU, 0 for a bulk wagon)
   * @param tonnesPerUnit gross cargo tonnes in one unit
   * @param legs leg indexes in travel order
   * @param co2ePerUnit_g well-to-wheel CO2e of one unit over the whole path, grams
   * @param marshalMean_s for a wagonload flow, the mean time its wagon groups spend in the
   *     marshalling yards of its first rail section beyond the modelled running time: a released
   *     group joins its origin's formation pool that much later (0: the units board at once, as
   *     cargo of a block train does)
   * @param marshalSd_s its standard deviation (a lognormal draw per released group)
   */
  public record Flow(
      String id,
      String from,
      String to,
      String corridor,
      String cargo,
      double unitsPerYear,
      double growthPerYear,
      double teuPerUnit,
      double tonnesPerUnit,
      int[] legs,
      double co2ePerUnit_g,
      Reaction reaction,
      double marshalMean_s,
      double marshalSd_s) {
    public Flow {
      legs = legs.clone();
      if (!(marshalMean_s >= 0) || !(marshalSd_s >= 0)) {
        throw new IllegalArgumentException("flow " + id + " has a negative marshalling time");
      }
      if (legs.length == 0) {
        throw new IllegalArgumentException("flow " + id + " has no legs");
      }
      if (reaction.emptyReturnShare() > 0 && reaction.emptyFlow() < 0) {
        throw new IllegalArgumentException("flow " + id + " returns empties but names no flow");
      }
    }

    /** This flow on another path: its legs and the CO2e of one unit over them. */
    public Flow withPath(int[] newLegs, double newCo2ePerUnit_g) {
      return new Flow(
          id,
          from,
          to,
          corridor,
          cargo,
          unitsPerYear,
          growthPerYear,
          teuPerUnit,
          tonnesPerUnit,
          newLegs,
          newCo2ePerUnit_g,
          reaction,
          marshalMean_s,
          marshalSd_s);
    }

    /** Whether the flow's units are marshalled as wagon groups before they board. */
    public boolean wagonload() {
      return marshalMean_s > 0;
    }

    /** The id of the flow's marshalling resource: {@code <origin> <flow id>}. */
    public String marshallingId() {
      return from + " " + id;
    }
  }

  /**
   * How a flow reacts to closures and to the corridor's imbalance (docs/SIMULATION.md,
   * "Reactions").
   *
   * @param reroute on a dated closure, units still before the closed element take the best open
   *     route (the first of {@code legs}, then {@code alternatives}, that is open); else they wait
   * @param alternatives leg sequences of the precomputed alternative routes, best first
   * @param alternativeCo2e_g well-to-wheel CO2e of one unit over each alternative, grams
   * @param emptyFlow index of the flow that carries this flow's empty boxes back, or -1
   * @param emptyReturnShare boxes that go back empty per delivered unit (0..1)
   * @param empty true for a flow of empty boxes: it has no demand of its own, its units are
   *     released by the deliveries of the flows that name it
   */
  public record Reaction(
      boolean reroute,
      int[][] alternatives,
      double[] alternativeCo2e_g,
      int emptyFlow,
      double emptyReturnShare,
      boolean empty) {
    /** No reaction: today's model. */
    public static final Reaction NONE =
        new Reaction(false, new int[0][], new double[0], -1, 0, false);

    /** True if the flow re-routes: rule {@code reroute} and at least one alternative. */
    public boolean reroutes() {
      return reroute && alternatives.length > 0;
    }

    public Reaction {
      alternatives = Arrays.stream(alternatives).map(int[]::clone).toArray(int[][]::new);
      alternativeCo2e_g = alternativeCo2e_g.clone();
      if (alternatives.length != alternativeCo2e_g.length) {
        throw new IllegalArgumentException("one CO2e per alternative");
      }
      if (!(emptyReturnShare >= 0 && emptyReturnShare <= 1)) {
        throw new IllegalArgumentException("empty return share must be in 0..1");
      }
    }
  }

  /**
   * A leg: one carrier between two nodes.
   *
   * @param gates for RAIL legs, gate indexes in travel order
   * @param crossing for CROSSING legs, the crossing index, else -1
   * @param delayMean_s for DELAY legs, mean time
   * @param endHandling_s time to unload or transship the units at the end of the leg (rail and
   *     delay legs)
   */
  public record Leg(
      String id,
      LegKind kind,
      String from,
      String to,
      int[] gates,
      int crossing,
      double delayMean_s,
      double delaySd_s,
      double endHandling_s) {
    public Leg {
      gates = gates.clone();
    }

    /** This leg with another handling time at its end. */
    public Leg withEndHandling(double handling_s) {
      return new Leg(id, kind, from, to, gates, crossing, delayMean_s, delaySd_s, handling_s);
    }
  }

  /**
   * A server trains pass one at a time: a line section (capacity in train paths per day, then the
   * running time) or a border/gauge-change station (trains per day, then the dwell).
   *
   * @param node for borders the node id; for sections the link id
   * @param trainsPerDay capacity; the gate is held {@code 86400 / trainsPerDay} seconds per train
   * @param delayMean_s running time (section) or dwell (border) after passing the gate
   */
  public record Gate(
      String id,
      GateKind kind,
      String node,
      double trainsPerDay,
      double delayMean_s,
      double delaySd_s) {}

  /**
   * A port: berths (vessels handled at once) and a yard (units waiting for a vessel).
   *
   * @param yardCapacity_units the yard size
   * @param blocking true: a train or group that would overfill the yard is held before the port
   *     until a vessel makes room (back-pressure); false: occupancy above the size is reported, not
   *     blocked
   */
  public record Port(String node, int berths, int yardCapacity_units, boolean blocking) {
    /** A port whose yard does not block. */
    public Port(String node, int berths, int yardCapacity_units) {
      this(node, berths, yardCapacity_units, false);
    }
  }

  /**
   * A ferry or feeder service between two ports with its own fleet. A vessel loads when the yard
   * holds a full (derated) load or at a timetable slot, is handled at a berth at each end, sails,
   * and sails back, empty unless the opposite crossing names it in {@code returnOf}.
   *
   * @param capacity_units units per voyage before derating
   * @param lowWaterDerating fraction of capacity lost to low water (0..0.9)
   * @param timetable_s a vessel leaves with what waits at this interval (0 = only when full)
   * @param returnOf {@link #OWN_FLEET} for a crossing with its own fleet; else the index of the
   *     opposite crossing whose vessels carry this one's units on their way back (its own fleet is
   *     then unused)
   */
  public record Crossing(
      String id,
      int fromPort,
      int toPort,
      int fleet,
      int capacity_units,
      double lowWaterDerating,
      double sailMean_s,
      double sailSd_s,
      double handlingMean_s,
      double handlingSd_s,
      long timetable_s,
      int returnOf) {
    /** The {@code returnOf} of a crossing whose vessels are its own fleet. */
    public static final int OWN_FLEET = -1;
  }

  /**
   * Weather closing a set of ports: per season (0 winter Dec–Feb, 1 spring, 2 summer, 3 autumn) a
   * Poisson number of events, each with a triangular duration.
   */
  public record Storm(
      String id,
      int[] ports,
      double[] eventsPerSeason,
      double durationMin_s,
      double durationMode_s,
      double durationMax_s) {
    public Storm {
      ports = ports.clone();
      eventsPerSeason = eventsPerSeason.clone();
    }
  }

  /** A dated closure of ports (no berthing or sailing) and gates (no train passes). */
  public record Closure(String id, int[] ports, int[] gates, long start_s, long end_s) {
    public Closure {
      ports = ports.clone();
      gates = gates.clone();
    }
  }

  /**
   * A dated border episode ({@link Episodes}, {@code data/network/episodes.csv}) at one gate of one
   * leg: a train of leg {@code leg} whose dwell at its gate number {@code step} ends at {@code t}
   * goes on at {@link Episodes#release_s}{@code (kind, start_s, end_s, delay_s, t)}, the router's
   * rule, with its own sampled delay for a congestion. Keyed by leg and step, not by gate, so that
   * an episode that holds one direction (its {@code toward}) leaves the other direction's legs
   * through the same border alone.
   *
   * @param id the episode's id
   * @param leg leg index
   * @param step position of the gate in the leg's {@code gates}
   * @param start_s first second of the period on the simulation clock
   * @param end_s first second after the period
   * @param delay_s a congestion's mean delay per train (0 for a closure)
   * @param delaySd_s its standard deviation; each train draws its delay from a normal distribution
   *     truncated at 0
   */
  public record Hold(
      String id,
      int leg,
      int step,
      Episodes.Kind kind,
      long start_s,
      long end_s,
      long delay_s,
      long delaySd_s) {
    public Hold {
      if (leg < 0 || step < 0 || end_s < start_s || delay_s < 0 || delaySd_s < 0) {
        throw new IllegalArgumentException(
            "hold "
                + id
                + ": leg, step, delay and sd must be >= 0 and the end not before the start");
      }
    }
  }
}
