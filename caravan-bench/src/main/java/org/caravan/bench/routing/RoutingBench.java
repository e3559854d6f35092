package org.caravan.bench.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.caravan.network.Corridors;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.routing.CargoRules;
import org.caravan.routing.Dijkstra;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLaneOverrides;
import org.caravan.routing.SeasonalRisks;
import org.caravan.scenario.Caravan;

/**
 * Routing benchmark command (plain {@code main}, not JMH; see {@code bench/routing-bench.sh}).
 *
 * <pre>
 * RoutingBench default [PASSES [WARMUP_PASSES [PARETO_LABEL_CAP]]]
 *     all ordered pairs of terminals and ports of the default network: per-query latency (HdrHistogram p50/p99)
 *     of the router's Pareto (with the given label cap, 0 = exact) and time queries and of Dijkstra, and the
 *     OD-matrix wall time per pass
 * RoutingBench big [NODES [QUERIES [CAPS [PARETO_QUERIES [SEED]]]]]
 *     the generated rail graph: spec and Network.build time, Dijkstra vs the router's time query on the same
 *     random pairs (weights must agree), then 3-criteria Pareto queries (time, cost, CO2e) with each label cap
 *     in the comma list CAPS (0 = exact)
 * </pre>
 */
public final class RoutingBench {
  static final long DEPARTURE_S = Instant.parse("2026-12-07T00:00:00Z").getEpochSecond();

  /** Pareto tolerance of every Pareto query ({@code -Dcaravan.epsilon=0.05}; default 0 = exact). */
  static final double EPSILON = Double.parseDouble(System.getProperty("caravan.epsilon", "0"));

  public static void main(String[] args) {
    String cmd = args.length > 0 ? args[0] : "default";
    System.out.println("# " + Stats.machine() + " date=" + Instant.now());
    switch (cmd) {
      case "default" -> defaultNetwork(intArg(args, 1, 5), intArg(args, 2, 2), intArg(args, 3, 16));
      case "big" ->
          big(
              intArg(args, 1, 1_000_000),
              intArg(args, 2, 20),
              args.length > 3 ? args[3] : "8,32",
              intArg(args, 4, 5),
              args.length > 5 ? Long.parseLong(args[5]) : 42);
      default -> throw new IllegalArgumentException("unknown command " + cmd + " (default | big)");
    }
  }

  static int intArg(String[] args, int i, int def) {
    return args.length > i ? Integer.parseInt(args[i]) : def;
  }

  // ---- default network
  // -------------------------------------------------------------------------------------

  static void defaultNetwork(int passes, int warmup, int cap) {
    long t0 = System.nanoTime();
    Network net = Caravan.openDefault().network();
    System.out.printf(
        "load_default_s=%s nodes=%d links=%d%n",
        Stats.fmt((System.nanoTime() - t0) / 1e9), net.nodeCount(), net.linkCount());
    List<Integer> hubs = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (net.nodeKind(v) == NodeKind.TERMINAL || net.nodeKind(v) == NodeKind.PORT) {
        hubs.add(v);
      }
    }
    int h = hubs.size();
    RouteRequest[] pareto = new RouteRequest[h * (h - 1)];
    RouteRequest[] time = new RouteRequest[pareto.length];
    int k = 0;
    for (int a : hubs) {
      for (int b : hubs) {
        if (a != b) {
          pareto[k] =
              RouteRequest.of(a, b, DEPARTURE_S)
                  .withObjective(Objective.PARETO, 1)
                  .withLabelCap(cap)
                  .withEpsilon(EPSILON);
          time[k++] = RouteRequest.of(a, b, DEPARTURE_S).withObjective(Objective.TIME, 1);
        }
      }
    }
    System.out.printf(
        "terminals_and_ports=%d od_pairs=%d pareto_label_cap=%d pareto_epsilon=%s%n",
        h, pareto.length, cap, EPSILON);
    // corridor membership and closure risks as the CLI uses them (practice rules, p95 answer
    // filter)
    Router router =
        new Router(
            net,
            EmissionModel.NONE,
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE.withCorridors(
                Corridors.loadDefault(net), SeasonalRisks.loadDefault()));
    Dijkstra dijkstra = new Dijkstra(net, Dijkstra.Weight.DURATION_S);

