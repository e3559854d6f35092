package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.sim.ResolvedScenario.Border;
import org.caravan.scenario.sim.ResolvedScenario.Capacities;
import org.caravan.scenario.sim.ResolvedScenario.Cargo;
import org.caravan.scenario.sim.ResolvedScenario.Closure;
import org.caravan.scenario.sim.ResolvedScenario.ClosureKind;
import org.caravan.scenario.sim.ResolvedScenario.Corridor;
import org.caravan.scenario.sim.ResolvedScenario.CrossingChange;
import org.caravan.scenario.sim.ResolvedScenario.Demand;
import org.caravan.scenario.sim.ResolvedScenario.Flow;
import org.caravan.scenario.sim.ResolvedScenario.FlowReaction;
import org.caravan.scenario.sim.ResolvedScenario.Formation;
import org.caravan.scenario.sim.ResolvedScenario.OnClosure;
import org.caravan.scenario.sim.ResolvedScenario.PortSize;
import org.caravan.scenario.sim.ResolvedScenario.Reactions;
import org.caravan.scenario.sim.ResolvedScenario.Seasons;
import org.caravan.scenario.sim.ResolvedScenario.Storm;

/**
 * Turns a checked {@link ScenarioFile} into a {@link ResolvedScenario}: applies the defaults, names
 * nodes by their network id, reads kinds into enums and converts hours and days to seconds. Runs
 * after the loader's checks, so every value it reads is present where required and in range.
 * Stateless.
 */
final class ScenarioResolver {
  private static final double S_PER_H = 3600;
  private static final double S_PER_DAY = 86_400;

  private ScenarioResolver() {}

  /**
   * Resolves a checked file.
   *
   * @param nodeId the network id of a node given by id, name or UN/LOCODE (all checked to exist)
   */
  static ResolvedScenario resolve(ScenarioFile f, UnaryOperator<String> nodeId) {
    ScenarioFile.Formation form = f.formation();
    int trainUnits =
        form != null && form.trainCapacityUnits() != null
            ? form.trainCapacityUnits()
            : ResolvedScenario.DEFAULT_TRAIN_UNITS;
    double formH =
        form != null && form.timetableH() != null
            ? form.timetableH()
            : ResolvedScenario.DEFAULT_FORMATION_H;
    double wagonloadKmh =
        form != null && form.wagonloadSpeedKmh() != null
            ? form.wagonloadSpeedKmh()
            : ResolvedScenario.DEFAULT_WAGONLOAD_KMH;
    double sampleH =
        f.sampleIntervalH() == null
            ? ResolvedScenario.DEFAULT_SAMPLE_INTERVAL_H
            : f.sampleIntervalH();
    return new ResolvedScenario(
        new Formation(trainUnits, Math.round(formH * S_PER_H), wagonloadKmh),
        Math.round(sampleH * S_PER_H),
        demand(f.demand(), nodeId),
        capacities(f.network(), nodeId),
        storms(f.storms(), nodeId),
        closures(f.disruptions(), nodeId),
        reactions(f));
  }

  /**
   * The reactions: the file's {@code reactions} defaults for every flow, overridden per flow; empty
   * returns only for container flows.
   */
  private static Reactions reactions(ScenarioFile f) {
    ScenarioFile.Reactions r = f.reactions();
    if (r == null && f.demand().flows().stream().allMatch(ScenarioResolver::noReaction)) {
      return Reactions.NONE;
    }
    OnClosure rule = onClosure(r == null ? null : r.onClosure(), OnClosure.WAIT);
    double share = r == null ? 0 : or(r.emptyReturnShare(), 0.0);
    Map<String, FlowReaction> flows = new HashMap<>();
    for (ScenarioFile.FlowFile ff : f.demand().flows()) {
      boolean container = !"wagon".equals(ff.cargo());
      flows.put(
          ff.id(),
          new FlowReaction(
              onClosure(ff.onClosure(), rule), container ? or(ff.emptyReturnShare(), share) : 0));
    }
    return new Reactions(
        r != null && Boolean.TRUE.equals(r.backPressure()),
        r == null
            ? ResolvedScenario.DEFAULT_EMPTY_TARE_T
            : or(r.emptyTareT(), ResolvedScenario.DEFAULT_EMPTY_TARE_T),
        flows);
  }

  private static boolean noReaction(ScenarioFile.FlowFile ff) {
    return ff.onClosure() == null && ff.emptyReturnShare() == null;
  }

  private static OnClosure onClosure(String word, OnClosure dflt) {
    return word == null ? dflt : OnClosure.valueOf(word.toUpperCase(Locale.ROOT));
  }

