package org.caravan.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.caravan.network.Citation;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.network.NodeSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.Status;
import org.caravan.routing.EmissionModel;

/**
 * A generated rail-like graph for benchmarks (never for unit tests: at 10^6 nodes it takes seconds
 * and gigabytes).
 *
 * <p>A perturbed grid of {@code rows x cols} junctions, 0.05° apart north–south and 0.08° east–west
 * with a jitter of ±30 % of the spacing, from 10° N, 30° E. Every east–west neighbour pair is
 * joined (long trunk lines); a north–south pair is joined with probability 1/4, and always in
 * column 0 so the graph is connected. Every edge is a two-way link row, so the directed network has
 * about 2.5 links per node (1.25 rows per node). Edge attributes, all integers and drawn from one
 * seeded {@link SplittableRandom}:
 *
 * <ul>
 *   <li>{@code metres}: the equirectangular distance between the ends times a winding factor in
 *       [1.05, 1.35);
 *   <li>{@code seconds}: metres at a line speed in [40, 120) km/h, at least 1 s;
 *   <li>{@code tariffCents}: per TEU, 0.4–2.4 USD per km, higher on faster lines (so time and cost
 *       conflict);
 *   <li>{@code electrified}: with probability 1/2; {@link #emissions} charges 8 g CO2e per tonne-km
 *       on electric and 22 g on diesel lines (so CO2e conflicts with both).
 * </ul>
 *
 * Same {@code (rows, cols, seed)}, same graph, on every machine.
 */
public final class RailGraph {
  public final int rows;
  public final int cols;
  public final int nodeCount;
  public final double[] lat;
  public final double[] lon;

  /** Undirected edges (each becomes link rows {@code 2e} and {@code 2e+1} in the network). */
  public final int edgeCount;

  public final int[] edgeA;
  public final int[] edgeB;
  public final int[] metres;
  public final int[] seconds;
  public final int[] tariffCents;
  public final boolean[] electrified;

  private RailGraph(int rows, int cols, long seed) {
    this.rows = rows;
    this.cols = cols;
    this.nodeCount = rows * cols;
    SplittableRandom rnd = new SplittableRandom(seed);
    lat = new double[nodeCount];
    lon = new double[nodeCount];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int v = r * cols + c;
        lat[v] = 10 + 0.05 * r + 0.05 * 0.3 * (2 * rnd.nextDouble() - 1);
        lon[v] = 30 + 0.08 * c + 0.08 * 0.3 * (2 * rnd.nextDouble() - 1);
      }
    }
    int cap = rows * (cols - 1) + (rows - 1) * cols;
    int[] a = new int[cap];
    int[] b = new int[cap];
    int m = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int v = r * cols + c;
        if (c + 1 < cols) {
          a[m] = v;
          b[m++] = v + 1;
        }
        if (r + 1 < rows && (c == 0 || rnd.nextInt(4) == 0)) {
          a[m] = v;
          b[m++] = v + cols;
        }
      }
    }
    edgeCount = m;
    edgeA = java.util.Arrays.copyOf(a, m);
    edgeB = java.util.Arrays.copyOf(b, m);
    metres = new int[m];
    seconds = new int[m];
    tariffCents = new int[m];
    electrified = new boolean[m];
    for (int e = 0; e < m; e++) {
      int x = edgeA[e];
      int y = edgeB[e];
      double meanLat = Math.toRadians((lat[x] + lat[y]) / 2);
      double dx = (lon[y] - lon[x]) * Math.cos(meanLat) * 111_320;
      double dy = (lat[y] - lat[x]) * 110_574;
      int d = (int) Math.round(Math.hypot(dx, dy) * (1.05 + 0.3 * rnd.nextDouble()));
      double kph = 40 + 80 * rnd.nextDouble();
      metres[e] = Math.max(1, d);
      seconds[e] = (int) Math.max(1, Math.round(metres[e] / (kph / 3.6)));
      double usdPerKm = 0.4 + 2.0 * ((kph - 40) / 80) * (0.5 + 0.5 * rnd.nextDouble());
      tariffCents[e] = (int) Math.round(metres[e] / 1000.0 * usdPerKm * 100);
      electrified[e] = rnd.nextBoolean();
    }
  }

  /** A grid of about {@code nodes} junctions (the nearest square). */
  public static RailGraph generate(int nodes, long seed) {
    int side = (int) Math.round(Math.sqrt(nodes));
    return new RailGraph(side, side, seed);
  }

  public static String nodeId(int v) {
    return "N-" + v;
  }

  /**
   * The graph as network rows. Every numeric value cites {@code EST} (a generated graph is an
   * estimate); the same {@code Map}/{@code List} instances are shared by all rows to keep the
   * million records small.
   */
  public NetworkSpec toSpec() {
    SourceSpec est =
        new SourceSpec(
            SourceSpec.ESTIMATE, "Generated benchmark graph", "Caravan", "2026", "", "Apache-2.0");
    Map<String, String> src = Map.of("", SourceSpec.ESTIMATE);
    List<String> kz = List.of("KZ");
    String[] ids = new String[nodeCount];
    List<NodeSpec> nodes = new ArrayList<>(nodeCount);
    for (int v = 0; v < nodeCount; v++) {
      ids[v] = nodeId(v);
      nodes.add(
          new NodeSpec(
              ids[v],
              ids[v],
              List.of(),
              NodeKind.CITY,
              "KZ",
              lat[v],
              lon[v],
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Status.OPERATIONAL,
              0,
              "",
              new Citation(src, "")));
    }
    List<LinkSpec> links = new ArrayList<>(edgeCount);
    for (int e = 0; e < edgeCount; e++) {
      links.add(
          new LinkSpec(
              "e" + e,
              ids[edgeA[e]],
              ids[edgeB[e]],
              Mode.RAIL,
              false,
              1520,
              electrified[e],
              "",
              "",
              metres[e] / 1000.0,
              seconds[e] / 3600.0,
              Double.NaN,
              tariffCents[e] / 100.0,
              Double.NaN,
              kz,
              List.of(),
              "rail-diesel",
              "",
              Status.OPERATIONAL,
              0,
              "",
              new Citation(src, "")));
    }
    return new NetworkSpec(List.of(est), nodes, links, List.of(), List.of(), Map.of());
  }

  /**
   * Builds (and validates) the network; link {@code 2e} runs a→b and {@code 2e+1} b→a of edge
   * {@code e}.
   */
  public Network toNetwork() {
    Network net = Network.build(toSpec());
    // the fixed-point round trip must be exact, or the peers would not see the same weights
    for (int e = 0; e < edgeCount; e += Math.max(1, edgeCount / 1000)) {
      if (net.duration_s(2 * e) != seconds[e]
          || net.duration_s(2 * e + 1) != seconds[e]
          || net.distance_m(2 * e) != metres[e]
          || net.linkFrom(2 * e) != edgeA[e]
          || net.linkTo(2 * e) != edgeB[e]) {
        throw new IllegalStateException(
            "network link " + 2 * e + " differs from generated edge " + e);
      }
    }
    return net;
  }

  /**
   * CO2e per tonne-km: 8 g on electrified lines, 22 g on diesel; per link of a network built by
   * {@link #toNetwork}.
   */
  public EmissionModel emissions() {
    return EmissionModel.perTonneKm((network, link) -> electrified[link >>> 1] ? 8 : 22, 0);
  }
}
