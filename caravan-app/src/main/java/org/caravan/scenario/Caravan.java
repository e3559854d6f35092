package org.caravan.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.Corridors;
import org.caravan.network.Network;
import org.caravan.network.PlaceIndex;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.network.io.GeoJson;
import org.caravan.network.io.NetworkFiles;
import org.caravan.routing.Router;
import org.caravan.routing.SeasonalRisks;
import org.caravan.routing.SeaLanes;
import org.caravan.routing.TableCargoRules;

/**
 * The composition root: loads the network (default plus overlays) once and wires the services that answer
 * questions about it. Immutable after {@link #open}; safe to share between threads.
 */
public final class Caravan {
  private final Network network;
  private final PlaceIndex places;
  private final Router router;
  private final Planner planner;
  private final EmissionCalculator emissions;
  private final NetworkEmissions networkEmissions;

  private Caravan(Network network) {
    this.network = network;
    this.places = new PlaceIndex(network);
    this.emissions = EmissionCalculator.withDefaults();
    this.networkEmissions = new NetworkEmissions(network, emissions);
    this.router = new Router(network, networkEmissions, TableCargoRules.loadDefault(), SeaLanes.load(),
        Corridors.loadDefault(network), SeasonalRisks.loadDefault());
    this.planner = new Planner(network, places, router, networkEmissions);
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

  /** Per-link and per-hub CO2e of this network (WTT, TTW, ranges), as routing charges it. */
  public NetworkEmissions networkEmissions() {
    return networkEmissions;
  }

  /** The route search on this network, with the default emission model, cargo rules and sea lanes. */
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
    return new Caravan(Network.build(NetworkFiles.readDefaultWith(overlays)));
  }

  /** The built-in network, loaded once per process and shared (it is immutable). */
  public static Caravan openDefault() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final Caravan INSTANCE = open(List.of());
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
