package org.caravan.routing;

import java.util.Arrays;
import java.util.Optional;
import org.caravan.network.Network;
import org.caravan.network.heap.QuadHeap;

/**
 * Single-criterion shortest path between two nodes of a {@link Network}, by running time or by
 * distance of the links only (no schedules, dwell, transfers or constraints: for those use {@link
 * Router}).
 *
 * <p>Design. Dijkstra's algorithm [1]: nodes are settled in order of their distance from the
 * origin; the search stops as soon as the target is settled. The priority queue is a 4-ary min-heap
 * of (distance, node) pairs with lazy deletion: an improved node is pushed again and its stale
 * entries are skipped when popped, which needs no position index and keeps the key next to the node
 * in memory. The graph is the network's CSR out-adjacency; link weights are copied once into an
 * {@code int[]} so the inner loop reads three primitive arrays. Per-query state ({@code dist},
 * {@code predLink}) lives in primitive arrays sized to the network, allocated once and reset after
 * each query through the list of nodes the query touched, so a query costs what it explores, not
 * the size of the network. {@link #weight} allocates nothing; {@link #route} allocates only the
 * answer.
 *
 * <p>Weights are non-negative integers (seconds or metres, see {@link Weight}); sums are {@code
 * long}, so there is no overflow for any network that fits in memory.
 *
 * <p>Not thread-safe: use one instance per thread (the network itself is shared).
 *
 * <p>[1] E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische Mathematik 1
 * (1959) 269–271.
 */
public final class Dijkstra {
  /** Which link attribute is minimised. */
  public enum Weight {
    /** Typical running or sailing time, {@link Network#duration_s}, seconds. */
    DURATION_S,
    /** Length, {@link Network#distance_m}, metres. */
    DISTANCE_M;

    int of(Network network, int link) {
      return switch (this) {
        case DURATION_S -> network.duration_s(link);
        case DISTANCE_M -> network.distance_m(link);
      };
    }
  }

  /**
   * A shortest path.
   *
   * @param weight total weight, in the unit of the {@link Weight}
   * @param links the directed links from origin to target, in order (empty when origin is the
   *     target)
   */
  public record Path(long weight, int[] links) {}

  private static final long INF = Long.MAX_VALUE;

  private final Network network;
  private final Weight weightKind;
  private final int[] weight;

  // search state, reset through touched
  private final long[] dist;
  private final int[] predLink;
  private final int[] touched;
  private int touchedSize;

  // shared 4-ary heap with lazy deletion; ties by node id
  private final QuadHeap heap = new QuadHeap(1024);

  public Dijkstra(Network network, Weight weight) {
    this.network = network;
    this.weightKind = weight;
    int m = network.linkCount();
    this.weight = new int[m];
    for (int l = 0; l < m; l++) {
      this.weight[l] = weight.of(network, l);
      if (this.weight[l] < 0) {
        throw new IllegalArgumentException("negative weight on link " + l);
      }
    }
    int n = network.nodeCount();
    this.dist = new long[n];
    Arrays.fill(dist, INF);
    this.predLink = new int[n];
    Arrays.fill(predLink, -1);
    this.touched = new int[n];
  }

  public Network network() {
    return network;
  }

  public Weight weightKind() {
    return weightKind;
  }

  /**
   * The shortest path from {@code from} to {@code to}, or empty when {@code to} cannot be reached.
   */
  public Optional<Path> route(int from, int to) {
    long w = weight(from, to);
    if (w < 0) {
      return Optional.empty();
    }
    int count = 0;
    for (int v = to; v != from; v = network.linkFrom(predLink[v])) {
      count++;
    }
    int[] links = new int[count];
    for (int v = to, i = count - 1; v != from; v = network.linkFrom(predLink[v]), i--) {
      links[i] = predLink[v];
    }
    return Optional.of(new Path(w, links));
  }

  /**
   * The weight of the shortest path, or -1 when {@code to} cannot be reached. Allocates nothing.
   * Until the next query, the path can be read backwards through {@link #predecessorLink}.
   */
  public long weight(int from, int to) {
    reset();
    heap.clear();
    settle(from, 0, -1);
    heap.push(0, from, from);
    while (!heap.isEmpty()) {
      long d = heap.minKey();
      int v = heap.pop();
      if (d > dist[v]) {
        continue; // stale entry: v was improved after this one was pushed
      }
      if (v == to) {
        return d;
      }
      for (int i = network.firstOut(v), end = network.endOut(v); i < end; i++) {
        int l = network.outLink(i);
        int w = network.linkTo(l);
        long nd = d + weight[l];
        if (nd < dist[w]) {
          settle(w, nd, l);
          heap.push(nd, w, w);
        }
      }
    }
    return -1;
  }

  /**
   * The link by which the last query reached {@code node} on its best path, or -1 (origin, or not
   * reached).
   */
  public int predecessorLink(int node) {
    return predLink[node];
  }

  private void settle(int v, long d, int link) {
    if (dist[v] == INF) {
      touched[touchedSize++] = v;
    }
    dist[v] = d;
    predLink[v] = link;
  }

  private void reset() {
    for (int i = 0; i < touchedSize; i++) {
      int v = touched[i];
      dist[v] = INF;
      predLink[v] = -1;
    }
    touchedSize = 0;
  }
}
