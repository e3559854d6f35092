package org.caravan.simulation.corridor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed shape of a corridor model's outputs, derived once from a {@link CorridorSpec}: the
 * reported resources (in a stable order), the corridors, and the names of the queue-length series.
 * Every replication of one spec fills arrays in this order, so results merge by index. Immutable.
 */
public final class Layout {
  /** A reported resource: kind, display id, and the index of the model object it stands for. */
  public record ResourceRef(ResourceKind kind, String id, int index) {}

  final CorridorSpec spec;
  final List<ResourceRef> resources = new ArrayList<>();
  final int[] gateResource;
  final int[] portResource;

  /**
   * Paths: route {@code r} of flow {@code f} (0 = its own route, then its alternatives, best first)
   * is path {@code flowPath[f][r]}. Every flow's own route comes first (path {@code f}), so a spec
   * without alternatives has exactly one path per flow and the pools of today's model.
   */
  final int[][] flowPath;

  final int[] pathFlow;
  final int[][] pathLegs;

  /**
   * Pool of a unit on path p at leg position k: units share a pool when their remaining path is the
   * same.
   */
  final int[][] pathPool;

  final int[] poolLeg;
  final int[] poolFormationResource;
  final int[] crossingPool;
  final int[] crossingYardResource;
  final int[] crossingFleetResource;

  /** Per flow: its marshalling resource ({@code <origin> <flow id>}), or -1 for a block train. */
  final int[] flowMarshalResource;

  final List<String> corridors = new ArrayList<>();
  final int[] flowCorridor;
  final List<String> seriesNames = new ArrayList<>();
  final int[] borderSeriesGate;
  final int samples;

  /** The layout of {@code spec}. */
  public static Layout of(CorridorSpec spec) {
    return new Layout(spec);
  }

