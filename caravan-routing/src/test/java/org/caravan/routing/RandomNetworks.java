package org.caravan.routing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caravan.network.CarrierClass;
import org.caravan.network.Citation;
import org.caravan.network.Corridors;
import org.caravan.network.LinkSpec;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkSpec;
import org.caravan.network.NodeKind;
import org.caravan.network.NodeSpec;
import org.caravan.network.ServiceSpec;
import org.caravan.network.SourceSpec;
import org.caravan.network.Status;
import org.caravan.network.TransferSpec;

/**
 * Small random corridor networks for property tests: mixed modes, gauges, transfers, dwell and
 * ferry schedules.
 */
final class RandomNetworks {
  static final List<String> COUNTRIES = List.of("AA", "BB", "CC", "DD");

  private RandomNetworks() {}

  /**
   * A connected network of {@code n} nodes with extra links.
   *
   * @param simple when true: one carrier class (rail 1435), no dwell, no transfers, no schedules,
   *     no sd — for comparison with a plain Dijkstra
   */
  static Network generate(long seed, int n, int extraLinks, boolean simple) {
    Random r = new Random(seed);
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double dwell = simple || r.nextInt(3) > 0 ? Double.NaN : r.nextInt(20);
      nodes.add(
          new NodeSpec(
              "N-" + i,
              "Node " + i,
              List.of(),
              NodeKind.values()[r.nextInt(NodeKind.values().length)],
              COUNTRIES.get(r.nextInt(COUNTRIES.size())),
              r.nextDouble() * 40 + 20,
              r.nextDouble() * 60,
              dwell,
              Double.isNaN(dwell) ? Double.NaN : r.nextInt(5),
              // Every third node with a dwell stops for a third of it when a train leaves its
              // country there (no draw, so the seeds' networks are otherwise unchanged).
              Double.isNaN(dwell) || i % 3 != 0 ? Double.NaN : dwell / 3,
              Double.NaN,
              simple ? Double.NaN : r.nextInt(10),
              simple ? Double.NaN : r.nextInt(100),
              Double.NaN,
              Status.OPERATIONAL,
              0,
              "",
              new Citation(Map.of("", "T"), "")));
    }
    List<LinkSpec> links = new ArrayList<>();
    List<ServiceSpec> services = new ArrayList<>();
    int total = n - 1 + extraLinks;
    for (int k = 0; k < total; k++) {
      int a = k < n - 1 ? k + 1 : r.nextInt(n);
      int b = k < n - 1 ? r.nextInt(k + 1) : r.nextInt(n);
      if (a == b) {
        continue;
      }
      Mode mode =
          simple
              ? Mode.RAIL
              : List.of(Mode.RAIL, Mode.RAIL, Mode.ROAD, Mode.FERRY, Mode.SEA).get(r.nextInt(5));
      int gauge = mode == Mode.RAIL ? (simple || r.nextBoolean() ? 1435 : 1520) : 0;
      String ca = nodes.get(a).country();
      String cb = nodes.get(b).country();
      List<String> countries = ca.equals(cb) ? List.of(ca) : List.of(ca, cb);
      String id = "L" + k;
      String service = "";
      if (!simple && mode == Mode.FERRY) {
        service = "S" + k;
        services.add(
            new ServiceSpec(
                service,
                id,
                "frequency",
                1 + r.nextInt(7),
                r.nextInt(168),
                List.of(),
                100,
                "",
                new Citation(Map.of("", "T"), "")));
      }
      boolean directed = r.nextInt(4) == 0 && k >= n - 1;
      links.add(
          new LinkSpec(
              id,
              nodes.get(a).id(),
              nodes.get(b).id(),
              mode,
              directed,
              gauge,
              false,
              "",
              mode == Mode.FERRY ? "roro" : "",
              10 + r.nextInt(2000),
              1 + r.nextInt(100),
              simple ? Double.NaN : r.nextInt(20),
              r.nextInt(1000),
              Double.NaN,
              countries,
              mode == Mode.SEA && r.nextBoolean() ? List.of("suez") : List.of(),
              "rail-diesel",
              service,
              Status.OPERATIONAL,
              0,
              "",
              new Citation(Map.of("", "T"), "")));
    }
    List<TransferSpec> transfers = new ArrayList<>();
    if (!simple) {
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < 3; t++) {
          CarrierClass x = CarrierClass.values()[r.nextInt(5)];
          CarrierClass y = CarrierClass.values()[r.nextInt(5)];
          TransferSpec candidate =
              new TransferSpec(
                  nodesId(i),
                  x,
                  y,
                  r.nextInt(30),
                  r.nextInt(300),
                  new Citation(Map.of("", "T"), ""));
          if (x != y && transfers.stream().noneMatch(s -> s.key().equals(candidate.key()))) {
            transfers.add(candidate);
          }
        }
      }
    }
    List<SourceSpec> sources = List.of(new SourceSpec("T", "test", "", "", "", "CC0-1.0"));
    return Network.build(new NetworkSpec(sources, nodes, links, transfers, services, Map.of()));
  }

  /**
   * The router the property tests query: the network's emissions, no cargo rules or sea-lane
   * overrides, and the corridors and closure risks drawn from the same seed.
   */
  static Router router(long seed, Network net) {
    return router(seed, net, ExpectedWaits.NONE);
  }

  /** {@link #router(long, Network)} charging {@code waits}. */
  static Router router(long seed, Network net, ExpectedWaits waits) {
    return new Router(
        net,
        EMISSIONS,
        CargoRules.NONE,
        SeaLaneOverrides.NONE,
        Router.Options.NONE.withCorridors(corridors(seed, net), risks(seed, net)).withWaits(waits));
  }

  /** Two or three corridors over random subsets of the nodes (a node may be in several or none). */
  static Corridors corridors(long seed, Network net) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    StringBuilder csv = new StringBuilder("corridor,label,nodes,source,notes\n");
    int k = 2 + r.nextInt(2);
    for (int c = 0; c < k; c++) {
      List<String> nodes = new ArrayList<>();
      for (int v = 0; v < net.nodeCount(); v++) {
        if (r.nextInt(3) == 0) {
          nodes.add(net.nodeId(v));
        }
      }
      csv.append("c")
          .append(c)
          .append(",label")
          .append(c % 2)
          .append(',')
          .append(String.join(";", nodes))
          .append(",T,\n");
    }
    try {
      return Corridors.read("random", new StringReader(csv.toString()), net);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A crossing risk on sea and ferry links between random nodes, and a node risk, in every month.
   */
  static SeasonalRisks risks(long seed, Network net) {
    Random r = new Random(seed ^ 0x2545F491L);
    List<String> some = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (r.nextBoolean()) {
        some.add(net.nodeId(v));
      }
    }
    long[] var = new long[12];
    java.util.Arrays.fill(var, 86_400L * 86_400 * (1 + r.nextInt(3)));
    return new SeasonalRisks(
        List.of(
            new SeasonalRisks.Risk("sea", true, some, var, "T"),
            new SeasonalRisks.Risk("node", false, some.subList(0, some.size() / 2), var, "T")));
  }

  private static String nodesId(int i) {
    return "N-" + i;
  }

  /** CO2e proportional to distance, by mode, so the criterion conflicts with time and cost. */
  static final EmissionModel EMISSIONS =
      EmissionModel.perTonneKm(
          (network, link) ->
              switch (network.linkMode(link)) {
                case RAIL -> 20;
                case ROAD -> 80;
                case FERRY -> 60;
                case SEA -> 10;
                case IWW -> 30;
              },
          17_500);
}
