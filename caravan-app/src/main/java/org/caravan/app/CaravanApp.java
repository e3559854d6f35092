package org.caravan.app;

import java.nio.file.Path;
import java.util.List;
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
  private final RouteService routes;
  private final Lazy<EmissionsService> emissions;
  private final NetworkService network;
  private final PlaceService places;
  private final SimulationRuns simulations;
  private final ValidationRuns validation;
  private final StudyService studies;
  private final CrmService crm;
  private final TrackingService tracking;

  private CaravanApp(Caravan caravan, List<Path> overlays) {
    this.caravan = caravan;
    this.routes = new RouteService(caravan);
    this.emissions = new Lazy<>(() -> new EmissionsService(caravan));
    this.network = new NetworkService(caravan);
    this.places = new PlaceService(caravan);
    this.simulations = new SimulationRuns(caravan);
    this.validation = new ValidationRuns(caravan);
    this.studies = new StudyService(caravan, overlays);
    this.crm = new CrmService(caravan);
    this.tracking = new TrackingService(caravan);
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
      throw new UserException(ErrorCode.INVALID_NETWORK, e.getMessage());
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
    return routes;
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
    return network;
  }

  /** Place search by name, alias or UN/LOCODE. */
  public PlaceService places() {
    return places;
  }

  /**
   * Validation and calibration against published figures: {@code caravan validate}, {@code caravan
   * calibrate}.
   */
  public ValidationRuns validation() {
    return validation;
  }

  /** Simulation runs: load a scenario, run it, write and summarise its results. */
  public SimulationRuns simulations() {
    return simulations;
  }

  /** Corridor studies: baseline and variants with common random numbers, into a results store. */
  public StudyService studies() {
    return studies;
  }

  /**
   * Critical raw materials: {@code caravan crm risk} and {@code GET /api/crm/risk} (loaded on first
   * use).
   */
  public CrmService crm() {
    return crm;
  }

  /**
   * Shipment tracking: events in, positions and arrival distributions out ({@code caravan track},
   * {@code /api/events}, {@code /api/shipments}).
   */
  public TrackingService tracking() {
    return tracking;
  }

  /** The composition root below the gateway, for benchmarks and tests of the engines. */
  public Caravan caravan() {
    return caravan;
  }
}
