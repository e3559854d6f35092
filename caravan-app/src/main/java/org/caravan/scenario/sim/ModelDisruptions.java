package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.List;
import org.caravan.scenario.sim.ResolvedScenario.Closure;
import org.caravan.scenario.sim.ResolvedScenario.ClosureKind;
import org.caravan.scenario.sim.ResolvedScenario.Seasons;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * A scenario's storms and dated closures as model events on the ports and border gates that {@link
 * ModelParts} made (a closure of a border no flow passes closes nothing).
 */
final class ModelDisruptions {
  private ModelDisruptions() {}

  static List<CorridorSpec.Storm> storms(List<ResolvedScenario.Storm> list, ModelParts parts) {
    List<CorridorSpec.Storm> storms = new ArrayList<>();
    for (ResolvedScenario.Storm s : list) {
      Seasons e = s.eventsPerSeason();
      storms.add(
          new CorridorSpec.Storm(
              s.id(),
              s.ports().stream().mapToInt(parts::port).toArray(),
              new double[] {e.winter(), e.spring(), e.summer(), e.autumn()},
              s.durationMin_s(),
              s.durationMode_s(),
              s.durationMax_s()));
    }
    return storms;
  }

  /** Closures on the simulation clock: a closure's start counts from the end of the warm-up. */
  static List<CorridorSpec.Closure> closures(List<Closure> list, long warm_s, ModelParts parts) {
    List<CorridorSpec.Closure> closures = new ArrayList<>();
    for (Closure x : list) {
      List<Integer> ps = new ArrayList<>();
      List<Integer> gs = new ArrayList<>();
      for (String id : x.nodes()) {
        if (x.kind() == ClosureKind.PORT_CLOSURE) {
          ps.add(parts.port(id));
        } else {
          parts.borderGate(id).ifPresent(gs::add);
        }
      }
      long start = warm_s + x.start_s();
      closures.add(
          new CorridorSpec.Closure(
              x.id(),
              ps.stream().mapToInt(Integer::intValue).toArray(),
              gs.stream().mapToInt(Integer::intValue).toArray(),
              start,
              start + x.duration_s()));
    }
    return closures;
  }
}