  private Layout(CorridorSpec spec) {
    this.spec = spec;
    gateResource = new int[spec.gates().size()];
    for (int g = 0; g < gateResource.length; g++) {
      CorridorSpec.Gate gate = spec.gates().get(g);
      gateResource[g] =
          add(gate.kind().border() ? ResourceKind.BORDER : ResourceKind.SECTION, gate.id(), g);
    }
    portResource = new int[spec.ports().size()];
    for (int p = 0; p < portResource.length; p++) {
      portResource[p] = add(ResourceKind.BERTH, spec.ports().get(p).node(), p);
    }
    // Pools: a crossing's yard is one pool for all units; elsewhere units wait with those that have
    // the same
    // remaining path (a block train is formed for a destination group and stays together through
    // transfers).
    int nFlows = spec.flows().size();
    flowPath = new int[nFlows][];
    List<int[]> legsOfPath = new ArrayList<>();
    List<Integer> flowOfPath = new ArrayList<>();
    for (int f = 0; f < nFlows; f++) {
      flowPath[f] = new int[1 + spec.flows().get(f).reaction().alternatives().length];
      flowPath[f][0] = f;
      legsOfPath.add(spec.flows().get(f).legs());
      flowOfPath.add(f);
    }
    for (int f = 0; f < nFlows; f++) {
      int[][] alts = spec.flows().get(f).reaction().alternatives();
      for (int r = 0; r < alts.length; r++) {
        flowPath[f][r + 1] = legsOfPath.size();
        legsOfPath.add(alts[r]);
        flowOfPath.add(f);
      }
    }
    pathLegs = legsOfPath.toArray(int[][]::new);
    pathFlow = flowOfPath.stream().mapToInt(Integer::intValue).toArray();
    Map<String, Integer> poolKey = new LinkedHashMap<>();
    List<Integer> pLeg = new ArrayList<>();
    List<String> pLabel = new ArrayList<>();
    pathPool = new int[pathLegs.length][];
    for (int path = 0; path < pathLegs.length; path++) {
      int[] legs = pathLegs[path];
      pathPool[path] = new int[legs.length];
      for (int k = 0; k < legs.length; k++) {
        CorridorSpec.Leg leg = spec.legs().get(legs[k]);
        String key =
            leg.kind() == CorridorSpec.LegKind.CROSSING
                ? "x" + legs[k]
                : "s" + Arrays.toString(Arrays.copyOfRange(legs, k, legs.length));
        Integer p = poolKey.get(key);
        if (p == null) {
          p = pLeg.size();
          poolKey.put(key, p);
          pLeg.add(legs[k]);
          // The label names the boarding leg, the destination and the flow's corridor: block
          // trains to one destination on two corridors are two trains (the wait table the router
          // reads keys formation by all three).
          CorridorSpec.Flow owner = spec.flows().get(pathFlow[path]);
          String label = leg.id() + " to " + owner.to() + " on " + owner.corridor();
          String unique = label;
          for (int n = 2; pLabel.contains(unique); n++) {
            unique = label + " #" + n;
          }
          pLabel.add(unique);
        }
        pathPool[path][k] = p;
      }
    }
    poolLeg = pLeg.stream().mapToInt(Integer::intValue).toArray();
    poolFormationResource = new int[poolLeg.length];
    crossingPool = new int[spec.crossings().size()];
    Arrays.fill(crossingPool, -1);
    for (int p = 0; p < poolLeg.length; p++) {
      CorridorSpec.Leg leg = spec.legs().get(poolLeg[p]);
      poolFormationResource[p] =
          leg.kind() == CorridorSpec.LegKind.RAIL
              ? add(ResourceKind.FORMATION, pLabel.get(p), p)
              : -1;
      if (leg.kind() == CorridorSpec.LegKind.CROSSING) {
        crossingPool[leg.crossing()] = p;
      }
    }
    crossingYardResource = new int[spec.crossings().size()];
    crossingFleetResource = new int[spec.crossings().size()];
    for (int x = 0; x < crossingYardResource.length; x++) {
      crossingYardResource[x] = add(ResourceKind.YARD, spec.crossings().get(x).id(), x);
      crossingFleetResource[x] = add(ResourceKind.FLEET, spec.crossings().get(x).id(), x);
    }
    flowMarshalResource = new int[spec.flows().size()];
    for (int f = 0; f < flowMarshalResource.length; f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      flowMarshalResource[f] =
          fl.wagonload() ? add(ResourceKind.MARSHALLING, fl.marshallingId(), f) : -1;
    }
    flowCorridor = new int[spec.flows().size()];
    for (int f = 0; f < flowCorridor.length; f++) {
      String c = spec.flows().get(f).corridor();
      int i = corridors.indexOf(c);
      if (i < 0) {
        corridors.add(c);
        i = corridors.size() - 1;
      }
      flowCorridor[f] = i;
    }
    List<Integer> borders = new ArrayList<>();
    for (int g = 0; g < spec.gates().size(); g++) {
      if (spec.gates().get(g).kind().border()) {
        borders.add(g);
        seriesNames.add("border_trains_queued." + spec.gates().get(g).id());
      }
    }
    borderSeriesGate = borders.stream().mapToInt(Integer::intValue).toArray();
    for (CorridorSpec.Port p : spec.ports()) {
      seriesNames.add("yard_units." + p.node());
    }
    for (CorridorSpec.Port p : spec.ports()) {
      seriesNames.add("vessels_waiting_berth." + p.node());
    }
    samples =
        spec.sampleInterval_s() <= 0 ? 0 : (int) (spec.horizon_s() / spec.sampleInterval_s()) + 1;
  }

  private int add(ResourceKind kind, String id, int index) {
    resources.add(new ResourceRef(kind, id, index));
    return resources.size() - 1;
  }

  /** The model spec. */
  public CorridorSpec spec() {
    return spec;
  }

  /** Reported resources in output order. */
  public List<ResourceRef> resources() {
    return List.copyOf(resources);
  }

  /** Corridor labels in order of first appearance among the flows. */
  public List<String> corridors() {
    return List.copyOf(corridors);
  }

  /** Queue-length series names, in the order of {@link ReplicationResult#series()}. */
  public List<String> seriesNames() {
    return List.copyOf(seriesNames);
  }

  /** Number of queue-length samples per series. */
  public int samples() {
    return samples;
  }

  /** Index of a corridor label, for lookups by name. */
  public Map<String, Integer> corridorIndex() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < corridors.size(); i++) {
      m.put(corridors.get(i), i);
    }
    return m;
  }
}
