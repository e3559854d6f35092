package org.caravan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caravan.network.Network;
import org.caravan.network.NetworkSummary;
import org.caravan.network.io.NetworkWriter;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;

/** Network inspection, validation and export. Thread-safe. */
public final class NetworkService {
  /**
   * Counts of the network, as {@code caravan network info --json} and {@code /api/network/summary} show them.
   *
   * @param links link rows of the files; {@code directedLinks} counts both directions
   * @param estimatedValues values marked as project estimates (EST); {@code citedValues} those with a source
   */
  public record Overview(int nodes, int links, int directedLinks, int countries, int transfers, int services,
      int sources, Map<String, Integer> nodesByKind, Map<String, Integer> linksByMode,
      Map<String, Double> linkKmByMode, Map<String, Integer> nodesByCountry, int estimatedValues, int citedValues) {

    static Overview of(NetworkSummary s) {
      return new Overview(s.nodes(), s.links(), s.directedLinks(), s.countries(), s.transfers(), s.services(),
          s.sources(), s.nodesByKind(), s.linksByMode(), s.linkKmByMode(), s.nodesByCountry(), s.estimatedValues(),
          s.citedValues());
    }
  }

  /** What a validated network holds: nodes, link rows, transfers and services of its files. */
  public record Validated(int nodes, int linkRows, int transfers, int services) {}

  private final Caravan caravan;
  private final Overview overview;

  NetworkService(Caravan caravan) {
    this.caravan = caravan;
    this.overview = Overview.of(NetworkSummary.of(caravan.network()));
  }

  /** Counts of nodes by kind and country, links by mode. */
  public Overview overview() {
    return overview;
  }

  /** The network as GeoJSON, sea links along their marnet lanes: the map layer. */
  public ObjectNode geoJson() {
    return caravan.networkGeoJson();
  }

  /**
   * Writes the network as the five network CSV files into {@code dir}.
   *
   * @throws IOException when the folder cannot be written
   */
  public void exportCsv(Path dir) throws IOException {
    NetworkWriter.write(caravan.network().spec(), dir);
  }

  /**
   * Loads the built-in network with {@code overlays} applied and checks it.
   *
   * @throws UserException listing every problem with file, line and field
   */
  public static Validated validate(List<Path> overlays) {
    Network n = CaravanApp.load(overlays).network();
    return new Validated(n.nodeCount(), n.spec().links().size(), n.spec().transfers().size(),
        n.spec().services().size());
  }
}
