package org.caravan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeSpec;
import org.caravan.network.Provenance;
import org.caravan.network.Status;
import org.caravan.network.io.NetworkWriter;
import org.caravan.network.io.SafeOutput;
import org.caravan.network.io.TextFiles;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.EstimateUsage;
import org.caravan.scenario.UserException;

/** Network inspection, validation and export. Thread-safe. */
public final class NetworkService {
  /**
   * Counts of the network files (planned rows included), as {@code caravan network info --json} and
   * {@code /api/network/summary} show them. Map keys are sorted, so the JSON form is stable.
   *
   * @param links link rows of the files (a two-way row counts once)
   * @param directedLinks links the router sees (a two-way row counts twice)
   * @param plannedNodes nodes with status planned (counted in {@code nodes}; left out of routing by
   *     default); {@code plannedLinks} likewise for links
   * @param provenance the values of the files in the four classes of {@link Provenance}
   */
  public record Overview(
      int nodes,
      int links,
      int directedLinks,
      int countries,
      int transfers,
      int services,
      int sources,
      Map<String, Integer> nodesByKind,
      Map<String, Integer> linksByMode,
      Map<String, Double> linkKmByMode,
      Map<String, Integer> nodesByCountry,
      int plannedNodes,
      int plannedLinks,
      ProvenanceCounts provenance) {

    /** Counts of a spec as written in the files, planned elements included. */
    static Overview of(NetworkSpec spec) {
      Map<String, Integer> byKind = new TreeMap<>();
      Map<String, Integer> byCountry = new TreeMap<>();
      for (NodeSpec n : spec.nodes()) {
        byKind.merge(n.kind().code(), 1, Integer::sum);
        byCountry.merge(n.country(), 1, Integer::sum);
      }
      Map<String, Integer> byMode = new TreeMap<>();
      Map<String, Double> kmByMode = new TreeMap<>();
      Set<String> countries = new TreeSet<>(byCountry.keySet());
      int directed = 0;
      for (LinkSpec l : spec.links()) {
        byMode.merge(l.mode().code(), 1, Integer::sum);
        kmByMode.merge(l.mode().code(), l.distance_km(), Double::sum);
        countries.addAll(l.countries());
        directed += l.directed() ? 1 : 2;
      }
      kmByMode.replaceAll((k, v) -> Math.round(v * 10) / 10.0);
      return new Overview(
          spec.nodes().size(),
          spec.links().size(),
          directed,
          countries.size(),
          spec.transfers().size(),
          spec.services().size(),
          spec.sources().size(),
          byKind,
          byMode,
          kmByMode,
          byCountry,
          (int) spec.nodes().stream().filter(n -> n.status() == Status.PLANNED).count(),
          (int) spec.links().stream().filter(l -> l.status() == Status.PLANNED).count(),
          ProvenanceCounts.of(spec));
    }
  }

  /**
   * The network's values by the source class {@link Provenance} gives each.
   *
   * @param publicationShare publications over the values that are not dataset values (0..1)
   * @param publicationShareExcludingCoordinates publications over the values that are neither
   *     coordinates nor dataset values (0..1): the measure of issue 9 ("publications ≥ 30 % of the
   *     values that are not coordinates or dataset distances")
   */
  public record ProvenanceCounts(
      int publication,
      int dataset,
      int estimateWithBasis,
      int bareEstimate,
      double publicationShare,
      double publicationShareExcludingCoordinates) {

    /** The four counts of a spec and the two shares, rounded to 0.001. */
    static ProvenanceCounts of(NetworkSpec spec) {
      int[] k = new int[Provenance.Kind.values().length];
      int[] other = new int[2]; // publications, non-dataset values: coordinates left out
      Provenance.forEach(
          spec,
          v -> {
            k[v.kind().ordinal()]++;
            if (v.kind() != Provenance.Kind.DATASET
                && !v.field().equals("lat")
                && !v.field().equals("lon")) {
              other[1]++;
              other[0] += v.kind() == Provenance.Kind.PUBLICATION ? 1 : 0;
            }
          });
      int publication = k[Provenance.Kind.PUBLICATION.ordinal()];
      int nonDataset =
          publication
              + k[Provenance.Kind.ESTIMATE.ordinal()]
              + k[Provenance.Kind.BARE_ESTIMATE.ordinal()];
      double share = nonDataset == 0 ? 0 : (double) publication / nonDataset;
      double shareNoCoords = other[1] == 0 ? 0 : (double) other[0] / other[1];
      return new ProvenanceCounts(
          publication,
          k[Provenance.Kind.DATASET.ordinal()],
          k[Provenance.Kind.ESTIMATE.ordinal()],
          k[Provenance.Kind.BARE_ESTIMATE.ordinal()],
          Math.round(share * 1000) / 1000.0,
          Math.round(shareNoCoords * 1000) / 1000.0);
    }
  }