    // answers, once: route counts and labels (the work measure), and which pairs have no route
    long paretoRoutes = 0;
    long paretoLabels = 0;
    int paretoEmpty = 0;
    int paretoCapped = 0;
    long timeLabels = 0;
    int timeEmpty = 0;
    int maxRoutes = 0;
    int fastestLost = 0;
    for (int i = 0; i < pareto.length; i++) {
      RouteResponse p = router.route(pareto[i]);
      paretoRoutes += p.routes().size();
      maxRoutes = Math.max(maxRoutes, p.routes().size());
      paretoLabels += p.labels();
      paretoEmpty += p.routes().isEmpty() ? 1 : 0;
      paretoCapped += p.capped() ? 1 : 0;
      RouteResponse t = router.route(time[i]);
      timeLabels += t.labels();
      timeEmpty += t.routes().isEmpty() ? 1 : 0;
      if (!t.routes().isEmpty() && !p.routes().isEmpty()) {
        long fastestPareto =
            p.routes().stream().mapToLong(r -> r.arrival_s() - r.departure_s()).min().orElseThrow();
        Route best = t.routes().getFirst();
        if (best.arrival_s() - best.departure_s() != fastestPareto) {
          fastestLost++; // a label cap may cut the fastest route from the Pareto answer
        }
      }
    }
    System.out.printf(
        "pareto: routes_per_query=%s max_routes=%d labels_per_query=%s no_route=%d capped=%d fastest_route_missing=%d%n",
        Stats.fmt((double) paretoRoutes / pareto.length),
        maxRoutes,
        Stats.fmt((double) paretoLabels / pareto.length),
        paretoEmpty,
        paretoCapped,
        fastestLost);
    System.out.printf(
        "time:   labels_per_query=%s no_route=%d%n",
        Stats.fmt((double) timeLabels / time.length), timeEmpty);

