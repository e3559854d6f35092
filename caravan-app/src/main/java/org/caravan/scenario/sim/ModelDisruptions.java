package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caravan.network.Episodes;
import org.caravan.network.Network;
import org.caravan.scenario.sim.ResolvedScenario.Closure;
import org.caravan.scenario.sim.ResolvedScenario.ClosureKind;
import org.caravan.scenario.sim.ResolvedScenario.Seasons;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * A scenario's storms and dated closures as model events on the ports and border gates that {@link
 * ModelParts} made (a closure of a border no flow passes closes nothing), and the network's dated
 * border episodes ({@code data/network/episodes.csv}) as holds on the rail legs that pass them and,
 * for a closure of a port, as a dated port closure.
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

  /**
   * The dated episodes ({@link Episodes}) as holds on the simulation clock (time 0 = {@code
   * start_epoch_s}, the scenario's start): one per episode, rail leg and border gate step whose
   * node the episode names and whose next node on the leg it holds ({@link
   * Episodes.Compiled#bound}: an episode toward Kazakhstan holds the westbound legs out of
   * Alashankou, not the empty boxes going back). Episodes whose hold (a congestion's backlog
   * included, to {@code end + delay}) misses the run are left out, so a run outside every episode
   * has no holds.
   */
  static List<CorridorSpec.Hold> holds(
      Episodes episodes,
      Network network,
      List<CorridorSpec.Leg> legs,
      ModelParts parts,
      long start_epoch_s,
      long horizon_s) {
    List<CorridorSpec.Hold> out = new ArrayList<>();
    if (episodes.episodes().isEmpty()) {
      return out;
    }
    Episodes.Compiled compiled = episodes.compile(network);
    for (int li = 0; li < legs.size(); li++) {
      for (ModelParts.BorderStep b : parts.borderSteps(legs.get(li).id())) {
        for (int e : compiled.episodesAt(b.node())) {
          Episodes.Episode x = episodes.episodes().get(e);
          long start = x.start_s() - start_epoch_s;
          long end = x.end_s() - start_epoch_s;
          if (compiled.bound(e, b.next()) && end + x.delay_s() > 0 && start < horizon_s) {
            out.add(
                new CorridorSpec.Hold(
                    x.id(), li, b.step(), x.kind(), start, end, x.delay_s(), x.delaySd_s()));
          }
        }
      }
    }
    return out;
  }

  /**
   * The dated episodes that close ports of the model (the Caspian storms of {@code episodes.csv})
   * as dated port closures on the simulation clock (time 0 = {@code start_epoch_s}): a closure
   * holds every vessel until it ends, the {@code closure} case of {@link Episodes#release_s}. Only
   * closures for both directions (no {@code toward}) that meet the run; a port episode with a
   * direction or a congestion at a port is not modelled.
   */
  static List<CorridorSpec.Closure> portClosures(
      Episodes episodes, ModelParts parts, long start_epoch_s, long horizon_s) {
    List<CorridorSpec.Closure> out = new ArrayList<>();
    for (Episodes.Episode x : episodes.episodes()) {
      long start = x.start_s() - start_epoch_s;
      long end = x.end_s() - start_epoch_s;
      if (x.kind() != Episodes.Kind.CLOSURE
          || x.toward().isPresent()
          || end <= 0
          || start >= horizon_s) {
        continue;
      }
      int[] ports =
          x.nodes().stream()
              .map(parts::existingPort)
              .flatMap(Optional::stream)
              .mapToInt(Integer::intValue)
              .toArray();
      if (ports.length > 0) {
        out.add(new CorridorSpec.Closure(x.id(), ports, new int[0], start, end));
      }
    }
    return out;
  }
}
