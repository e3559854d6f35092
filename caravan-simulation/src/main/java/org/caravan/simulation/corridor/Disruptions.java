package org.caravan.simulation.corridor;

import static org.caravan.simulation.corridor.Events.DAY_S;
import static org.caravan.simulation.corridor.Events.YEAR_S;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.caravan.simulation.random.Triangular;

/**
 * When ports and gates are shut in one replication: dated closures from the spec plus storms
 * sampled from the storm stream, merged into disjoint windows per port and per gate, built once
 * before the run. The hot path asks {@link #portClosedUntil} / {@link #gateClosedUntil}, a binary
 * search on primitive arrays. Low water is not a window: it derates a crossing's vessel capacity
 * (see {@link Crossings}).
 */
final class Disruptions {
  /*
   * Design. Storm closures are a seasonal Poisson process of multi-day events with triangular durations
   * (corridor-facts §5.1 and §10.2: SEANEWS220509, AZN250210, MINVAL, 5–7 day closures, winter/spring).
   */

  private final long[][] portClosedStart;
  private final long[][] portClosedEnd;
  private final long[][] gateClosedStart;
  private final long[][] gateClosedEnd;
  private final double stormDaysPerYear;
  // Dated closures only (no storms): what re-routing reacts to.
  private final long[][] portDatedStart;
  private final long[][] portDatedEnd;
  private final long[][] gateDatedStart;
  private final long[][] gateDatedEnd;
  private final long[] datedEdges;

  Disruptions(CorridorSpec spec, SplittableRandom rngStorm, long warmup, long horizon) {
    int nPorts = spec.ports().size();
    int nGates = spec.gates().size();
    List<List<long[]>> portWin = new ArrayList<>();
    for (int p = 0; p < nPorts; p++) {
      portWin.add(new ArrayList<>());
    }
    List<List<long[]>> gateWin = new ArrayList<>();
    for (int g = 0; g < nGates; g++) {
      gateWin.add(new ArrayList<>());
    }
    for (CorridorSpec.Closure c : spec.hazards().closures()) {
      for (int p : c.ports()) {
        portWin.get(p).add(new long[] {c.start_s(), c.end_s()});
      }
      for (int g : c.gates()) {
        gateWin.get(g).add(new long[] {c.start_s(), c.end_s()});
      }
    }
    portDatedStart = new long[nPorts][];
    portDatedEnd = new long[nPorts][];
    for (int p = 0; p < nPorts; p++) {
      long[][] m = merge(portWin.get(p));
      portDatedStart[p] = m[0];
      portDatedEnd[p] = m[1];
    }
    gateDatedStart = new long[nGates][];
    gateDatedEnd = new long[nGates][];
    for (int g = 0; g < nGates; g++) {
      long[][] m = merge(gateWin.get(g));
      gateDatedStart[g] = m[0];
      gateDatedEnd[g] = m[1];
    }
    datedEdges =
        spec.hazards().closures().stream()
            .flatMapToLong(c -> LongStream.of(c.start_s(), c.end_s()))
            .filter(t -> t >= 0 && t < horizon)
            .distinct()
            .sorted()
            .toArray();
    List<long[]> stormWindows = new ArrayList<>();
    for (CorridorSpec.Storm s : spec.hazards().storms()) {
      for (long[] w : sampleStorms(s, spec.startDayOfYear(), horizon, rngStorm)) {
        stormWindows.add(w);
        for (int p : s.ports()) {
          portWin.get(p).add(w);
        }
      }
    }
    List<long[]> measured = new ArrayList<>();
    for (long[] w : stormWindows) {
      measured.add(new long[] {Math.max(w[0], warmup), Math.min(w[1], horizon)});
    }
    stormDaysPerYear = mergedLength(measured) / DAY_S / ((horizon - warmup) / YEAR_S);
    portClosedStart = new long[nPorts][];
    portClosedEnd = new long[nPorts][];
    for (int p = 0; p < nPorts; p++) {
      long[][] m = merge(portWin.get(p));
      portClosedStart[p] = m[0];
      portClosedEnd[p] = m[1];
    }
    gateClosedStart = new long[nGates][];
    gateClosedEnd = new long[nGates][];
    for (int g = 0; g < nGates; g++) {
      long[][] m = merge(gateWin.get(g));
      gateClosedStart[g] = m[0];
      gateClosedEnd[g] = m[1];
    }
  }

