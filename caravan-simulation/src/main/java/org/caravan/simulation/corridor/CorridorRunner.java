package org.caravan.simulation.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.caravan.network.Season;
import org.caravan.simulation.stats.StudentT;

/**
 * Runs replications of a corridor model in parallel (one engine per task, a fixed pool of threads)
 * and folds their results in replication order. Replication {@code i} uses the {@code i}-th {@code
 * nextLong()} of a {@link SplittableRandom} seeded with the scenario seed, so results are the same
 * for any number of threads, and the same seed gives the same output. At most {@code 2 × threads}
 * finished results wait to be folded, which bounds memory for thousands of replications. Stateless;
 * thread-safe.
 */
public final class CorridorRunner {
  private CorridorRunner() {}

  /** The seed of each replication, derived from the scenario seed. */
  public static long[] replicationSeeds(long seed, int replications) {
    SplittableRandom root = new SplittableRandom(seed);
    long[] s = new long[replications];
    for (int i = 0; i < replications; i++) {
      s[i] = root.nextLong();
    }
    return s;
  }

  /**
   * Runs {@code replications} replications on {@code threads} threads.
   *
   * @param progress called on the caller's thread with the number of replications folded so far
   */
  public static CorridorResult run(
      CorridorSpec spec, int replications, long seed, int threads, IntConsumer progress) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, got " + replications);
    }
    Layout layout = Layout.of(spec);
    long[] seeds = replicationSeeds(seed, replications);
    Merger merger = new Merger(layout, replications, seed, seeds);
    int nThreads = Math.max(1, Math.min(threads, replications));
    if (nThreads == 1) {
      for (int i = 0; i < replications; i++) {
        merger.add(new CorridorModel(layout, i, seeds[i]).run());
        progress.accept(i + 1);
      }
      return merger.result();
    }
    return ReplicationPool.run(
        nThreads,
        "caravan-replication",
        pool -> {
          List<Future<ReplicationResult>> futures = new ArrayList<>(replications);
          int window = 2 * nThreads;
          int submitted = 0;
          for (int i = 0; i < replications; i++) {
            while (submitted < replications && submitted < i + window) {
              int rep = submitted++;
              futures.add(pool.submit(() -> new CorridorModel(layout, rep, seeds[rep]).run()));
            }
            ReplicationResult r = futures.get(i).get();
            futures.set(i, null);
            merger.add(r);
            progress.accept(i + 1);
          }
          return merger.result();
        });
  }

  /** Folds replication results in order. */
  static final class Merger {
    private final Layout layout;
    private final int replications;
    private final long seed;
    private final long[] seeds;
    private final KpiCatalogue catalogue;
    private final double[][] values;
    private final Histogram[] flowTransit;
    private final Histogram[] corridorTransit;
    private final AbstractHistogram[][] flowMonthTransit;
    private final Histogram allTransit = CorridorModel.newHistogram();
    private final double[][] cumSum;
    private final int[][] cumCount;
    private final double[][][] cumMonthSum;
    private final int[][][] cumMonthCount;
    private final double[][] seriesSum;
    private final double[][] seasonWaitSum_h; // [resource][season]: mean x served, summed
    private final long[][] seasonServed;
    private long created;
    private long delivered;
    private long inside;
    private long events;
    private int added;

    Merger(Layout layout, int replications, long seed, long[] seeds) {
      this.layout = layout;
      this.replications = replications;
      this.seed = seed;
      this.seeds = seeds;
      catalogue = new KpiCatalogue(layout);
      values = new double[replications][];
      CorridorSpec spec = layout.spec;
      flowTransit = new Histogram[spec.flows().size()];
      flowMonthTransit = new AbstractHistogram[spec.flows().size()][12];
      cumSum = new double[spec.flows().size()][];
      cumCount = new int[spec.flows().size()][];
      cumMonthSum = new double[spec.flows().size()][12][];
      cumMonthCount = new int[spec.flows().size()][12][];
      for (int f = 0; f < flowTransit.length; f++) {
        flowTransit[f] = CorridorModel.newHistogram();
        for (int m = 0; m < 12; m++) {
          flowMonthTransit[f][m] = CorridorModel.newMonthHistogram();
        }
        cumSum[f] = new double[spec.flows().get(f).legs().length];
        cumCount[f] = new int[cumSum[f].length];
        for (int m = 0; m < 12; m++) {
          cumMonthSum[f][m] = new double[cumSum[f].length];
          cumMonthCount[f][m] = new int[cumSum[f].length];
        }
      }
      corridorTransit = new Histogram[layout.corridors.size()];
      for (int c = 0; c < corridorTransit.length; c++) {
        corridorTransit[c] = CorridorModel.newHistogram();
      }
      seriesSum = new double[layout.seriesNames.size()][layout.samples];
      seasonWaitSum_h = new double[layout.resources.size()][Season.values().length];
      seasonServed = new long[layout.resources.size()][Season.values().length];
    }

    void add(ReplicationResult r) {
      KpiCatalogue.Replication rep = new KpiCatalogue.Replication(layout, r);
      values[added++] = catalogue.values(rep);
      int nc = layout.corridors.size();
      allTransit.add(rep.allTransit);
      for (int c = 0; c < nc; c++) {
        corridorTransit[c].add(r.corridorTransit()[c]);
      }
      for (int f = 0; f < flowTransit.length; f++) {
        flowTransit[f].add(r.flowTransit()[f]);
        for (int m = 0; m < 12; m++) {
          flowMonthTransit[f][m].add(r.flowMonthTransit()[f][m]);
        }
        for (int j = 0; j < cumSum[f].length; j++) {
          double x = r.flowLegCumulative_s()[f][j];
          if (!Double.isNaN(x)) {
            cumSum[f][j] += x;
            cumCount[f][j]++;
          }
          for (int m = 0; m < 12; m++) {
            double y = r.flowLegMonthCumulative_s()[f][m][j];
            if (!Double.isNaN(y)) {
              cumMonthSum[f][m][j] += y;
              cumMonthCount[f][m][j]++;
            }
          }
        }
      }
      for (int s = 0; s < seriesSum.length; s++) {
        for (int j = 0; j < seriesSum[s].length; j++) {
          seriesSum[s][j] += r.series()[s][j];
        }
      }
      for (int res = 0; res < seasonServed.length; res++) {
        for (int k = 0; k < seasonServed[res].length; k++) {
          long n = r.resourceSeasonServed()[res][k];
          if (n > 0) {
            seasonWaitSum_h[res][k] += r.resourceSeasonMeanWait_h()[res][k] * n;
            seasonServed[res][k] += n;
          }
        }
      }
      created += r.unitsCreated();
      delivered += r.unitsDelivered();
      inside += r.unitsInside();
      events += r.events();
    }

    CorridorResult result() {
      List<KpiStat> stats = new ArrayList<>(catalogue.size());
      for (int i = 0; i < catalogue.size(); i++) {
        stats.add(stat(i));
      }
      double[][] cum = new double[cumSum.length][];
      for (int f = 0; f < cum.length; f++) {
        cum[f] = new double[cumSum[f].length];
        for (int j = 0; j < cum[f].length; j++) {
          cum[f][j] = cumCount[f][j] == 0 ? Double.NaN : cumSum[f][j] / cumCount[f][j];
        }
      }
      double[][][] cumMonth = new double[cumSum.length][12][];
      for (int f = 0; f < cumMonth.length; f++) {
        for (int m = 0; m < 12; m++) {
          cumMonth[f][m] = new double[cumSum[f].length];
          for (int j = 0; j < cumMonth[f][m].length; j++) {
            cumMonth[f][m][j] =
                cumMonthCount[f][m][j] == 0
                    ? Double.NaN
                    : cumMonthSum[f][m][j] / cumMonthCount[f][m][j];
          }
        }
      }
      double[][] series = new double[seriesSum.length][];
      for (int s = 0; s < series.length; s++) {
        series[s] = new double[seriesSum[s].length];
        for (int j = 0; j < series[s].length; j++) {
          series[s][j] = seriesSum[s][j] / added;
        }
      }
      double[][] seasonWait = new double[seasonServed.length][];
      for (int res = 0; res < seasonWait.length; res++) {
        seasonWait[res] = new double[seasonServed[res].length];
        for (int k = 0; k < seasonWait[res].length; k++) {
          seasonWait[res][k] =
              seasonServed[res][k] == 0
                  ? Double.NaN
                  : seasonWaitSum_h[res][k] / seasonServed[res][k];
        }
      }
      return new CorridorResult(
          layout,
          added,
          seed,
          List.copyOf(stats),
          values,
          seeds,
          flowTransit,
          corridorTransit,
          allTransit,
          flowMonthTransit,
          cum,
          cumMonth,
          seasonWait,
          seasonServed,
          series,
          bottlenecks(stats),
          created,
          delivered,
          inside,
          events);
    }

    private KpiStat stat(int i) {
      KpiCatalogue.Kpi kpi = catalogue.kpis().get(i);
      int n = 0;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < added; r++) {
        double x = values[r][i];
        if (!Double.isNaN(x)) {
          n++;
          sum += x;
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      if (n == 0) {
        double nan = Double.NaN;
        return new KpiStat(kpi.name(), kpi.unit().label(), nan, nan, nan, nan, nan, 0);
      }
      double mean = sum / n;
      double ss = 0;
      for (int r = 0; r < added; r++) {
        double x = values[r][i];
        if (!Double.isNaN(x)) {
          ss += (x - mean) * (x - mean);
        }
      }
      double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
      double hw = n > 1 ? StudentT.twoSidedQuantile(0.95, n - 1) * sd / Math.sqrt(n) : Double.NaN;
      return new KpiStat(kpi.name(), kpi.unit().label(), mean, hw, sd, min, max, n);
    }

    private List<Bottleneck> bottlenecks(List<KpiStat> stats) {
      record W(int r, double hours) {}
      List<W> ws = new ArrayList<>();
      double total = 0;
      for (int r = 0; r < layout.resources.size(); r++) {
        Layout.ResourceRef ref = layout.resources.get(r);
        String p = KpiCatalogue.resourcePrefix(ref);
        double w = find(stats, p + ".wait_unit_hours_per_year");
        if (w > 0) {
          ws.add(new W(r, w));
          total += w;
        }
      }
      ws.sort(
          (a, b) ->
              a.hours != b.hours ? Double.compare(b.hours, a.hours) : Integer.compare(a.r, b.r));
      List<Bottleneck> out = new ArrayList<>();
      int rank = 1;
      for (W w : ws) {
        Layout.ResourceRef ref = layout.resources.get(w.r);
        String p = KpiCatalogue.resourcePrefix(ref);
        out.add(
            new Bottleneck(
                rank++,
                ref.kind(),
                ref.id(),
                w.hours,
                w.hours / total,
                find(stats, p + ".utilisation"),
                find(stats, p + ".mean_wait_h")));
      }
      return out;
    }

    private double find(List<KpiStat> stats, String name) {
      for (KpiStat s : stats) {
        if (s.name().equals(name)) {
          return s.mean();
        }
      }
      return Double.NaN;
    }
  }
}
