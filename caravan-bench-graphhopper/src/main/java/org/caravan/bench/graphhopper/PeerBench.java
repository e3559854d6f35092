package org.caravan.bench.graphhopper;

import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeIteratorState;
import java.time.Instant;
import org.caravan.bench.routing.JGraphTPeer;
import org.caravan.bench.routing.RailGraph;
import org.caravan.bench.routing.Stats;
import org.caravan.network.Network;

/**
 * Single-criterion shortest paths on the generated rail graph: Caravan's {@link
 * org.caravan.routing.Dijkstra}, JGraphT's {@code DijkstraShortestPath} and GraphHopper 11's plain
 * {@link Dijkstra} (no CH, no A*), on the same nodes, edges and travel seconds, the same random
 * pairs, in one JVM. A first round checks that all three return the same weights (and warms the
 * JIT); each timed round then runs the three engines over all pairs in a rotating order. All three
 * build the path, not just the weight.
 *
 * <p>Usage: {@code PeerBench [NODES [QUERIES [ROUNDS [SEED]]]]} (defaults 1000000 20 5 42).
 */
public final class PeerBench {
  /**
   * GraphHopper weighting equal to ours: the generated travel seconds of the edge, both directions.
   */
  static final class SecondsWeighting implements Weighting {
    private final int[] seconds;

    SecondsWeighting(int[] seconds) {
      this.seconds = seconds;
    }

    @Override
    public double calcMinWeightPerDistance() {
      return 0; // only used by A* and landmarks, not by Dijkstra
    }

    @Override
    public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
      return seconds[edge.getEdge()];
    }

    @Override
    public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
      return seconds[edge.getEdge()] * 1000L;
    }

    @Override
    public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
      return 0;
    }

    @Override
    public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
      return 0;
    }

    @Override
    public boolean hasTurnCosts() {
      return false;
    }

    @Override
    public String getName() {
      return "seconds";
    }
  }

  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    System.out.println("# " + Stats.machine() + " date=" + Instant.now());

    long t0 = System.nanoTime();
    RailGraph g = RailGraph.generate(nodes, seed);
    long t1 = System.nanoTime();
    Network net = g.toNetwork();
    long t2 = System.nanoTime();
    JGraphTPeer jgrapht = new JGraphTPeer(g);
    long t3 = System.nanoTime();
    BaseGraph gh = new BaseGraph.Builder(4).create();
    NodeAccess na = gh.getNodeAccess();
    for (int v = 0; v < g.nodeCount; v++) {
      na.setNode(v, g.lat[v], g.lon[v]);
    }
    for (int e = 0; e < g.edgeCount; e++) {
      EdgeIteratorState edge = gh.edge(g.edgeA[e], g.edgeB[e]).setDistance(g.metres[e]);
      if (edge.getEdge() != e) {
        throw new IllegalStateException("GraphHopper edge id " + edge.getEdge() + " != " + e);
      }
    }
    gh.freeze();
    Weighting weighting = new SecondsWeighting(g.seconds);
    long t4 = System.nanoTime();
    System.out.printf(
        "graph nodes=%d edges=%d directed_links=%d | build_s generate=%s caravan_network=%s jgrapht=%s graphhopper=%s%n",
        g.nodeCount,
        g.edgeCount,
        net.linkCount(),
        Stats.fmt((t1 - t0) / 1e9),
        Stats.fmt((t2 - t1) / 1e9),
        Stats.fmt((t3 - t2) / 1e9),
        Stats.fmt((t4 - t3) / 1e9));

    org.caravan.routing.Dijkstra caravan =
        new org.caravan.routing.Dijkstra(net, org.caravan.routing.Dijkstra.Weight.DURATION_S);
    int[][] pairs = Stats.pairs(g.nodeCount, queries, seed + 1);
    String[] names = {"caravan", "jgrapht", "graphhopper"};
    double[][] ms = new double[3][rounds];
    long[][] weights = new long[3][queries];
    long visited = 0;
    for (int round = -1; round < rounds; round++) {
      for (int k = 0; k < 3; k++) {
        int engine = Math.floorMod(round + k, 3);
        long s = System.nanoTime();
        for (int i = 0; i < queries; i++) {
          int from = pairs[i][0];
          int to = pairs[i][1];
          long w =
              switch (engine) {
                case 0 ->
                    caravan
                        .route(from, to)
                        .map(org.caravan.routing.Dijkstra.Path::weight)
                        .orElse(-1L);
                case 1 -> jgrapht.route(from, to);
                default -> {
                  Dijkstra d = new Dijkstra(gh, weighting, TraversalMode.NODE_BASED);
                  Path p = d.calcPath(from, to);
                  if (round < 0) {
                    visited += d.getVisitedNodes();
                  }
                  yield p.isFound() ? Math.round(p.getWeight()) : -1;
                }
              };
          if (round < 0) {
            weights[engine][i] = w;
          }
        }
        long e = System.nanoTime();
        if (round >= 0) {
          ms[engine][round] = (e - s) / 1e6 / queries;
        }
      }
      if (round < 0) {
        for (int i = 0; i < queries; i++) {
          if (weights[0][i] != weights[1][i] || weights[0][i] != weights[2][i]) {
            throw new IllegalStateException(
                "weights differ for pair "
                    + i
                    + ": caravan="
                    + weights[0][i]
                    + " jgrapht="
                    + weights[1][i]
                    + " graphhopper="
                    + weights[2][i]);
          }
        }
        System.out.printf(
            "check: %d pairs, all three engines return the same weights (mean %s s); graphhopper visited %d nodes per query%n",
            queries,
            Stats.fmt(java.util.Arrays.stream(weights[0]).average().orElse(0)),
            visited / queries);
      } else {
        System.out.printf(
            "round %d: ms_per_query caravan=%s jgrapht=%s graphhopper=%s%n",
            round, Stats.fmt(ms[0][round]), Stats.fmt(ms[1][round]), Stats.fmt(ms[2][round]));
      }
    }
    double c = Stats.median(ms[0]);
    double j = Stats.median(ms[1]);
    double h = Stats.median(ms[2]);
    System.out.printf(
        "median ms_per_query: %s=%s %s=%s %s=%s | speed-up of caravan: vs jgrapht=%sx vs graphhopper=%sx%n",
        names[0],
        Stats.fmt(c),
        names[1],
        Stats.fmt(j),
        names[2],
        Stats.fmt(h),
        Stats.fmt(j / c),
        Stats.fmt(h / c));
    // per-round ratios, so a noisy neighbour shows as spread rather than as a shift
    double[] rj = new double[rounds];
    double[] rh = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      rj[r] = ms[1][r] / ms[0][r];
      rh[r] = ms[2][r] / ms[0][r];
    }
    System.out.printf(
        "median of per-round ratios: jgrapht/caravan=%s graphhopper/caravan=%s%n",
        Stats.fmt(Stats.median(rj)), Stats.fmt(Stats.median(rh)));
  }
}
