package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caravan.network.Citation;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.network.NodeSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.Status;
import org.junit.jupiter.api.Test;

/**
 * {@link Dijkstra} against two oracles on random networks: a plain textbook Dijkstra on {@link
 * java.util.PriorityQueue}, and the {@link Router} in {@link Objective#TIME} mode on networks
 * without schedules, dwell, handling or transfers (where its transit time is the sum of link
 * durations). Weights must be equal; paths may differ between equal-weight alternatives, so a path
 * is checked only for being a connected walk from origin to target whose weight is the reported
 * one.
 */
class DijkstraTest {

  /**
   * A strongly connected random network (a directed cycle through every node plus random links).
   */
  static Network randomNetwork(int n, int extra, int maxWeight, long seed, boolean twoWay) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(
          new NodeSpec(
              "N" + i,
              "N" + i,
              List.of(),
              NodeKind.CITY,
              "KZ",
              40 + rnd.nextDouble(),
              60 + rnd.nextDouble(),
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
              new Citation(Map.of("", SourceSpec.ESTIMATE), "")));
    }
    List<LinkSpec> links = new ArrayList<>();
    int[] perm = rnd.ints(0, Integer.MAX_VALUE).limit(n).toArray();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(perm[a], perm[b]));
    for (int i = 0; n > 1 && i < n; i++) {
      links.add(
          link(
              links.size(),
              order[i],
              order[(i + 1) % n],
              rnd,
              maxWeight,
              twoWay && rnd.nextBoolean()));
    }
    for (int k = 0; k < extra; k++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      if (a != b) {
        links.add(link(links.size(), a, b, rnd, maxWeight, twoWay && rnd.nextBoolean()));
      }
    }
    SourceSpec est =
        new SourceSpec(
            SourceSpec.ESTIMATE, "Caravan project estimate", "Caravan", "2026", "", "Apache-2.0");
    return Network.build(
        new NetworkSpec(List.of(est), nodes, links, List.of(), List.of(), Map.of()));
  }

  private static LinkSpec link(
      int id, int a, int b, SplittableRandom rnd, int maxWeight, boolean twoWay) {
    int seconds = 1 + rnd.nextInt(maxWeight);
    int metres = 1 + rnd.nextInt(maxWeight);
    return new LinkSpec(
        "l" + id,
        "N" + a,
        "N" + b,
        Mode.RAIL,
        !twoWay,
        1520,
        false,
        "",
        "",
        metres / 1000.0,
        seconds / 3600.0,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        List.of("KZ"),
        List.of(),
        "rail-diesel",
        "",
        Status.OPERATIONAL,
        0,
        "",
        new Citation(Map.of("", SourceSpec.ESTIMATE), ""));
  }

  /**
   * The textbook version: java.util.PriorityQueue of {distance, node}, no early exit; -1 when
   * unreachable.
   */
  static long reference(Network net, Dijkstra.Weight kind, int from, int to) {
    long[] dist = new long[net.nodeCount()];
    Arrays.fill(dist, Long.MAX_VALUE);
    dist[from] = 0;
    PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
    queue.add(new long[] {0, from});
    while (!queue.isEmpty()) {
      long[] e = queue.poll();
      int v = (int) e[1];
      if (e[0] > dist[v]) {
        continue;
      }
      for (int l = 0; l < net.linkCount(); l++) {
        if (net.linkFrom(l) == v) {
          long nd = e[0] + kind.of(net, l);
          int w = net.linkTo(l);
          if (nd < dist[w]) {
            dist[w] = nd;
            queue.add(new long[] {nd, w});
          }
        }
      }
    }
    return dist[to] == Long.MAX_VALUE ? -1 : dist[to];
  }

  private static void assertWalk(
      Network net, Dijkstra.Weight kind, int from, int to, Dijkstra.Path p) {
    int v = from;
    long sum = 0;
    for (int l : p.links()) {
      assertThat(net.linkFrom(l)).isEqualTo(v);
      sum += kind.of(net, l);
      v = net.linkTo(l);
    }
    assertThat(v).isEqualTo(to);
    assertThat(sum).isEqualTo(p.weight());
  }

  @Property(tries = 150)
  void matchesPlainDijkstra(
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 150) int extra,
      @ForAll @IntRange(min = 1, max = 100_000) int maxWeight,
      @ForAll long seed) {
    Network net = randomNetwork(n, extra, maxWeight, seed, true);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (Dijkstra.Weight kind : Dijkstra.Weight.values()) {
      Dijkstra dijkstra =
          new Dijkstra(net, kind); // reused: every query after the first checks the reset
      for (int q = 0; q < 20; q++) {
        int from = rnd.nextInt(n);
        int to = rnd.nextInt(n);
        long expected = reference(net, kind, from, to);
        Optional<Dijkstra.Path> p = dijkstra.route(from, to);
        assertThat(p).isPresent();
        assertThat(p.get().weight()).isEqualTo(expected);
        assertWalk(net, kind, from, to, p.get());
        assertThat(dijkstra.weight(from, to)).isEqualTo(expected);
      }
    }
  }

  @Property(tries = 100)
  void matchesRouterByTime(
      @ForAll @IntRange(min = 2, max = 30) int n,
      @ForAll @IntRange(min = 0, max = 100) int extra,
      @ForAll @IntRange(min = 1, max = 100_000) int maxWeight,
      @ForAll long seed) {
    Network net = randomNetwork(n, extra, maxWeight, seed, true);
    Router router =
        new Router(
            net, EmissionModel.NONE, CargoRules.NONE, SeaLaneOverrides.NONE, Router.Options.NONE);
    Dijkstra dijkstra = new Dijkstra(net, Dijkstra.Weight.DURATION_S);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int q = 0; q < 10; q++) {
      int from = rnd.nextInt(n);
      int to = rnd.nextInt(n - 1);
      to = to >= from ? to + 1 : to; // the router answers nothing for from == to
      RouteResponse r =
          router.route(RouteRequest.of(from, to, 1_700_000_000L).withObjective(Objective.TIME, 1));
      assertThat(r.routes()).hasSize(1);
      Route best = r.routes().getFirst();
      long routerSeconds = best.arrival_s() - best.departure_s();
      assertThat(dijkstra.route(from, to).orElseThrow().weight()).isEqualTo(routerSeconds);
    }
  }

  @Test
  void originIsTarget() {
    Network net = randomNetwork(5, 5, 100, 7, false);
    Dijkstra.Path p = new Dijkstra(net, Dijkstra.Weight.DURATION_S).route(3, 3).orElseThrow();
    assertThat(p.weight()).isZero();
    assertThat(p.links()).isEmpty();
  }

  @Test
  void oneWayCycleGoesRoundTheLongWay() {
    // N0 -> N1 -> N2 -> N0 with 1 h each: N1 to N0 must go through N2
    Network net = randomNetwork(3, 0, 1, 1, false);
    Dijkstra d = new Dijkstra(net, Dijkstra.Weight.DURATION_S);
    int a = -1;
    for (int l = 0; l < net.linkCount(); l++) {
      if (net.linkTo(l) == 0) {
        a = net.linkFrom(l);
      }
    }
    int start = net.linkTo(net.outLink(net.firstOut(0)));
    assertThat(d.route(start, 0).orElseThrow().links()).hasSize(2);
    assertThat(d.route(a, 0).orElseThrow().links()).hasSize(1);
  }
}
