package org.caravan.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.crm.CrmNetwork;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.network.BuildOptions;
import org.caravan.network.Corridors;
import org.caravan.network.Countries;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.PlaceIndex;
import org.caravan.network.RateTables;
import org.caravan.network.io.GeoJson;
import org.caravan.network.io.NetworkFiles;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLanes;
import org.caravan.routing.SeasonalRisks;
import org.caravan.routing.TableCargoRules;

/**
 * The composition root: loads the network (default plus overlays) once and wires the services that
 * answer questions about it. Immutable after {@link #open}; safe to share between threads.
 */
public final class Caravan {
  private final NetworkSpec files;
  private final Network network;
  private final PlaceIndex places;
  private final Router router;
  private final Planner planner;
  private final EmissionCalculator emissions;
  private final NetworkEmissions networkEmissions;
  private final RateTables rates;
  private final Countries countries;
  private final Object plannedLock = new Object();
  private Caravan withPlanned;

  private Caravan(NetworkSpec files, BuildOptions options) {
    this(files, options, Network.build(files, options));
  }

  private Caravan(NetworkSpec files, BuildOptions options, Network network) {
    this(
        files,
        options,
        network,
        RateTables.readDefault(network.spec()),
        Corridors.loadDefault(network),
        SeasonalRisks.loadDefault());
  }

  private Caravan(
      NetworkSpec files,
      BuildOptions options,
      Network network,
      RateTables rates,
      Corridors corridors,
      SeasonalRisks risks) {
    this.files = files;
    this.network = network;
    if (options.includePlanned()) {
      this.withPlanned = this;
    }
    this.places = new PlaceIndex(network);
    this.emissions = EmissionCalculator.withDefaults();
    this.rates = rates;
    this.countries = Countries.loadDefault();
    this.networkEmissions = new NetworkEmissions(network, emissions);
    this.router =
        new Router(
            network,
            networkEmissions,
            TableCargoRules.loadDefault(),
            SeaLanes.load(),
            corridors,
            risks,
            rates);
    this.planner = new Planner(network, places, router, countries, emissions, networkEmissions);
  }

  /**
   * A network of its own (tests, fixtures) with its own rate tables ({@link RateTables#none()} for
   * none), without the default corridors and closure risks (they name the default network's nodes).
   */
  static Caravan of(Network network, RateTables rates) {
    return new Caravan(
        network.spec(), BuildOptions.DEFAULT, network, rates, Corridors.NONE, SeasonalRisks.NONE);
  }

  /** Dated rate tables (data/network/rate-tables.csv and rates.csv). */
  public RateTables rates() {
    return rates;
  }

  /** Country polygons (Natural Earth), for access legs to and from coordinates. */
  public Countries countries() {
    return countries;
  }

  /** The network as GeoJSON, sea links along their marnet lanes: the map layer. */
  public ObjectNode networkGeoJson() {
    int[] forward = new int[network.spec().links().size()];
    for (int l = 0; l < network.linkCount(); l++) {
      if (!network.isReverse(l)) {
        forward[network.linkRow(l)] = l;
      }
    }
    return GeoJson.export(network, row -> router.laneGeometry(forward[row]));
  }

  /** The ISO 14083 calculator with the default factors. */
  public EmissionCalculator emissions() {
    return emissions;
  }

  /**
   * The default emission model (ISO 14083 factors per link and hub) for another network built from
   * the same files plus an overlay, such as the CRM network.
   */
  public EmissionModel emissionModel(Network other) {
    return new NetworkEmissions(other, emissions);
  }

  /** Per-link and per-hub CO2e of this network (WTT, TTW, ranges), as routing charges it. */
  public NetworkEmissions networkEmissions() {
    return networkEmissions;
  }

  /**
   * The route search on this network, with the default emission model, cargo rules and sea lanes.
   */
  public Router router() {
    return router;
  }

  /** Route planning on this network. */
  public Planner planner() {
    return planner;
  }

  /**
   * Loads the built-in network with the given overlays applied in order.
   *
   * @throws org.caravan.network.NetworkException when a file has problems
   */
  public static Caravan open(List<Path> overlays) {
    return new Caravan(NetworkFiles.readDefaultWith(overlays), BuildOptions.DEFAULT);
  }

  /**
   * The same files compiled with their planned nodes and links (built once, on first use, then
   * kept): what {@code --include-planned} and {@code include_planned} route on, and what place
   * search looks in.
   */
  public Caravan withPlanned() {
    synchronized (plannedLock) {
      if (withPlanned == null) {
        withPlanned = new Caravan(files, BuildOptions.WITH_PLANNED);
      }
      return withPlanned;
    }
  }

  /**
   * Hours added to a closed link's duration: a route over it is no route (see {@link #closing}).
   */
  public static final double CLOSED_LINK_H = 1_000_000;

  /**
   * The same files compiled anew with every link that touches a node of {@code closed} made {@link
   * #CLOSED_LINK_H} hours longer, optionally with planned elements: the network a closure leaves,
   * for routing under a study variant (docs/STUDIES.md, "Routes under each variant"). The links
   * stay (corridors and services name them, and every node must stay reachable); a route that still
   * uses one takes over a century and is no route.
   */
  public Caravan closing(Set<String> closed, boolean planned) {
    List<LinkSpec> links = new ArrayList<>();
    for (LinkSpec l : files.links()) {
      links.add(closed.contains(l.from()) || closed.contains(l.to()) ? shut(l) : l);
    }
    return new Caravan(
        new NetworkSpec(
            files.sources(),
            files.nodes(),
            links,
            files.transfers(),
            files.services(),
            files.origins()),
        planned ? BuildOptions.WITH_PLANNED : BuildOptions.DEFAULT);
  }

  private static LinkSpec shut(LinkSpec l) {
    return new LinkSpec(
        l.id(),
        l.from(),
        l.to(),
        l.mode(),
        l.directed(),
        l.gauge_mm(),
        l.electrified(),
        l.track(),
        l.ferryType(),
        l.distance_km(),
        l.duration_h() + CLOSED_LINK_H,
        l.duration_sd_h(),
        l.tariff_usd_teu(),
        l.capacity_teu_day(),
        l.countries(),
        l.passages(),
        l.toc(),
        l.service(),
        l.sources(),
        l.status(),
        l.openingYear(),
        l.range(),
        l.notes());
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
