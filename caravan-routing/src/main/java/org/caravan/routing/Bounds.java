package org.caravan.routing;

import java.util.Arrays;
import org.caravan.network.Network;
import org.caravan.network.heap.QuadHeap;

/**
 * Lower bounds, per node, on what is still to come before the target: one backward Dijkstra per
 * criterion over the allowed links, ignoring waits, dwell and transfers (all non-negative), so each
 * bound is admissible. Nodes that cannot reach the target get {@link #UNREACHABLE}.
 */
final class Bounds {
  static final long UNREACHABLE = Long.MAX_VALUE / 4;

  private Bounds() {}

  static void reverse(
      QueryContext ctx, int origin, int target, long[] time, long[] cost, long[] co2, long[] var) {
    Network net = ctx.network;
    backward(ctx, target, time, l -> ctx.duration_s(l), origin);
    backward(ctx, target, cost, ctx::linkCost_cents, origin);
    backward(ctx, target, co2, l -> ctx.linkCo2e_g[l], origin);
    backward(ctx, target, var, l -> (long) net.durationSd_s(l) * net.durationSd_s(l), origin);
  }

  /**
   * The search stops at this multiple of the origin's distance; farther nodes get that as their
   * bound. 1 (stop right after the origin) was fastest on the 10^6-node benchmark graph: 0.89 s
   * against 0.98 s for 2 and 1.10 s for 3 per capped Pareto query (docs/BENCHMARKS.md, Routing).
   */
  static final int HORIZON_FACTOR = 1;

  /** Complete backward distances to the target (no early stop). */
  static void backward(QueryContext ctx, int target, long[] dist, Weight w) {
    backward(ctx, target, dist, w, -1);
  }

  interface Weight {
    long of(int link);
  }

  /**
   * Plain Dijkstra on reverse links with the shared 4-ary heap ({@link QuadHeap}, ties by node id)
   * of (distance, node) entries and lazy deletion. With an origin, it stops once the next key
   * exceeds {@link #HORIZON_FACTOR} times the origin's distance: every node not settled by then is
   * at least that far, so that value is still a valid (weaker) bound for it, and a search between
   * two points of a large network does not pay for a backward search over all of it.
   */
  static void backward(QueryContext ctx, int target, long[] dist, Weight w, int origin) {
    Network net = ctx.network;
    Arrays.fill(dist, UNREACHABLE);
    QuadHeap heap = new QuadHeap(16);
    dist[target] = 0;
    heap.push(0, target, target);
    long horizon = Long.MAX_VALUE;
    while (!heap.isEmpty()) {
      long d = heap.minKey();
      if (d > horizon) {
        for (int u = 0; u < dist.length; u++) {
          if (dist[u] > horizon) {
            dist[u] = horizon; // not settled: at least this far (a lower bound, not "unreachable")
          }
        }
        return;
      }
      int v = heap.pop();
      if (d > dist[v]) {
        continue;
      }
      if (v == origin) {
        horizon =
            d > Long.MAX_VALUE / (2 * HORIZON_FACTOR)
                ? Long.MAX_VALUE
                : Math.max(d * HORIZON_FACTOR, d + 1);
      }
      for (int k = net.firstIn(v), end = net.endIn(v); k < end; k++) {
        int l = net.inLink(k);
        if (!ctx.allowed(l)) {
          continue;
        }
        int u = net.linkFrom(l);
        long nd = d + w.of(l);
        if (nd < dist[u]) {
          dist[u] = nd;
          heap.push(nd, u, u);
        }
      }
    }
  }
}
