package org.caravan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.caravan.routing.Route;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.tracking.eta.EtaEngine;
import org.caravan.tracking.eta.Observations;
import org.caravan.tracking.eta.Segment;

/**
 * The honest evaluation of the ETA (docs/ETA.md): simulated shipments of the default scenario with
 * its Caspian storms plus a dated port closure and border closure are replayed; at several horizons
 * (the share of each shipment's true door-to-door time that has passed) the end is hidden and the
 * prediction is compared with the true arrival, against two baselines: the timetable ETA (last
 * event plus nominal running times, no waits) and the static route ETA (the planner's arrival at
 * departure, with its normal 80 % band). The prior's weight and the window are chosen on
 * calibration seeds; the figures reported come from other, held-out seeds.
 */
final class EtaEvaluation {
  static final long DAY = 86_400;
  static final double[] HORIZONS = {0, 0.25, 0.5, 0.75};
  static final long[] CALIBRATION_SEEDS = {1, 2};
  static final long[] TEST_SEEDS = {101, 102, 103};
  static final double[] PRIOR_WEIGHTS = {1, 4, 16};
  static final long[] WINDOWS_DAYS = {14, 30};
  static final double[] BAND_SCALES = {1.0, 1.2, 1.4, 1.6, 1.8};
  static final int CALIBRATION_DRAWS = 500;

  /** z of the standard normal at 90 %, for the static route's 80 % band. */
  static final double Z90 = 1.2816;

  /** Error sums of one group (corridor) at one horizon. */
  static final class Cell {
    int n;
    double errEta_d;
    double errTimetable_d;
    double errStatic_d;
    int inBand;
    int inStaticBand;
    double width_d;

    void add(Cell o) {
      n += o.n;
      errEta_d += o.errEta_d;
      errTimetable_d += o.errTimetable_d;
      errStatic_d += o.errStatic_d;
      inBand += o.inBand;
      inStaticBand += o.inStaticBand;
      width_d += o.width_d;
    }
  }

  /** Results by group ("middle", "all") and horizon index. */
  record Result(Map<String, Cell[]> cells, int shipments) {}

  private EtaEvaluation() {}

  /** The evaluation scenario: the default one plus a port closure and a border closure. */
  static Scenario scenario(Caravan caravan, long seed) {
    String yaml;
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + ScenarioLoader.DEFAULT + ".yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long portDay = 60 + Math.floorMod(seed * 37, 200);
    long borderDay = 60 + Math.floorMod(seed * 91 + 100, 200);
    String closures =
        String.format(
            Locale.ROOT,
            "disruptions:%n"
                + "  - id: eval-caspian-ports%n    kind: port_closure%n    nodes: [KZAAU, KZKUR]%n"
                + "    start_day: %d%n    duration_days: 6%n"
                + "  - id: eval-kz-cn-border%n    kind: border_closure%n"
                + "    nodes: [KZ-DOSTYK, KZHOR, CNAKL, CNHRS]%n"
                + "    start_day: %d%n    duration_days: 3%n",
            portDay,
            borderDay);
    yaml = yaml.replace("disruptions: []", closures);
    return ScenarioLoader.parse(yaml, "eta-evaluation", caravan).withSeed(seed);
  }

  /**
   * Evaluates one replay with the given settings.
   *
   * @param perGroup cap on shipments evaluated per corridor group (evenly spaced)
   */
  static Result evaluate(SimReplay r, Observations obs, EtaEngine.Settings settings, int perGroup) {
    Map<String, Cell[]> cells = new LinkedHashMap<>();
    List<Integer> middle = new ArrayList<>();
    List<Integer> other = new ArrayList<>();
    long firstRelease = r.warmup_s + 30 * DAY;
    for (int t = 0; t < r.traces; t++) {
      if (r.release[t] >= firstRelease && r.delivered(t)) {
        ("middle".equals(r.corridor(t)) ? middle : other).add(t);
      }
    }
    int n = 0;
    for (List<Integer> group : List.of(middle, other)) {
      int stride = Math.max(1, group.size() / perGroup);
      for (int i = 0; i < group.size(); i += stride) {
        int t = group.get(i);
        Cell[] row = cells.computeIfAbsent(r.corridor(t), k -> newRow());
        for (int h = 0; h < HORIZONS.length; h++) {
          one(r, t, HORIZONS[h], obs, settings, row[h]);
        }
        n++;
      }
    }
    Cell[] all = newRow();
    for (Cell[] row : cells.values()) {
      for (int h = 0; h < HORIZONS.length; h++) {
        all[h].add(row[h]);
      }
    }
    Map<String, Cell[]> out = new LinkedHashMap<>();
    out.put("middle", cells.getOrDefault("middle", newRow()));
    cells.forEach(
        (k, v) -> {
          if (!k.equals("middle")) {
            out.put(k, v);
          }
        });
    out.put("all", all);
    return new Result(out, n);
  }

