package org.caravan.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.caravan.crm.CrmNetwork;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.network.BuildOptions;
import org.caravan.network.Corridors;
import org.caravan.network.Countries;
import org.caravan.network.Episodes;
import org.caravan.network.LaneSwitches;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.PlaceIndex;
import org.caravan.network.RateTables;
import org.caravan.network.io.GeoJson;
import org.caravan.network.io.NetworkFiles;
import org.caravan.routing.ExpectedWaits;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLanes;
import org.caravan.routing.SeasonalRisks;
import org.caravan.routing.TableCargoRules;
import org.caravan.scenario.validation.WaitTable;

/**
 * The composition root: loads the network (default plus overlays) once and wires the services that
 * answer questions about it. The network and its place index are built at once; the rest (rate
 * tables, country polygons, emission factors, sea lanes, the router and planner) on first use, so
 * {@code caravan places} starts without them. Immutable after {@link #open}; safe to share between
 * threads.
 */
public final class Caravan {
  private final NetworkSpec files;
  private final Network network;
  private final PlaceIndex places;
  private final Lazy<Router> router;
  private final Lazy<Router> nominal;
  private final Lazy<Planner> planner;
  private final BuildOptions options;
  private final Supplier<LaneSwitches> lanes;
  private final Supplier<Corridors> corridors;
  private final Supplier<SeasonalRisks> risks;
  private final Supplier<Episodes> episodes;
  private final Lazy<NetworkEmissions> networkEmissions;
  private final Lazy<RateTables> rates;
  private final Lazy<ExpectedWaits> waits;

  /** The default factors and country polygons: the same for every network, loaded once. */
  private static final Lazy<EmissionCalculator> EMISSIONS =
      new Lazy<>(EmissionCalculator::withDefaults);

  private static final Lazy<Countries> COUNTRIES = new Lazy<>(Countries::loadDefault);

  private final Object plannedLock = new Object();
  private Caravan withPlanned;

  /** Networks with chosen planned links, by link ids ({@link #withPlannedLinks}). */
  private final Map<Set<String>, Caravan> withPlannedLinks = new HashMap<>();

  /** The Caravan this one was derived from by {@link #withPlannedLinks}; else this one. */
  private Caravan base = this;

  private Set<String> plannedLinks = Set.of();

  /** The overlays whose episodes this network's router and simulation apply. */
  private final List<Path> overlays;

  private Caravan(NetworkSpec files, BuildOptions options) {
    this(files, options, List.of());
  }

  /** With the {@code episodes.csv} of {@code overlays} on top of the default episodes. */
  private Caravan(NetworkSpec files, BuildOptions options, List<Path> overlays) {
    this(files, options, Network.build(files, options), overlays);
  }

  private Caravan(NetworkSpec files, BuildOptions options, Network network, List<Path> overlays) {
    this(
        files,
        options,
        network,
        new Lazy<>(() -> RateTables.readDefault(network.spec())),
        () -> LaneSwitches.readDefault(network.spec()),
        () -> Corridors.loadDefault(network),
        SeasonalRisks::loadDefault,
        () -> Episodes.readWith(network.spec(), overlays),
        () -> WaitTable.loadDefault(network).orElse(ExpectedWaits.NONE),
        overlays);
  }

  private Caravan(
      NetworkSpec files,
      BuildOptions options,
      Network network,
      Lazy<RateTables> rates,
      Supplier<LaneSwitches> lanes,
      Supplier<Corridors> corridors,
      Supplier<SeasonalRisks> risks,
      Supplier<Episodes> episodes,
      Supplier<ExpectedWaits> waits,
      List<Path> overlays) {
    this.overlays = List.copyOf(overlays);
    this.files = files;
    this.options = options;
    // Read once: the scenario loader asks for the labels on every load, the CRM view for the
    // options and the lanes in force.
    this.lanes = new Lazy<>(lanes);
    this.corridors = new Lazy<>(corridors);
    this.risks = new Lazy<>(risks);
    this.episodes = new Lazy<>(episodes);
    this.network = network;
    if (options.includePlanned()) {
      this.withPlanned = this;
    }
    this.places = new PlaceIndex(network);
    this.rates = rates;
    this.waits = new Lazy<>(waits);
    this.networkEmissions = new Lazy<>(() -> new NetworkEmissions(network, EMISSIONS.get()));
    this.router = new Lazy<>(() -> newRouter(this.waits.get()));
    this.nominal =
        new Lazy<>(
            () ->
                this.waits.get() == ExpectedWaits.NONE
                    ? router.get()
                    : newRouter(ExpectedWaits.NONE));
    this.planner =
        new Lazy<>(
            () ->
                new Planner(
                    network,
                    places,
                    router.get(),
                    COUNTRIES.get(),
                    EMISSIONS.get(),
                    networkEmissions.get(),
                    lanes.get(),
                    this.episodes.get(),
                    corridors.get()));
  }