  private static Demand demand(ScenarioFile.Demand d, UnaryOperator<String> nodeId) {
    double growth = or(d.growthPerYear(), 0.0);
    List<Flow> flows = new ArrayList<>();
    for (ScenarioFile.FlowFile ff : d.flows()) {
      Cargo cargo = "wagon".equals(ff.cargo()) ? Cargo.WAGON : Cargo.CONTAINER;
      double perYear = cargo == Cargo.WAGON ? ff.tonnesPerYear() : ff.teuPerYear();
      Corridor corridor = ff.corridor() == null ? Corridor.ANY : new Corridor(ff.corridor());
      flows.add(
          new Flow(
              ff.id(),
              nodeId.apply(ff.from()),
              nodeId.apply(ff.to()),
              cargo,
              perYear,
              corridor,
              or(ff.growthPerYear(), growth),
              "wagonload".equals(ff.service())));
    }
    List<Double> season = d.seasonality() == null ? Collections.nCopies(12, 1.0) : d.seasonality();
    return new Demand(
        season,
        or(d.teuMassT(), RouteRequest.DEFAULT_TEU_MASS_T),
        or(d.wagonMassT(), ResolvedScenario.DEFAULT_WAGON_T),
        flows,
        Boolean.TRUE.equals(d.crmFlows()));
  }

  private static Capacities capacities(
      ScenarioFile.NetworkChanges n, UnaryOperator<String> nodeId) {
    ScenarioFile.NetworkChanges nc =
        n == null ? new ScenarioFile.NetworkChanges(null, null, null, null, null, null, null) : n;
    ScenarioFile.Lines lines =
        nc.lines() == null ? new ScenarioFile.Lines(null, null, null, null, null) : nc.lines();
    Map<String, Border> borders = new HashMap<>();
    for (ScenarioFile.BorderFile b : list(nc.borders())) {
      String id = nodeId.apply(b.node());
      borders.put(
          id,
          new Border(
              id, opt(b.trainsPerDay(), 1), opt(b.dwellH(), S_PER_H), opt(b.dwellSdH(), S_PER_H)));
    }
    Map<String, PortSize> ports = new HashMap<>();
    for (ScenarioFile.PortFile p : list(nc.ports())) {
      String id = nodeId.apply(p.node());
      ports.put(
          id,
          new PortSize(
              id,
              p.berths() != null ? p.berths() : ResolvedScenario.DEFAULT_BERTHS,
              p.yardTeu() != null ? p.yardTeu() : ResolvedScenario.DEFAULT_YARD_TEU));
    }
    Map<String, CrossingChange> crossings = new HashMap<>();
    for (ScenarioFile.CrossingFile c : list(nc.crossings())) {
      crossings.put(
          c.link(),
          new CrossingChange(
              c.link(),
              optInt(c.fleet()),
              optInt(c.capacityUnits()),
              or(c.lowWaterDerating(), 0.0),
              opt(c.sailH(), S_PER_H),
              opt(c.sailSdH(), S_PER_H),
              opt(c.handlingH(), S_PER_H),
              opt(c.handlingSdH(), S_PER_H),
              opt(c.timetableH(), S_PER_H)));
    }
    return new Capacities(
        or(lines.singleTrackPathsPerDay(), ResolvedScenario.DEFAULT_SINGLE_PATHS),
        or(lines.doubleTrackPathsPerDay(), ResolvedScenario.DEFAULT_DOUBLE_PATHS),
        or(lines.teuPerTrain(), ResolvedScenario.DEFAULT_TEU_PER_TRAIN),
        or(lines.defaultBorderTrainsPerDay(), ResolvedScenario.DEFAULT_BORDER_TRAINS),
        new LinkedHashSet<>(list(nc.doubleTrack())),
        borders,
        ports,
        crossings,
        new LinkedHashSet<>(list(nc.includePlanned())));
  }

  private static List<Storm> storms(
      List<ScenarioFile.StormFile> files, UnaryOperator<String> nodeId) {
    List<Storm> storms = new ArrayList<>();
    List<ScenarioFile.StormFile> fs = list(files);
    for (int i = 0; i < fs.size(); i++) {
      ScenarioFile.StormFile s = fs.get(i);
      ScenarioFile.Seasons e = s.eventsPerSeason();
      ScenarioFile.Durations d = s.durationDays();
      storms.add(
          new Storm(
              s.id() == null ? "storm-" + i : s.id(),
              s.ports().stream().map(nodeId).toList(),
              new Seasons(
                  or(e.winter(), 0.0),
                  or(e.spring(), 0.0),
                  or(e.summer(), 0.0),
                  or(e.autumn(), 0.0)),
              d.min() * S_PER_DAY,
              d.mode() * S_PER_DAY,
              d.max() * S_PER_DAY));
    }
    return storms;
  }

  private static List<Closure> closures(
      List<ScenarioFile.Disruption> files, UnaryOperator<String> nodeId) {
    List<Closure> closures = new ArrayList<>();
    List<ScenarioFile.Disruption> ds = list(files);
    for (int i = 0; i < ds.size(); i++) {
      ScenarioFile.Disruption x = ds.get(i);
      ClosureKind kind = ClosureKind.valueOf(x.kind().toUpperCase(Locale.ROOT));
      closures.add(
          new Closure(
              x.id() == null ? "disruption-" + i : x.id(),
              kind,
              x.nodes().stream().map(nodeId).toList(),
              Math.round(x.startDay() * S_PER_DAY),
              Math.round(x.durationDays() * S_PER_DAY)));
    }
    return closures;
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }

  private static double or(Double v, double dflt) {
    return v == null ? dflt : v;
  }

  private static OptionalDouble opt(Double v, double scale) {
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v * scale);
  }

  private static OptionalInt optInt(Integer v) {
    return Optional.ofNullable(v).map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
