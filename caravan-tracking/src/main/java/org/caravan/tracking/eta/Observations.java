package org.caravan.tracking.eta;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Observed segment times of other containers, by segment key, sorted by the time the segment was
 * completed, so that the observations of a recent window are a contiguous range found by binary
 * search. Each observation holds the wait at the segment's start and the run to its end, seconds.
 * Immutable once built.
 */
public final class Observations {
  /** No observations. */
  public static final Observations NONE = new Builder().build();

  /** The observations of one segment, completion times ascending. */
  public record Series(long[] end_s, double[] wait_s, double[] run_s) {
    /** Index of the first observation completed at or after {@code t_s}. */
    int from(long t_s) {
      int i = Arrays.binarySearch(end_s, t_s);
      if (i < 0) {
        return -i - 1;
      }
      while (i > 0 && end_s[i - 1] == t_s) {
        i--;
      }
      return i;
    }

    /** Index after the last observation completed at or before {@code t_s}. */
    int to(long t_s) {
      int i = Arrays.binarySearch(end_s, t_s);
      if (i < 0) {
        return -i - 1;
      }
      while (i < end_s.length && end_s[i] == t_s) {
        i++;
      }
      return i;
    }
  }

  private final Map<String, Series> series;

  private Observations(Map<String, Series> series) {
    this.series = series;
  }

  /** The series of a segment, or an empty one. */
  public Series series(String key) {
    return series.getOrDefault(key, EMPTY);
  }

  /** Observations of segment {@code key} completed in {@code [from_s, to_s]}. */
  public int count(String key, long from_s, long to_s) {
    Series s = series(key);
    return Math.max(0, s.to(to_s) - s.from(from_s));
  }

  private static final Series EMPTY = new Series(new long[0], new double[0], new double[0]);

  /** Collects observations in any order; {@link #build} sorts them. */
  public static final class Builder {
    private final Map<String, long[]> end = new HashMap<>();
    private final Map<String, double[]> wait = new HashMap<>();
    private final Map<String, double[]> run = new HashMap<>();
    private final Map<String, Integer> size = new HashMap<>();

    /** Adds one completed segment. */
    public Builder add(String key, long end_s, double wait_s, double run_s) {
      int n = size.getOrDefault(key, 0);
      long[] e = end.computeIfAbsent(key, k -> new long[16]);
      if (n == e.length) {
        e = Arrays.copyOf(e, n * 2);
        end.put(key, e);
        wait.put(key, Arrays.copyOf(wait.get(key), n * 2));
        run.put(key, Arrays.copyOf(run.get(key), n * 2));
      }
      e[n] = end_s;
      wait.computeIfAbsent(key, k -> new double[16])[n] = wait_s;
      run.computeIfAbsent(key, k -> new double[16])[n] = run_s;
      size.put(key, n + 1);
      return this;
    }

    public Observations build() {
      Map<String, Series> out = new HashMap<>();
      for (Map.Entry<String, Integer> en : size.entrySet()) {
        String key = en.getKey();
        int n = en.getValue();
        long[] e = end.get(key);
        double[] w = wait.get(key);
        double[] r = run.get(key);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(e[a], e[b]));
        long[] se = new long[n];
        double[] sw = new double[n];
        double[] sr = new double[n];
        for (int i = 0; i < n; i++) {
          se[i] = e[order[i]];
          sw[i] = w[order[i]];
          sr[i] = r[order[i]];
        }
        out.put(key, new Series(se, sw, sr));
      }
      return new Observations(Map.copyOf(out));
    }
  }
}