  static Cell[] newRow() {
    Cell[] row = new Cell[HORIZONS.length];
    for (int h = 0; h < row.length; h++) {
      row[h] = new Cell();
    }
    return row;
  }

  /** Predicts trace {@code t} with the share {@code h} of its true transit passed. */
  private static void one(
      SimReplay r, int t, double h, Observations obs, EtaEngine.Settings s, Cell cell) {
    long truth = r.delivery(t);
    long cut = r.release[t] + Math.round(h * (truth - r.release[t]));
    Route plan = r.plan(t);
    int legs = r.legs(t);
    int k = 0;
    EtaEngine.Phase phase = EtaEngine.Phase.AT_NODE;
    long since = r.release[t];
    for (int p = 0; p < legs; p++) {
      long d = r.depart[r.offset[t] + p];
      long a = r.arrive[r.offset[t] + p];
      if (d <= cut) {
        k = p;
        phase = EtaEngine.Phase.RUNNING;
        since = d;
      }
      if (a <= cut && p + 1 < legs) {
        k = p + 1;
        phase = EtaEngine.Phase.AT_NODE;
        since = a;
      }
    }
    List<Segment> ahead = ShipmentTracker.segments(plan, k);
    EtaEngine.Prediction p =
        EtaEngine.predict(ahead, phase, since, cut, obs, s, t * 31L + Math.round(h * 100));
    double timetable = since;
    for (Segment seg : ahead) {
      timetable += seg.runMean_s();
    }
    double planned = r.release[t] + (plan.arrival_s() - plan.departure_s());
    double sd = Math.sqrt((double) plan.variance_s2());
    cell.n++;
    cell.errEta_d += Math.abs(p.p50_s() - truth) / (double) DAY;
    cell.errTimetable_d += Math.abs(timetable - truth) / DAY;
    cell.errStatic_d += Math.abs(planned - truth) / DAY;
    cell.inBand += truth >= p.p10_s() && truth <= p.p90_s() ? 1 : 0;
    cell.inStaticBand += Math.abs(truth - planned) <= Z90 * sd ? 1 : 0;
    cell.width_d += (p.p90_s() - p.p10_s()) / (double) DAY;
  }

  /**
   * Calibration in two steps: the prior weight and window with the smallest p50 error (the band
   * scale does not move the p50), then the band scale whose coverage is nearest 80 %.
   */
  static EtaEngine.Settings calibrate(
      List<SimReplay> replays,
      List<Observations> obs,
      int perGroup,
      Consumer<String> progress,
      StringBuilder table) {
    EtaEngine.Settings best = null;
    double bestErr = Double.MAX_VALUE;
    for (double k : PRIOR_WEIGHTS) {
      for (long w : WINDOWS_DAYS) {
        EtaEngine.Settings s = new EtaEngine.Settings(CALIBRATION_DRAWS, k, w * DAY, 1);
        Cell c = middle(replays, obs, s, perGroup);
        double err = c.errEta_d / c.n;
        row(table, s, c, progress);
        if (err < bestErr) {
          bestErr = err;
          best = s;
        }
      }
    }
    double bestGap = Double.MAX_VALUE;
    EtaEngine.Settings chosen = best;
    for (double scale : BAND_SCALES) {
      EtaEngine.Settings s =
          new EtaEngine.Settings(CALIBRATION_DRAWS, best.priorWeight(), best.window_s(), scale);
      Cell c = middle(replays, obs, s, perGroup);
      row(table, s, c, progress);
      double gap = Math.abs(c.inBand / (double) c.n - 0.8);
      if (gap < bestGap) {
        bestGap = gap;
        chosen = s;
      }
    }
    return new EtaEngine.Settings(
        EtaEngine.Settings.DEFAULT.samples(),
        chosen.priorWeight(),
        chosen.window_s(),
        chosen.bandScale());
  }

  private static Cell middle(
      List<SimReplay> replays, List<Observations> obs, EtaEngine.Settings s, int perGroup) {
    Cell c = new Cell();
    for (int i = 0; i < replays.size(); i++) {
      for (Cell x : evaluate(replays.get(i), obs.get(i), s, perGroup).cells().get("middle")) {
        c.add(x);
      }
    }
    return c;
  }

  private static void row(StringBuilder table, EtaEngine.Settings s, Cell c, Consumer<String> p) {
    double err = c.errEta_d / c.n;
    double cov = c.inBand / (double) c.n;
    table.append(
        String.format(
            Locale.ROOT,
            "| %.0f | %d | %.1f | %.2f | %.1f %% |%n",
            s.priorWeight(),
            s.window_s() / DAY,
            s.bandScale(),
            err,
            100 * cov));
    p.accept(
        String.format(
            Locale.ROOT,
            "calibration k=%.0f window=%dd band scale %.1f: p50 error %.2f d, coverage %.1f %%",
            s.priorWeight(),
            s.window_s() / DAY,
            s.bandScale(),
            err,
            100 * cov));
  }
}