  /** What a validated network holds: nodes, link rows, transfers and services of its files. */
  public record Validated(int nodes, int linkRows, int transfers, int services, int episodes) {}

  /** How many estimated values {@link #estimateUsage()} lists. */
  public static final int TOP_ESTIMATES = 20;

  private final Caravan caravan;
  private final Overview overview;
  private final Object usageLock = new Object();
  private EstimateUsage.Report usage;

  NetworkService(Caravan caravan) {
    this.caravan = caravan;
    this.overview = Overview.of(caravan.files());
  }

  /**
   * The estimated values that the most terminal-to-terminal routes of today's network read (routes
   * every pair, so it takes seconds; computed on first use, then kept).
   */
  public EstimateUsage.Report estimateUsage() {
    synchronized (usageLock) {
      if (usage == null) {
        usage = EstimateUsage.top(caravan.network(), caravan.router(), TOP_ESTIMATES);
      }
      return usage;
    }
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
   * Writes the network as the five network CSV files into {@code dir}, a new or empty folder or,
   * with {@code force}, a previous export (only its listed files are replaced; see {@link
   * SafeOutput}).
   *
   * @throws UserException (field {@code out}) when the folder cannot be used or written
   */
  public void exportCsv(Path dir, boolean force) {
    SafeOutput.Folder target;
    try {
      target = SafeOutput.folder(dir, force, "{out}");
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    try {
      NetworkWriter.write(caravan.files(), target.staging());
    } catch (IOException | RuntimeException e) {
      target.abort();
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "out",
          "{out} " + dir + ": cannot write (" + TextFiles.describe(e) + ")");
    }
    try {
      target.commit();
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
  }

  /**
   * Writes the map layer as GeoJSON text ({@code render} turns the document into text) into {@code
   * file}: a new file or, with {@code force}, an existing one. The target is checked before the
   * export and written through a hidden sibling renamed into place ({@link SafeOutput}).
   *
   * @throws UserException (field {@code out}) when the file cannot be used or written
   */
  public void exportGeoJson(Path file, boolean force, Function<ObjectNode, String> render) {
    SafeOutput.File target;
    try {
      target = SafeOutput.file(file, force, "{out}");
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    try {
      Files.writeString(target.staging(), render.apply(geoJson()));
    } catch (IOException | RuntimeException e) {
      target.abort();
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "out",
          "{out} " + file + ": cannot write (" + TextFiles.describe(e) + ")");
    }
    try {
      target.commit();
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
  }

  /**
   * Loads the built-in network with {@code overlays} applied and checks it.
   *
   * @throws UserException listing every problem with file, line and field
   */
  public static Validated validate(List<Path> overlays) {
    Caravan c = CaravanApp.load(overlays);
    Network n = c.network();
    return new Validated(
        n.nodeCount(),
        n.spec().links().size(),
        n.spec().transfers().size(),
        n.spec().services().size(),
        c.episodes().episodes().size());
  }
}
