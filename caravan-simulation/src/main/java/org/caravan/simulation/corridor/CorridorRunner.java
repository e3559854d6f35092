package org.caravan.simulation.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.caravan.simulation.stats.StudentT;

/**
 * Runs replications of a corridor model in parallel (one engine per task, a fixed pool of threads) and
 * folds their results in replication order. Replication {@code i} uses the {@code i}-th {@code nextLong()}
 * of a {@link SplittableRandom} seeded with the scenario seed, so results are the same for any number of
 * threads, and the same seed gives the same output. At most {@code 2 × threads} finished results wait to
 * be folded, which bounds memory for thousands of replications. Stateless; thread-safe.
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
  public static CorridorResult run(CorridorSpec spec, int replications, long seed, int threads, IntConsumer progress) {
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
    ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
      Thread t = new Thread(r, "caravan-replication");
      t.setDaemon(true);
      return t;
    });
    try {
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Folds replication results in order. */
  static final class Merger {
    private final Layout layout;
    private final int replications;
    private final long seed;
    private final long[] seeds;
    private final List<String> names = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final double[][] values;
    private final Histogram[] flowTransit;
    private final Histogram[] corridorTransit;
    private final Histogram allTransit = CorridorModel.newHistogram();
    private final double[][] cumSum;
    private final int[][] cumCount;
    private final double[][] seriesSum;
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
      defineKpis();
      values = new double[replications][];
      CorridorSpec spec = layout.spec;
      flowTransit = new Histogram[spec.flows().size()];
      cumSum = new double[spec.flows().size()][];
      cumCount = new int[spec.flows().size()][];
      for (int f = 0; f < flowTransit.length; f++) {
        flowTransit[f] = CorridorModel.newHistogram();
        cumSum[f] = new double[spec.flows().get(f).legs().length];
        cumCount[f] = new int[cumSum[f].length];
      }
      corridorTransit = new Histogram[layout.corridors.size()];
      for (int c = 0; c < corridorTransit.length; c++) {
        corridorTransit[c] = CorridorModel.newHistogram();
      }
      seriesSum = new double[layout.seriesNames.size()][layout.samples];
    }

    private void kpi(String name, String unit) {
      names.add(name);
      units.add(unit);
    }

    private void defineKpis() {
      CorridorSpec spec = layout.spec;
      kpi("throughput.all.teu_per_year", "TEU/yr");
      kpi("throughput.all.tonnes_per_year", "t/yr");
      for (String c : layout.corridors) {
        kpi("throughput." + c + ".teu_per_year", "TEU/yr");
        kpi("throughput." + c + ".tonnes_per_year", "t/yr");
      }
      for (CorridorSpec.Flow f : spec.flows()) {
        kpi("throughput.flow." + f.id() + ".teu_per_year", "TEU/yr");
        kpi("throughput.flow." + f.id() + ".tonnes_per_year", "t/yr");
      }
      for (CorridorSpec.Leg l : spec.legs()) {
        kpi("segment." + l.id() + ".teu_per_year", "TEU/yr");
        kpi("segment." + l.id() + ".tonnes_per_year", "t/yr");
      }
      kpi("transit.all.p50_days", "d");
      kpi("transit.all.p95_days", "d");
      kpi("transit.all.mean_days", "d");
      for (String c : layout.corridors) {
        kpi("transit." + c + ".p50_days", "d");
        kpi("transit." + c + ".p95_days", "d");
        kpi("transit." + c + ".mean_days", "d");
      }
      for (CorridorSpec.Flow f : spec.flows()) {
        kpi("transit.flow." + f.id() + ".p50_days", "d");
        kpi("transit.flow." + f.id() + ".p95_days", "d");
      }
      kpi("co2e.all.tonnes_per_year", "t CO2e/yr");
      for (String c : layout.corridors) {
        kpi("co2e." + c + ".tonnes_per_year", "t CO2e/yr");
      }
      for (Layout.ResourceRef r : layout.resources) {
        String p = "resource." + r.kind().code() + "." + r.id();
        kpi(p + ".utilisation", "1");
        kpi(p + ".wait_unit_hours_per_year", "unit-h/yr");
        kpi(p + ".mean_wait_h", "h");
        kpi(p + ".mean_queue", r.kind() == ResourceKind.BERTH ? "vessels"
            : r.kind() == ResourceKind.SECTION || r.kind() == ResourceKind.BORDER ? "trains" : "units");
      }
      kpi("storm.closed_days_per_year", "d/yr");
    }

    void add(ReplicationResult r) {
      CorridorSpec spec = layout.spec;
      double[] v = new double[names.size()];
      int k = 0;
      int nc = layout.corridors.size();
      double[] corTeu = new double[nc];
      double[] corT = new double[nc];
      double[] corCo2 = new double[nc];
      double allTeu = 0;
      double allT = 0;
      double allCo2 = 0;
      for (int f = 0; f < spec.flows().size(); f++) {
        CorridorSpec.Flow fl = spec.flows().get(f);
        double u = r.flowUnitsPerYear()[f];
        int c = layout.flowCorridor[f];
        corTeu[c] += u * fl.teuPerUnit();
        corT[c] += u * fl.tonnesPerUnit();
        corCo2[c] += u * fl.co2ePerUnit_g() / 1e6;
      }
      for (int c = 0; c < nc; c++) {
        allTeu += corTeu[c];
        allT += corT[c];
        allCo2 += corCo2[c];
      }
      v[k++] = allTeu;
      v[k++] = allT;
      for (int c = 0; c < nc; c++) {
        v[k++] = corTeu[c];
        v[k++] = corT[c];
      }
      for (int f = 0; f < spec.flows().size(); f++) {
        CorridorSpec.Flow fl = spec.flows().get(f);
        v[k++] = r.flowUnitsPerYear()[f] * fl.teuPerUnit();
        v[k++] = r.flowUnitsPerYear()[f] * fl.tonnesPerUnit();
      }
      for (int l = 0; l < spec.legs().size(); l++) {
        v[k++] = r.legTeuPerYear()[l];
        v[k++] = r.legTonnesPerYear()[l];
      }
      Histogram all = CorridorModel.newHistogram();
      for (Histogram h : r.corridorTransit()) {
        all.add(h);
      }
      k = percentiles(v, k, all, true);
      for (int c = 0; c < nc; c++) {
        k = percentiles(v, k, r.corridorTransit()[c], true);
      }
      for (int f = 0; f < spec.flows().size(); f++) {
        k = percentiles(v, k, r.flowTransit()[f], false);
      }
      v[k++] = allCo2;
      for (int c = 0; c < nc; c++) {
        v[k++] = corCo2[c];
      }
      for (int i = 0; i < layout.resources.size(); i++) {
        v[k++] = r.resourceUtilisation()[i];
        v[k++] = r.resourceWaitUnitHoursPerYear()[i];
        v[k++] = r.resourceMeanWait_h()[i];
        v[k++] = r.resourceMeanQueue()[i];
      }
      v[k++] = r.stormDays();
      values[added++] = v;

      allTransit.add(all);
      for (int c = 0; c < nc; c++) {
        corridorTransit[c].add(r.corridorTransit()[c]);
      }
      for (int f = 0; f < flowTransit.length; f++) {
        flowTransit[f].add(r.flowTransit()[f]);
        for (int j = 0; j < cumSum[f].length; j++) {
          double x = r.flowLegCumulative_s()[f][j];
          if (!Double.isNaN(x)) {
            cumSum[f][j] += x;
            cumCount[f][j]++;
          }
        }
      }
      for (int s = 0; s < seriesSum.length; s++) {
        for (int j = 0; j < seriesSum[s].length; j++) {
          seriesSum[s][j] += r.series()[s][j];
        }
      }
      created += r.unitsCreated();
      delivered += r.unitsDelivered();
      inside += r.unitsInside();
      events += r.events();
    }

    private static int percentiles(double[] v, int k, Histogram h, boolean withMean) {
      double d = 60.0 * 24;
      boolean empty = h.getTotalCount() == 0;
      v[k++] = empty ? Double.NaN : h.getValueAtPercentile(50) / d;
      v[k++] = empty ? Double.NaN : h.getValueAtPercentile(95) / d;
      if (withMean) {
        v[k++] = empty ? Double.NaN : h.getMean() / d;
      }
      return k;
    }

    CorridorResult result() {
      List<KpiStat> stats = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        stats.add(stat(i));
      }
      double[][] cum = new double[cumSum.length][];
      for (int f = 0; f < cum.length; f++) {
        cum[f] = new double[cumSum[f].length];
        for (int j = 0; j < cum[f].length; j++) {
          cum[f][j] = cumCount[f][j] == 0 ? Double.NaN : cumSum[f][j] / cumCount[f][j];
        }
      }
      double[][] series = new double[seriesSum.length][];
      for (int s = 0; s < series.length; s++) {
        series[s] = new double[seriesSum[s].length];
        for (int j = 0; j < series[s].length; j++) {
          series[s][j] = seriesSum[s][j] / added;
        }
      }
      return new CorridorResult(layout, added, seed, List.copyOf(stats), values, seeds, flowTransit, corridorTransit,
          allTransit, cum, series, bottlenecks(stats), created, delivered, inside, events);
    }

    private KpiStat stat(int i) {
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
        return new KpiStat(names.get(i), units.get(i), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
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
      return new KpiStat(names.get(i), units.get(i), mean, hw, sd, min, max, n);
    }

    private List<Bottleneck> bottlenecks(List<KpiStat> stats) {
      record W(int r, double hours) {}
      List<W> ws = new ArrayList<>();
      double total = 0;
      for (int r = 0; r < layout.resources.size(); r++) {
        Layout.ResourceRef ref = layout.resources.get(r);
        String p = "resource." + ref.kind().code() + "." + ref.id();
        double w = find(stats, p + ".wait_unit_hours_per_year");
        if (w > 0) {
          ws.add(new W(r, w));
          total += w;
        }
      }
      ws.sort((a, b) -> a.hours != b.hours ? Double.compare(b.hours, a.hours) : Integer.compare(a.r, b.r));
      List<Bottleneck> out = new ArrayList<>();
      int rank = 1;
      for (W w : ws) {
        Layout.ResourceRef ref = layout.resources.get(w.r);
        String p = "resource." + ref.kind().code() + "." + ref.id();
        out.add(new Bottleneck(rank++, ref.kind(), ref.id(), w.hours, w.hours / total, find(stats, p + ".utilisation"),
            find(stats, p + ".mean_wait_h")));
      }
      return out;
    }

    private double find(List<KpiStat> stats, String name) {
      int i = names.indexOf(name);
      return i < 0 ? Double.NaN : stats.get(i).mean();
    }
  }
}
