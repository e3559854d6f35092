package org.caravan.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.simulation.corridor.Bottleneck;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorRunner;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;
import org.caravan.study.StudyRunner;
import org.caravan.study.StudyStore;

/**
 * The replication function of a study run: the same object, and so the same KPIs, on every engine.
 * It carries only text — the network overlay paths and each variant's checked scenario YAML — so a
 * distributed engine can ship it; wherever it runs, a task's variant is loaded by {@link
 * ScenarioLoader} and built by {@link ModelBuilder} once per JVM (a bounded cache keyed by the
 * SHA-256 of overlays, years and scenario text), then one replication runs with the task's seed.
 * The run's own network is used where it was opened; elsewhere the network is opened from the
 * overlay paths, which must be readable there.
 *
 * <p>Each replication's queue-length series (border queues, yard units, vessels waiting; sampled
 * every {@code sample_interval_h} from time 0) are reduced to the mean of each {@value
 * #PERIOD_DAYS} -day period of the measured window (after the warm-up): the study store's {@code
 * series} table.
 */
final class StudyTasks implements StudyRunner.ReplicationFunction {
  /** Length of a series period (days): about a month. */
  static final int PERIOD_DAYS = 30;

  private static final int CACHED_MODELS = 32;
  private static final Map<String, CompletableFuture<CorridorSpec>> MODELS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CorridorSpec>> e) {
          return size() > CACHED_MODELS;
        }
      };
  private static final Map<List<String>, Caravan> NETWORKS = new LinkedHashMap<>();

  private final List<String> overlays;
  private final List<String> names;
  private final List<String> yamls;
  private final double years;
  private transient Caravan caravan;

  /**
   * @param overlays the network overlays the run was opened with (paths as given)
   * @param names variant names by index (the baseline first)
   * @param yamls each variant's scenario YAML, as checked
   * @param years measured years override, NaN for the scenario's own
   * @param caravan the network already open in this JVM (not shipped)
   */
  StudyTasks(
      List<Path> overlays, List<String> names, List<String> yamls, double years, Caravan caravan) {
    this.overlays = overlays.stream().map(Path::toString).toList();
    this.names = List.copyOf(names);
    this.yamls = List.copyOf(yamls);
    this.years = years;
    this.caravan = caravan;
  }

  @Override
  public StudyRunner.Replication run(StudyRunner.Task task) {
    CorridorSpec spec = spec(task.variant());
    CorridorResult r = CorridorRunner.run(spec, 1, task.seed(), 1, done -> {});
    List<StudyStore.KpiValue> kpis = new ArrayList<>(r.kpis().size());
    for (KpiStat k : r.kpis()) {
      kpis.add(new StudyStore.KpiValue(k.name(), k.unit(), k.mean()));
    }
    String bottleneck = r.bottlenecks().isEmpty() ? "none" : label(r.bottlenecks().getFirst());
    return new StudyRunner.Replication(kpis, series(spec, r), bottleneck);
  }

  /** The 30-day means of every queue-length series over the measured window. */
  static List<StudyStore.SeriesValue> series(CorridorSpec spec, CorridorResult r) {
    List<String> names = r.layout().seriesNames();
    long step_s = spec.sampleInterval_s();
    List<StudyStore.SeriesValue> out = new ArrayList<>();
    if (step_s <= 0) {
      return out;
    }
    long period_s = PERIOD_DAYS * 86_400L;
    for (int s = 0; s < names.size(); s++) {
      double[] samples = r.seriesMean()[s];
      double sum = 0;
      int n = 0;
      int period = 0;
      for (int j = 0; j < samples.length; j++) {
        long t_s = j * step_s;
        if (t_s < spec.warmup_s()) {
          continue;
        }
        int p = (int) ((t_s - spec.warmup_s()) / period_s);
        if (p != period && n > 0) {
          out.add(value(spec, names.get(s), period, period_s, sum / n));
          sum = 0;
          n = 0;
        }
        period = p;
        sum += samples[j];
        n++;
      }
      if (n > 0) {
        out.add(value(spec, names.get(s), period, period_s, sum / n));
      }
    }
    return out;
  }

  private static StudyStore.SeriesValue value(
      CorridorSpec spec, String name, int period, long period_s, double mean) {
    long start_s = spec.warmup_s() + period * period_s;
    long end_s = Math.min(start_s + period_s, spec.horizon_s());
    return new StudyStore.SeriesValue(
        name, period, start_s / 86_400.0, (end_s - start_s) / 86_400.0, mean);
  }

  private static String label(Bottleneck b) {
    return b.kind().name().toLowerCase(Locale.ROOT) + ":" + b.id();
  }

  private CorridorSpec spec(int variant) {
    String key = sha256(overlays + "\n" + years + "\n" + yamls.get(variant));
    CompletableFuture<CorridorSpec> f;
    boolean mine = false;
    synchronized (MODELS) {
      f = MODELS.get(key);
      if (f == null) {
        f = new CompletableFuture<>();
        MODELS.put(key, f);
        mine = true;
      }
    }
    if (mine) {
      try {
        Scenario sc = ScenarioLoader.parse(yamls.get(variant), names.get(variant), network());
        if (!Double.isNaN(years)) {
          sc = sc.withYears(years);
        }
        f.complete(new ModelBuilder(network()).build(sc).spec());
      } catch (RuntimeException e) {
        synchronized (MODELS) {
          MODELS.remove(key);
        }
        f.completeExceptionally(e);
      }
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private Caravan network() {
    if (caravan == null) {
      synchronized (NETWORKS) {
        caravan =
            NETWORKS.computeIfAbsent(
                overlays, o -> CaravanApp.open(o.stream().map(Path::of).toList()).caravan());
      }
    }
    return caravan;
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
