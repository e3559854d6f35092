package org.caravan.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.network.NetworkException;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.Lazy;
import org.caravan.scenario.UserException;

/**
 * The application gateway: one service per use case, over one loaded network. The CLI and the web
 * server hold a {@code CaravanApp} and nothing below it; the services take and return typed records
 * (and JSON trees where the answer is a public JSON document), and report bad input as {@link
 * org.caravan.scenario.UserException}. Immutable and thread-safe.
 */
public final class CaravanApp {
  /** The program's version, as {@code --version} prints it and study provenance records it. */
  public static final String VERSION = "0.1.0";

  private final Caravan caravan;
  // Every service is built on first use: a short command such as {@code caravan places} needs one
  // of them, and some build a lot (the tracker needs the router: sea lanes, emission factors, rate
  // tables; the study service its YAML and JSON mappers).
  private final Lazy<RouteService> routes;
  private final Lazy<EmissionsService> emissions;
  private final Lazy<NetworkService> network;
  private final Lazy<PlaceService> places;
  private final Lazy<SimulationRuns> simulations;
  private final Lazy<ValidationRuns> validation;
  private final Lazy<StudyService> studies;
  private final Lazy<CrmService> crm;
  private final Lazy<TrackingService> tracking;

  CaravanApp(Caravan caravan, List<Path> overlays) {
    this.caravan = caravan;
    this.routes = new Lazy<>(() -> new RouteService(caravan));
    this.emissions = new Lazy<>(() -> new EmissionsService(caravan));
    this.network = new Lazy<>(() -> new NetworkService(caravan));
    this.places = new Lazy<>(() -> new PlaceService(caravan));
    this.simulations = new Lazy<>(() -> new SimulationRuns(caravan));
    this.validation = new Lazy<>(() -> new ValidationRuns(caravan));
    List<Path> studyOverlays = List.copyOf(overlays);
    this.studies = new Lazy<>(() -> new StudyService(caravan, studyOverlays));
    this.crm = new Lazy<>(() -> new CrmService());
    this.tracking = new Lazy<>(() -> new TrackingService(caravan));
  }

  /**
   * The built-in network with the given overlay files or directories applied in order.
   *
   * @throws org.caravan.scenario.UserException when a file has problems (the message lists them)
   */
  public static CaravanApp open(List<Path> overlays) {
    return overlays.isEmpty() ? openDefault() : new CaravanApp(load(overlays), overlays);
  }

  /** The network files' problems become one user error whose message lists them all. */
  static Caravan load(List<Path> overlays) {
    try {
      return Caravan.open(overlays);
    } catch (NetworkException e) {
      throw new UserException(ErrorCode.INVALID_NETWORK, e.oneLine());
    }
  }

  /** The built-in network, loaded once per process and shared. */
  public static CaravanApp openDefault() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final CaravanApp INSTANCE = new CaravanApp(Caravan.openDefault(), List.of());
  }

  /** Route planning: {@code caravan route} and {@code POST /api/routes}. */
  public RouteService routes() {
    return routes.get();
  }

  /**
   * ISO 14083 emissions of a transport chain: {@code caravan emissions} and {@code POST
   * /api/emissions}.
   */
  public EmissionsService emissions() {
    return emissions.get();
  }

  /** Network inspection, validation and export. */
  public NetworkService network() {
    return network.get();
  }

  /** Place search by name, alias or UN/LOCODE. */
  public PlaceService places() {
    return places.get();
  }

  /**
   * Validation and calibration against published figures: {@code caravan validate}, {@code caravan
   * calibrate}.
   */
  public ValidationRuns validation() {
    return validation.get();
  }

  /** Simulation runs: load a scenario, run it, write and summarise its results. */
  public SimulationRuns simulations() {
    return simulations.get();
  }

  /** Corridor studies: baseline and variants with common random numbers, into a results store. */
  public StudyService studies() {
    return studies.get();
  }

  /**
   * Critical raw materials: {@code caravan crm risk} and {@code GET /api/crm/risk} (loaded on first
   * use).
   */
  public CrmService crm() {
    return crm.get();
  }

  /**
   * Shipment tracking: events in, positions and arrival distributions out ({@code caravan track},
   * {@code /api/events}, {@code /api/shipments}).
   */
  public TrackingService tracking() {
    return tracking.get();
  }

  /** The names of the services built so far, in declaration order (tests of the laziness). */
  List<String> servicesBuilt() {
    Map<String, Lazy<?>> all = new LinkedHashMap<>();
    all.put("routes", routes);
    all.put("emissions", emissions);
    all.put("network", network);
    all.put("places", places);
    all.put("simulations", simulations);
    all.put("validation", validation);
    all.put("studies", studies);
    all.put("crm", crm);
    all.put("tracking", tracking);
    return all.entrySet().stream()
        .filter(e -> e.getValue().computed())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The composition root below the gateway, for benchmarks and tests of the engines. */
  public Caravan caravan() {
    return caravan;
  }
}
