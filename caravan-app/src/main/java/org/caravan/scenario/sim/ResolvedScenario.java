package org.caravan.scenario.sim;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.caravan.scenario.CorridorLabels;

/**
 * What a scenario asks of the model, fully resolved by {@link ScenarioLoader}: every default
 * applied, every node and link named by its network id, every kind an enum, every duration in
 * seconds. {@link ModelBuilder} consumes it as it is and decides nothing about the file. Defaults
 * that depend on the network (running times, border dwell, ferry services) stay empty here and are
 * read from the network by the builder. Immutable.
 *
 * @param formation block-train formation at the start of every rail leg
 * @param sampleInterval_s time between two samples of the queue and stock statistics
 * @param capacities the scenario's changes to line, border, port and crossing capacities
 */
public record ResolvedScenario(
    Formation formation,
    long sampleInterval_s,
    Demand demand,
    Capacities capacities,
    List<Storm> storms,
    List<Closure> closures,
    Reactions reactions) {

  // Defaults applied when the scenario file does not say (table in docs/SIMULATION.md).
  /**
   * Line-section paths per day, single track: QAZ250930 (Dostyk–Moyynty 12 train pairs/day before
   * doubling).
   */
  static final double DEFAULT_SINGLE_PATHS = 12;

  /** Line-section paths per day, double track: QAZ250930 (60 train pairs/day after doubling). */
  static final double DEFAULT_DOUBLE_PATHS = 60;

  /** TEU per train, to turn a link's capacity_teu_day into trains/day: 42 FEU (design §5). */
  static final double DEFAULT_TEU_PER_TRAIN = 84;

  /** Trains a border station clears per day: EST. */
  static final double DEFAULT_BORDER_TRAINS = 24;

  /** Units (FEU) per block train: 41–43 FEU (design §5; NEWSAZ240920). */
  static final int DEFAULT_TRAIN_UNITS = 42;

  /** A train leaves with what waits after at most this long: EST. */
  static final double DEFAULT_FORMATION_H = 72;

  /**
   * Speed with delay of a wagonload flow's first rail section when the file gives none, km/h: the
   * CPMM Kazakh rail figure of 2022 (10.4 km/h; 15.3 in 2020, 8.9 in 2021; CPMM22KZ), the latest
   * the reports give.
   */
  static final double DEFAULT_WAGONLOAD_KMH = 10.4;

  /** Berths of a port: EST. */
  static final int DEFAULT_BERTHS = 2;

  /** Yard of a port in TEU: EST. */
  static final int DEFAULT_YARD_TEU = 4_000;

  /** Tonnes of a loaded bulk or tank wagon: EST. */
  static final double DEFAULT_WAGON_T = 60;

  /** Hours between two statistics samples: a modelling choice (daily), not a corridor figure. */
  static final double DEFAULT_SAMPLE_INTERVAL_H = 24;

  /**
   * Tare of one empty 40-foot box (a unit), tonnes: about 3.7-3.9 t for a 40' high-cube steel box
   * (ISO 668 series; makers' data): EST.
   */
  static final double DEFAULT_EMPTY_TARE_T = 3.8;

  public ResolvedScenario {
    storms = List.copyOf(storms);
    closures = List.copyOf(closures);
  }

  /** What a flow does when a dated closure shuts its route. */
  public enum OnClosure {
    /** Units wait at the closed element until it reopens (the model without reactions). */
    WAIT,
    /** Units not yet past the closed element take the best open precomputed route. */
    REROUTE;

    /** The word in scenario files. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * How the model reacts (docs/SIMULATION.md, "Reactions"); {@link #NONE} is today's model.
   *
   * @param backPressure port yards hold arriving trains when full instead of overfilling
   * @param emptyTare_t tonnes of one empty unit (a 40-foot box), for the CO2e of empty flows
   * @param flows per flow id: its closure rule and empty-return share (absent = wait, 0)
   */
  public record Reactions(
      boolean backPressure, double emptyTare_t, Map<String, FlowReaction> flows) {
    /** No reaction. */
    public static final Reactions NONE = new Reactions(false, DEFAULT_EMPTY_TARE_T, Map.of());

    public Reactions {
      flows = Map.copyOf(flows);
    }

    /** The reaction of flow {@code id}. */
    public FlowReaction of(String id) {
      return flows.getOrDefault(id, FlowReaction.NONE);
    }
  }

  /**
   * One flow's reaction.
   *
   * @param emptyReturnShare boxes going back empty per delivered box (container flows; 0..1)
   */
  public record FlowReaction(OnClosure onClosure, double emptyReturnShare) {
    /** Wait out closures, no empties. */
    public static final FlowReaction NONE = new FlowReaction(OnClosure.WAIT, 0);
  }

  /**
   * Block-train formation: a train leaves full or when its timetable slot comes.
   *
   * @param wagonloadSpeed_kmh speed with delay (all stops) of a wagonload flow's first rail section
   *     (docs/SIMULATION.md, "Wagonload"): its wagon groups take that section's length at this
   *     speed where the modelled running is faster
   */
  public record Formation(int trainCapacity_units, long timetable_s, double wagonloadSpeed_kmh) {}

  /**
   * Demand shared by all flows plus the flows.
   *
   * @param seasonality twelve monthly demand factors, January first
   * @param teuMass_t gross tonnes of one loaded TEU
   * @param wagonMass_t gross tonnes of one loaded bulk or tank wagon
   * @param crmFlows whether the critical-raw-material flows of data/crm join the flows (the CRM
   *     demand layer, docs/CRM.md)
   */
  public record Demand(
      List<Double> seasonality,
      double teuMass_t,
      double wagonMass_t,
      List<Flow> flows,
      boolean crmFlows) {
    public Demand {
      seasonality = List.copyOf(seasonality);
      flows = List.copyOf(flows);
    }
  }

  /**
   * One OD flow between two network nodes.
   *
   * @param from network node id of the origin
   * @param to network node id of the destination
   * @param perYear TEU per year for containers, tonnes per year for wagons
   * @param growthPerYear compound growth, the flow's own or the demand's
   * @param wagonload whether the flow travels as wagon groups marshalled through the yards of its
   *     first rail section ({@code service: wagonload}), not in block trains formed at its origin
   */
  public record Flow(
      String id,
      String from,
      String to,
      Cargo cargo,
      double perYear,
      Corridor corridor,
      double growthPerYear,
      boolean wagonload) {}

  /** How a flow's goods travel: in 40-foot containers (2 TEU a unit) or in bulk or tank wagons. */
  public enum Cargo {
    CONTAINER,
    WAGON;

    /** The word in scenario files and outputs. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The corridor a flow must take, by its label ({@link CorridorLabels#forFlows}: a label of
   * data/network/corridors.csv); {@link #ANY} takes the fastest route.
   *
   * @param code the word in scenario files and outputs
   */
  public record Corridor(String code) {
    public static final Corridor ANY = new Corridor(CorridorLabels.ANY);

    /** Whether the flow takes the fastest route whatever its corridor. */
    public boolean isAny() {
      return equals(ANY);
    }
  }

  /**
   * Line-section, border, port and crossing capacities.
   *
   * @param doubleTrack ids of links treated as double track
   * @param borders border changes by node id
   * @param ports port sizes by node id, in id order (these ports exist in the model even when no
   *     flow uses them)
   * @param crossings crossing changes by link id
   * @param plannedLinks the planned links the scenario's network has ({@code
   *     network.include_planned}); the model is built on that network
   */
  public record Capacities(
      double singleTrackPathsPerDay,
      double doubleTrackPathsPerDay,
      double teuPerTrain,
      double borderTrainsPerDay,
      Set<String> doubleTrack,
      Map<String, Border> borders,
      Map<String, PortSize> ports,
      Map<String, CrossingChange> crossings,
      Set<String> plannedLinks) {
    public Capacities {
      doubleTrack = Set.copyOf(doubleTrack);
      plannedLinks = Set.copyOf(plannedLinks);
      borders = Map.copyOf(borders);
      ports = Collections.unmodifiableMap(new TreeMap<>(ports));
      crossings = Map.copyOf(crossings);
    }

    /** The size of a port: the scenario's or the default. */
    public PortSize port(String node) {
      return Optional.ofNullable(ports.get(node))
          .orElse(new PortSize(node, DEFAULT_BERTHS, DEFAULT_YARD_TEU));
    }
  }

  /** A border or gauge-change station's changes; empty values come from the network. */
  public record Border(
      String node, OptionalDouble trainsPerDay, OptionalDouble dwell_s, OptionalDouble dwellSd_s) {
    /** A border the scenario does not change: every value from the network. */
    public static Border unchanged(String node) {
      return new Border(
          node, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
  }

  /** A port's berths and yard. */
  public record PortSize(String node, int berths, int yard_teu) {}

  /**
   * A ferry or feeder crossing's changes; empty values come from the network's link and service.
   *
   * @param lowWaterDerating share of capacity lost in low water (0 when not given)
   */
  public record CrossingChange(
      String link,
      OptionalInt fleet,
      OptionalInt capacity_units,
      double lowWaterDerating,
      OptionalDouble sail_s,
      OptionalDouble sailSd_s,
      OptionalDouble handling_s,
      OptionalDouble handlingSd_s,
      OptionalDouble timetable_s) {
    /** A crossing the scenario does not change: every value from the network's link and service. */
    public static CrossingChange unchanged(String link) {
      OptionalDouble none = OptionalDouble.empty();
      return new CrossingChange(
          link, OptionalInt.empty(), OptionalInt.empty(), 0, none, none, none, none, none);
    }
  }

  /**
   * Weather closing ports: a seasonal event rate and a triangular duration.
   *
   * @param ports network node ids
   * @param eventsPerSeason winter (Dec–Feb), spring, summer, autumn
   */
  public record Storm(
      String id,
      List<String> ports,
      Seasons eventsPerSeason,
      double durationMin_s,
      double durationMode_s,
      double durationMax_s) {
    public Storm {
      ports = List.copyOf(ports);
    }
  }

  /** Events per season. */
  public record Seasons(double winter, double spring, double summer, double autumn) {}

  /** What a closure closes. */
  public enum ClosureKind {
    PORT_CLOSURE,
    BORDER_CLOSURE
  }

  /**
   * A dated closure of ports or borders.
   *
   * @param nodes network node ids
   * @param start_s start, seconds after the end of the warm-up
   * @param duration_s how long the nodes stay closed
   */
  public record Closure(
      String id, ClosureKind kind, List<String> nodes, long start_s, long duration_s) {
    public Closure {
      nodes = List.copyOf(nodes);
    }
  }
}