  /** Start and end times of the dated closures inside the run, sorted, without repeats. */
  long[] datedEdges() {
    return datedEdges.clone();
  }

  /** True if a dated closure (not a storm) shuts port {@code p} at {@code t}. */
  boolean portDatedClosed(int p, long t) {
    return closedUntil(portDatedStart[p], portDatedEnd[p], t) > t;
  }

  /** True if a dated closure shuts gate {@code g} at {@code t}. */
  boolean gateDatedClosed(int g, long t) {
    return closedUntil(gateDatedStart[g], gateDatedEnd[g], t) > t;
  }

  /** Storm days per measured year (merged, after warm-up), for the result. */
  double stormDaysPerYear() {
    return stormDaysPerYear;
  }

  /** The end of port {@code p}'s closure containing {@code t}, or {@code t} when it is open. */
  long portClosedUntil(int p, long t) {
    return closedUntil(portClosedStart[p], portClosedEnd[p], t);
  }

  /** The end of gate {@code g}'s closure containing {@code t}, or {@code t} when it is open. */
  long gateClosedUntil(int g, long t) {
    return closedUntil(gateClosedStart[g], gateClosedEnd[g], t);
  }

  /**
   * The end of the closure window containing {@code t}, or {@code t} if none does. Windows are
   * disjoint.
   */
  static long closedUntil(long[] starts, long[] ends, long t) {
    if (starts.length == 0) {
      return t;
    }
    int i = Arrays.binarySearch(starts, t);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && ends[i] > t ? ends[i] : t;
  }

  /** Sorts and merges windows into disjoint {@code [starts, ends]} arrays. */
  static long[][] merge(List<long[]> windows) {
    List<long[]> w = new ArrayList<>(windows);
    w.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] s = new long[w.size()];
    long[] e = new long[w.size()];
    int n = 0;
    for (long[] x : w) {
      if (x[1] <= x[0]) {
        continue;
      }
      if (n > 0 && x[0] <= e[n - 1]) {
        e[n - 1] = Math.max(e[n - 1], x[1]);
      } else {
        s[n] = x[0];
        e[n] = x[1];
        n++;
      }
    }
    return new long[][] {Arrays.copyOf(s, n), Arrays.copyOf(e, n)};
  }

  private static double mergedLength(List<long[]> windows) {
    long[][] m = merge(windows);
    double sum = 0;
    for (int i = 0; i < m[0].length; i++) {
      sum += m[1][i] - m[0][i];
    }
    return sum;
  }

  /**
   * Storm windows over the horizon: for each season of each year a Poisson number of events with
   * uniform start in the season and a triangular duration. Seasons: winter = Dec–Feb, spring =
   * Mar–May, ...
   */
  private static List<long[]> sampleStorms(
      CorridorSpec.Storm s, int startDayOfYear, long horizon, SplittableRandom rng) {
    List<long[]> out = new ArrayList<>();
    Triangular duration = new Triangular(s.durationMin_s(), s.durationMode_s(), s.durationMax_s());
    long startDoy = startDayOfYear - 1;
    // Iterate whole calendar years covering the horizon, seasons as day-of-year ranges.
    int[][] seasonDays = {{-31, 59}, {59, 151}, {151, 243}, {243, 334}};
    long firstYearStart_s = -startDoy * 86_400L;
    for (long y0 = firstYearStart_s; y0 < horizon; y0 += 365L * 86_400L) {
      for (int season = 0; season < 4; season++) {
        double rate = s.eventsPerSeason()[season];
        int k = Draws.poisson(rng, rate);
        for (int i = 0; i < k; i++) {
          double from = y0 + seasonDays[season][0] * DAY_S;
          double to = y0 + seasonDays[season][1] * DAY_S;
          long start = Math.round(from + rng.nextDouble() * (to - from));
          long end = start + Math.round(duration.sample(rng));
          if (end > 0 && start < horizon) {
            out.add(new long[] {Math.max(0, start), end});
          }
        }
      }
    }
    return out;
  }
}
