package org.caravan.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.routing.CargoRules;
import org.caravan.routing.Dijkstra;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResponse;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLaneOverrides;
import org.caravan.scenario.Caravan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of routing queries. Inputs (networks, graphs, request objects, query pairs) are
 * built in {@code @Setup}; the measured body only advances an index into a precomputed array and
 * runs one query, so it draws no random numbers and allocates nothing of its own (the engines
 * allocate what they allocate).
 *
 * <p>Run: {@code bench/routing-bench.sh jmh RoutingJmh} (add e.g. {@code -f 1 -wi 3 -i 5}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingJmh {

  /** The default network: every ordered pair of terminals and ports, cycled. */
  @State(Scope.Thread)
  public static class DefaultNetwork {
    /**
     * Label cap of the Pareto queries (0 = exact; an exact query does not finish today, see
     * BENCHMARKS.md).
     */
    @Param({"16"})
    int paretoLabelCap;

    Router router;
    Dijkstra dijkstra;
    RouteRequest[] pareto;
    RouteRequest[] time;
    int next;

    @Setup(Level.Trial)
    public void setup() {
      Network net = Caravan.openDefault().network();
      List<Integer> hubs = new ArrayList<>();
      for (int v = 0; v < net.nodeCount(); v++) {
        if (net.nodeKind(v) == NodeKind.TERMINAL || net.nodeKind(v) == NodeKind.PORT) {
          hubs.add(v);
        }
      }
      List<RouteRequest> p = new ArrayList<>();
      List<RouteRequest> t = new ArrayList<>();
      for (int a : hubs) {
        for (int b : hubs) {
          if (a != b) {
            p.add(
                RouteRequest.of(a, b, RoutingBench.DEPARTURE_S)
                    .withObjective(Objective.PARETO, 1)
                    .withLabelCap(paretoLabelCap));
            t.add(RouteRequest.of(a, b, RoutingBench.DEPARTURE_S).withObjective(Objective.TIME, 1));
          }
        }
      }
      pareto = p.toArray(RouteRequest[]::new);
      time = t.toArray(RouteRequest[]::new);
      router =
          new Router(
              net, EmissionModel.NONE, CargoRules.NONE, SeaLaneOverrides.NONE, Router.Options.NONE);
      dijkstra = new Dijkstra(net, Dijkstra.Weight.DURATION_S);
    }

    int nextIndex() {
      int i = next;
      next = i + 1 == pareto.length ? 0 : i + 1;
      return i;
    }
  }

  /** The generated rail graph (1M nodes by default) as a Caravan network and as a JGraphT graph. */
  @State(Scope.Thread)
  public static class BigGraph {
    @Param({"1000000"})
    int nodes;

    Dijkstra dijkstra;
    JGraphTPeer jgrapht;
    int[] from;
    int[] to;
    int next;

    @Setup(Level.Trial)
    public void setup() {
      RailGraph g = RailGraph.generate(nodes, 42);
      dijkstra = new Dijkstra(g.toNetwork(), Dijkstra.Weight.DURATION_S);
      jgrapht = new JGraphTPeer(g);
      int[][] pairs = Stats.pairs(g.nodeCount, 256, 43);
      from = new int[pairs.length];
      to = new int[pairs.length];
      for (int i = 0; i < pairs.length; i++) {
        from[i] = pairs[i][0];
        to[i] = pairs[i][1];
        // JGraphT takes about 1.5 s per query at 10^6 nodes: check a few pairs, PeerBench checks
        // more
        if (i < 8 && dijkstra.weight(from[i], to[i]) != jgrapht.route(from[i], to[i])) {
          throw new IllegalStateException("Caravan and JGraphT disagree on pair " + i);
        }
      }
    }

    int nextIndex() {
      int i = next;
      next = (i + 1) & (from.length - 1);
      return i;
    }
  }

  @Benchmark
  public RouteResponse defaultPareto(DefaultNetwork s) {
    return s.router.route(s.pareto[s.nextIndex()]);
  }

  @Benchmark
  public RouteResponse defaultTime(DefaultNetwork s) {
    return s.router.route(s.time[s.nextIndex()]);
  }

  @Benchmark
  public long defaultDijkstra(DefaultNetwork s) {
    RouteRequest r = s.time[s.nextIndex()];
    return s.dijkstra.weight(r.from(), r.to());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long bigCaravanDijkstra(BigGraph s) {
    int i = s.nextIndex();
    return s.dijkstra.route(s.from[i], s.to[i]).orElseThrow().weight();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long bigJGraphTDijkstra(BigGraph s) {
    int i = s.nextIndex();
    return s.jgrapht.route(s.from[i], s.to[i]);
  }
}