  /**
   * A network of its own (tests, fixtures) with its own rate tables ({@link RateTables#none()} for
   * none), without the default corridors and closure risks (they name the default network's nodes).
   */
  static Caravan of(Network network, RateTables rates) {
    return new Caravan(
        network.spec(),
        BuildOptions.DEFAULT,
        network,
        new Lazy<>(() -> rates),
        () -> LaneSwitches.NONE,
        () -> Corridors.NONE,
        () -> SeasonalRisks.NONE,
        () -> Episodes.NONE,
        () -> ExpectedWaits.NONE,
        List.of());
  }

  /** A router on this network with its default data, charging {@code waits} on top. */
  private Router newRouter(ExpectedWaits waits) {
    return new Router(
        network,
        networkEmissions.get(),
        TableCargoRules.loadDefault(),
        SeaLanes.load(),
        options(waits));
  }

  private Router.Options options(ExpectedWaits waits) {
    return Router.Options.NONE
        .withCorridors(corridors.get(), risks.get())
        .withRates(rates.get())
        .withWaits(waits)
        .withEpisodes(episodes.get());
  }

  /**
   * The options {@link #router} runs with (corridors, closure risks, dated rate tables and
   * episodes, the simulated waits), for a router of its own on this network: the CRM risk view
   * closes elements with its own cargo rules yet must time and price a route as {@code caravan
   * route} does.
   */
  public Router.Options routerOptions() {
    return options(waits.get());
  }

  /**
   * The dated sea-lane switches in force for a departure (the Red Sea diversion), as the planner
   * applies them ({@link Planner#inForce}).
   */
  public List<LaneSwitches.Switch> laneSwitches(long departure_s) {
    return Planner.inForce(lanes.get(), departure_s);
  }

  /** The same without the simulated waits, as {@link #nominalRouter} runs. */
  public Router.Options nominalRouterOptions() {
    return options(ExpectedWaits.NONE);
  }

  /**
   * Dated border congestions and closures (data/network/episodes.csv; none for a network of its
   * own), as the router and the simulation apply them.
   */
  public Episodes episodes() {
    return episodes.get();
  }

  /**
   * Corridor membership and labels (data/network/corridors.csv; none for a network of its own), as
   * the router uses them.
   */
  public Corridors corridors() {
    return corridors.get();
  }

  /** Dated rate tables (data/network/rate-tables.csv and rates.csv). */
  public RateTables rates() {
    return rates.get();
  }

  /** Country polygons (Natural Earth), for access legs to and from coordinates. */
  public Countries countries() {
    return COUNTRIES.get();
  }

  /** The network as GeoJSON, sea links along their marnet lanes: the map layer. */
  public ObjectNode networkGeoJson() {
    int[] forward = new int[network.spec().links().size()];
    for (int l = 0; l < network.linkCount(); l++) {
      if (!network.isReverse(l)) {
        forward[network.linkRow(l)] = l;
      }
    }
    Router r = router.get();
    return GeoJson.export(network, row -> r.laneGeometry(forward[row]));
  }

  /** The ISO 14083 calculator with the default factors. */
  public EmissionCalculator emissions() {
    return EMISSIONS.get();
  }

  /** Per-link and per-hub CO2e of this network (WTT, TTW, ranges), as routing charges it. */
  public NetworkEmissions networkEmissions() {
    return networkEmissions.get();
  }

  /**
   * The route search on this network, with the default emission model, cargo rules and sea lanes.
   */
  public Router router() {
    return router.get();
  }

