package org.caravan.scenario.sim;

import java.util.List;

/**
 * A scenario file as written (YAML, snake_case keys): the bound form before validation. Every field
 * is optional in the file (absent = {@code null} here = the documented default), and every object
 * may carry a {@code source} naming where its numbers come from. Unknown keys are rejected by the
 * loader. See {@code docs/SIMULATION.md} for the format.
 */
public record ScenarioFile(
    String name,
    String description,
    String startDate,
    Double horizonDays,
    Double warmupDays,
    Integer replications,
    Long seed,
    Double sampleIntervalH,
    Formation formation,
    Demand demand,
    NetworkChanges network,
    List<StormFile> storms,
    List<Disruption> disruptions,
    String source,
    Reactions reactions) {

  /** This file with its network block replaced; everything else kept. */
  public ScenarioFile withNetwork(NetworkChanges changes) {
    return with(name, description, changes);
  }

  /** This file under another name and description; everything else kept. */
  public ScenarioFile renamed(String newName, String newDescription) {
    return with(newName, newDescription, network);
  }

  private ScenarioFile with(String newName, String newDescription, NetworkChanges changes) {
    return new ScenarioFile(
        newName,
        newDescription,
        startDate,
        horizonDays,
        warmupDays,
        replications,
        seed,
        sampleIntervalH,
        formation,
        demand,
        changes,
        storms,
        disruptions,
        source,
        reactions);
  }

  /**
   * How the model reacts (docs/SIMULATION.md, "Reactions"); everything off when absent, so a file
   * without this block runs today's model.
   */
  public record Reactions(
      String onClosure,
      Double emptyReturnShare,
      Double emptyTareT,
      Boolean backPressure,
      String source) {}

  /**
   * Block-train formation at the start of every rail leg, and the speed with delay of wagonload
   * flows' first rail section.
   */
  public record Formation(
      Integer trainCapacityUnits, Double timetableH, Double wagonloadSpeedKmh, String source) {}

  /**
   * Demand: flows plus the seasonality, growth and masses shared by all flows; {@code crm_flows:
   * true} adds the critical-raw-material flows of data/crm (docs/CRM.md).
   */
  public record Demand(
      List<Double> seasonality,
      Double growthPerYear,
      Double teuMassT,
      Double wagonMassT,
      List<FlowFile> flows,
      Boolean crmFlows,
      String source) {}

  /** One OD flow. Give {@code teu_per_year} for containers, {@code tonnes_per_year} for wagons. */
  public record FlowFile(
      String id,
      String from,
      String to,
      String cargo,
      Double teuPerYear,
      Double tonnesPerYear,
      String corridor,
      Double growthPerYear,
      String source,
      String onClosure,
      Double emptyReturnShare,
      String service) {}

  /**
   * Changes to the network's capacities for the simulation, and the planned links it may use.
   *
   * @param includePlanned ids of planned links ({@code status=planned} in links.csv) the scenario's
   *     network has, with the planned nodes at their ends; the others stay out
   */
  public record NetworkChanges(
      Lines lines,
      List<BorderFile> borders,
      List<PortFile> ports,
      List<CrossingFile> crossings,
      List<String> doubleTrack,
      String source,
      List<String> includePlanned) {

    /** These changes with the border list replaced. */
    public NetworkChanges withBorders(List<BorderFile> newBorders) {
      return new NetworkChanges(
          lines, newBorders, ports, crossings, doubleTrack, source, includePlanned);
    }

    /** These changes with the crossing list replaced. */
    public NetworkChanges withCrossings(List<CrossingFile> newCrossings) {
      return new NetworkChanges(
          lines, borders, ports, newCrossings, doubleTrack, source, includePlanned);
    }
  }

  /**
   * Line-section capacity by track type, and the train size used to turn TEU/day into trains/day.
   */
  public record Lines(
      Double singleTrackPathsPerDay,
      Double doubleTrackPathsPerDay,
      Double teuPerTrain,
      Double defaultBorderTrainsPerDay,
      String source) {}

  /** A border or gauge-change station. */
  public record BorderFile(
      String node, Double trainsPerDay, Double dwellH, Double dwellSdH, String source) {}

  /** A port's berths and yard. */
  public record PortFile(String node, Integer berths, Integer yardTeu, String source) {}

  /** A ferry or feeder crossing on a network link with a service. */
  public record CrossingFile(
      String link,
      Integer fleet,
      Integer capacityUnits,
      Double lowWaterDerating,
      Double sailH,
      Double sailSdH,
      Double handlingH,
      Double handlingSdH,
      Double timetableH,
      String source) {}

  /** Weather closing ports: events per season and their duration. */
  public record StormFile(
      String id,
      List<String> ports,
      Seasons eventsPerSeason,
      Durations durationDays,
      String source) {}

  /** Events per season: winter = Dec–Feb, spring = Mar–May, summer = Jun–Aug, autumn = Sep–Nov. */
  public record Seasons(Double winter, Double spring, Double summer, Double autumn) {}

  /** A triangular duration. */
  public record Durations(Double min, Double mode, Double max) {}

  /** A dated closure: {@code kind} is {@code port_closure} or {@code border_closure}. */
  public record Disruption(
      String id,
      String kind,
      List<String> nodes,
      Double startDay,
      Double durationDays,
      String source) {}
}