    Histogram hp = new Histogram(3_600_000_000_000L, 3);
    Histogram ht = new Histogram(3_600_000_000_000L, 3);
    Histogram hd = new Histogram(3_600_000_000_000L, 3);
    double[] wallP = new double[passes];
    double[] wallT = new double[passes];
    double[] wallD = new double[passes];
    long sink = 0;
    for (int pass = -warmup; pass < passes; pass++) {
      boolean measured = pass >= 0;
      long s = System.nanoTime();
      for (RouteRequest r : pareto) {
        long q = System.nanoTime();
        sink += router.route(r).routes().size();
        if (measured) {
          hp.recordValue(System.nanoTime() - q);
        }
      }
      long e = System.nanoTime();
      if (measured) {
        wallP[pass] = (e - s) / 1e9;
      }
      s = System.nanoTime();
      for (RouteRequest r : time) {
        long q = System.nanoTime();
        sink += router.route(r).routes().size();
        if (measured) {
          ht.recordValue(System.nanoTime() - q);
        }
      }
      e = System.nanoTime();
      if (measured) {
        wallT[pass] = (e - s) / 1e9;
      }
      s = System.nanoTime();
      for (RouteRequest r : time) {
        long q = System.nanoTime();
        sink += dijkstra.route(r.from(), r.to()).map(x -> x.links().length).orElse(0);
        if (measured) {
          hd.recordValue(System.nanoTime() - q);
        }
      }
      e = System.nanoTime();
      if (measured) {
        wallD[pass] = (e - s) / 1e9;
        System.out.printf(
            "pass %d: matrix_wall_s pareto=%s time=%s dijkstra=%s%n",
            pass, Stats.fmt(wallP[pass]), Stats.fmt(wallT[pass]), Stats.fmt(wallD[pass]));
      }
    }
    int n = pareto.length;
    printLatency("router pareto ", hp);
    printLatency("router time   ", ht);
    printLatency("dijkstra time ", hd);
    System.out.printf(
        "matrix (%d pairs, 1 thread, median of %d passes): pareto wall_s=%s pairs_per_s=%.0f | time wall_s=%s pairs_per_s=%.0f | dijkstra wall_s=%s pairs_per_s=%.0f%n",
        n,
        passes,
        Stats.fmt(Stats.median(wallP)),
        n / Stats.median(wallP),
        Stats.fmt(Stats.median(wallT)),
        n / Stats.median(wallT),
        Stats.fmt(Stats.median(wallD)),
        n / Stats.median(wallD));
    System.out.println("# sink " + sink);
  }

  static void printLatency(String name, Histogram h) {
    System.out.printf(
        "%s latency_us: p50=%.1f p90=%.1f p99=%.1f max=%.1f mean=%.1f count=%d%n",
        name,
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3,
        h.getMean() / 1e3,
        h.getTotalCount());
  }

  // ---- generated 1M graph
  // ----------------------------------------------------------------------------------

  static void big(int nodes, int queries, String caps, int paretoQueries, long seed) {
    long t0 = System.nanoTime();
    RailGraph g = RailGraph.generate(nodes, seed);
    long t1 = System.nanoTime();
    NetworkSpec spec = g.toSpec();
    long t2 = System.nanoTime();
    Network net = org.caravan.network.Network.build(spec);
    long t3 = System.nanoTime();
    System.out.printf(
        "generated nodes=%d edges=%d directed_links=%d links_per_node=%s: generate_s=%s to_spec_s=%s network_build_s=%s%n",
        g.nodeCount,
        g.edgeCount,
        net.linkCount(),
        Stats.fmt((double) net.linkCount() / net.nodeCount()),
        Stats.fmt((t1 - t0) / 1e9),
        Stats.fmt((t2 - t1) / 1e9),
        Stats.fmt((t3 - t2) / 1e9));
    spec = null;
    for (int e = 0; e < g.edgeCount; e += 997) {
      if (net.duration_s(2 * e) != g.seconds[e] || net.linkFrom(2 * e) != g.edgeA[e]) {
        throw new IllegalStateException("network differs from the generated edge " + e);
      }
    }
    Runtime rt = Runtime.getRuntime();
    rt.gc();
    System.out.printf("heap_used_MiB_after_build=%d%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

    int[][] pairs = Stats.pairs(g.nodeCount, queries, seed + 1);
    Dijkstra dijkstra = new Dijkstra(net, Dijkstra.Weight.DURATION_S);
    Router timeRouter =
        new Router(
            net, EmissionModel.NONE, CargoRules.NONE, SeaLaneOverrides.NONE, Router.Options.NONE);
    long[] expected = new long[queries];
    int rounds = 3;
    double[] msD = new double[rounds];
    double[] msR = new double[rounds];
    for (int round = -1; round < rounds; round++) {
      long s = System.nanoTime();
      for (int i = 0; i < queries; i++) {
        long w = dijkstra.route(pairs[i][0], pairs[i][1]).orElseThrow().weight();
        if (round < 0) {
          expected[i] = w;
        }
      }
      long e = System.nanoTime();
      for (int i = 0; i < queries; i++) {
        RouteResponse r =
            timeRouter.route(
                RouteRequest.of(pairs[i][0], pairs[i][1], DEPARTURE_S)
                    .withObjective(Objective.TIME, 1));
        Route best = r.routes().getFirst();
        if (best.arrival_s() - best.departure_s() != expected[i]) {
          throw new IllegalStateException(
              "router time "
                  + (best.arrival_s() - best.departure_s())
                  + " != dijkstra "
                  + expected[i]
                  + " for pair "
                  + i);
        }
      }
      long f = System.nanoTime();
      if (round >= 0) {
        msD[round] = (e - s) / 1e6 / queries;
        msR[round] = (f - e) / 1e6 / queries;
        System.out.printf(
            "round %d: ms_per_query dijkstra=%s router_time=%s%n",
            round, Stats.fmt(msD[round]), Stats.fmt(msR[round]));
      }
    }
    System.out.printf(
        "time query, %d random pairs, weights equal: median ms_per_query dijkstra=%s router_time=%s ratio=%s%n",
        queries,
        Stats.fmt(Stats.median(msD)),
        Stats.fmt(Stats.median(msR)),
        Stats.fmt(Stats.median(msR) / Stats.median(msD)));

    Router pareto =
        new Router(
            net,
            g.emissions(),
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE.withBounds(
                !Boolean.getBoolean("caravan.noBounds"))); // -Dcaravan.noBounds=true: no bounds
    int[][] pp = Stats.pairs(g.nodeCount, paretoQueries, seed + 2);
    for (String c : caps.split(",")) {
      if (paretoQueries == 0 || c.isBlank()) {
        break;
      }
      int cap = Integer.parseInt(c.trim());
      double[] secs = new double[paretoQueries];
      long labels = 0;
      int routes = 0;
      int capped = 0;
      for (int i = 0; i < paretoQueries; i++) {
        long s = System.nanoTime();
        RouteResponse r =
            pareto.route(
                RouteRequest.of(pp[i][0], pp[i][1], DEPARTURE_S)
                    .withObjective(Objective.PARETO, 1)
                    .withLabelCap(cap)
                    .withEpsilon(EPSILON));
        secs[i] = (System.nanoTime() - s) / 1e9;
        labels += r.labels();
        routes += r.routes().size();
        capped += r.capped() ? 1 : 0;
        long fastest =
            r.routes().stream().mapToLong(x -> x.arrival_s() - x.departure_s()).min().orElse(-1);
        long exact = dijkstra.weight(pp[i][0], pp[i][1]);
        System.out.printf(
            "pareto cap=%d query %d: s=%s routes=%d labels=%d capped=%b fastest_s=%d dijkstra_s=%d%n",
            cap, i, Stats.fmt(secs[i]), r.routes().size(), r.labels(), r.capped(), fastest, exact);
      }
      System.out.printf(
          "pareto epsilon=%s cap=%d (%s): median_s=%s max_s=%s routes_per_query=%s labels_per_query=%d capped=%d/%d%n",
          EPSILON,
          cap,
          cap == 0 ? "no cap" : "label cap per node and class",
          Stats.fmt(Stats.median(secs)),
          Stats.fmt(Arrays.stream(secs).max().orElse(0)),
          Stats.fmt((double) routes / paretoQueries),
          labels / paretoQueries,
          capped,
          paretoQueries);
    }
  }
}