  /**
   * The router on the network's own times and timetables, without the simulated waits: the
   * simulation assigns its flows with it (the waits are what the simulation itself produces), so
   * the wait table is a function of the scenario alone and the assignment cannot flip-flop between
   * runs.
   */
  public Router nominalRouter() {
    return nominal.get();
  }

  /**
   * The same network with other expected waits for the router (the validation, the calibration and
   * the generation of {@code data/validation/waits.csv} use it).
   */
  public Caravan withWaits(ExpectedWaits waits) {
    return new Caravan(
        files, options, network, rates, lanes, corridors, risks, episodes, () -> waits, overlays);
  }

  /** Route planning on this network. */
  public Planner planner() {
    return planner.get();
  }

  /**
   * Loads the built-in network with the given overlays applied in order; an overlay's {@code
   * episodes.csv} adds dated border closures and congestions (a what-if closure) to the default
   * ones.
   *
   * @throws org.caravan.network.NetworkException when a file has problems
   */
  public static Caravan open(List<Path> overlays) {
    Caravan c = new Caravan(NetworkFiles.readDefaultWith(overlays), BuildOptions.DEFAULT, overlays);
    c.episodes(); // read now: a bad episodes.csv is an error of the command that named it
    return c;
  }

  /**
   * The same files compiled with their planned nodes and links (built once, on first use, then
   * kept): what {@code --include-planned} and {@code include_planned} route on, and what place
   * search looks in.
   */
  public Caravan withPlanned() {
    synchronized (plannedLock) {
      if (withPlanned == null) {
        withPlanned = new Caravan(files, BuildOptions.WITH_PLANNED, overlays);
      }
      return withPlanned;
    }
  }

  /**
   * The same files compiled with the planned links named (and the planned nodes at their ends), the
   * others left out, built once per set: the network of a scenario's {@code
   * network.include_planned} (docs/SIMULATION.md), e.g. a study variant that adds one project. An
   * empty set gives today's network. Ids must be planned links of {@link #files()}.
   */
  public Caravan withPlannedLinks(Set<String> links) {
    if (base != this) {
      return base.withPlannedLinks(links);
    }
    if (links.isEmpty()) {
      return this;
    }
    synchronized (plannedLock) {
      return withPlannedLinks.computeIfAbsent(
          Set.copyOf(links),
          k -> {
            Caravan c = new Caravan(files.operationalWith(k), BuildOptions.WITH_PLANNED, overlays);
            c.base = this;
            c.plannedLinks = k;
            return c;
          });
    }
  }

  /** The planned links this network was built with by {@link #withPlannedLinks}; else empty. */
  public Set<String> plannedLinks() {
    return plannedLinks;
  }

  /** Whether both were compiled from the same files (one may add planned links to the other). */
  public boolean sameFilesAs(Caravan other) {
    return base == other.base;
  }

  /** This Caravan, or {@link #withPlanned()} when planned infrastructure is asked for. */
  public Caravan including(boolean planned) {
    return planned ? withPlanned() : this;
  }

  /**
   * The network files as read (default plus overlays), planned elements included: what {@code
   * network info} counts.
   */
  public NetworkSpec files() {
    return files;
  }

  /** The built-in network, loaded once per process and shared (it is immutable). */
  public static Caravan openDefault() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final Caravan INSTANCE = open(List.of());
  }

  /**
   * The built-in network plus the critical-raw-materials overlay (chartered class-7 legs, St
   * Petersburg: data/crm/network), loaded once per process: what the CRM risk view and the
   * simulation's CRM demand layer route on.
   */
  public static Caravan openCrm() {
    return CrmHolder.INSTANCE;
  }

  private static final class CrmHolder {
    static final Caravan INSTANCE = new Caravan(CrmNetwork.spec(), BuildOptions.DEFAULT);
  }

  public Network network() {
    return network;
  }

  public PlaceIndex places() {
    return places;
  }

  /**
   * The node a user means by a name, alias or UN/LOCODE.
   *
   * @throws UserException naming the closest places when nothing matches exactly
   */
  public int resolvePlace(String field, String query) {
    return Planner.resolvePlace(places, field, query);
  }
}
