package org.caravan.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.caravan.simulation.corridor.CorridorRunner;

/**
 * Runs every variant × replication of a study with common random numbers: replication {@code r} of
 * every variant (and of the baseline) uses the same seed, the {@code r}-th of the study seed's
 * stream ({@link CorridorRunner#replicationSeeds}), so a variant's difference from the baseline is
 * measured on the same storms, dwell draws and demand — the paired differences then have far
 * smaller variance than independent runs (Law, Simulation Modeling and Analysis, 5th ed., §11.2).
 * Raising the replication count keeps the seeds of the first replications.
 *
 * <p>The work is a list of {@link Task}s (those not yet stored) handed to an {@link StudyEngine}:
 * {@link LocalEngine} (threads of this JVM) or an engine found by name, such as the Spark engine of
 * module caravan-spark. Whatever the engine, each replication is computed by the same {@link
 * ReplicationFunction} from its task alone, so the KPIs do not depend on the engine, the thread or
 * the order; and each finished replication is written to the store by the caller's thread as soon
 * as the engine hands it back, in one transaction ({@link StudyStore#writeReplication}). Stored
 * replications are skipped, which makes a run resumable after a crash.
 */
public final class StudyRunner {
  /**
   * One replication to compute: variant {@code variant} (its index in the study, the baseline is
   * 0), replication {@code replication} with its common-random-number seed.
   */
  public record Task(int variant, String variantName, int replication, long seed)
      implements Serializable {}

  /** The KPIs of one replication, its periodic series and the resource that binds. */
  public record Replication(
      List<StudyStore.KpiValue> kpis, List<StudyStore.SeriesValue> series, String bottleneck)
      implements Serializable {
    public Replication {
      kpis = List.copyOf(kpis);
      series = List.copyOf(series);
    }
  }

  /**
   * Computes one replication from its task alone. Serializable so a distributed engine can ship it
   * to its workers; it must give the same result wherever it runs.
   */
  public interface ReplicationFunction extends Serializable {
    Replication run(Task task);
  }

  /** A finished replication as an engine hands it back; {@code wall_s} is its compute time. */
  public record Finished(Task task, Replication replication, double wall_s)
      implements Serializable {
    /** Runs {@code f} on {@code t} and times it: what every engine does per task. */
    public static Finished compute(ReplicationFunction f, Task t) {
      long t0 = System.nanoTime();
      Replication r = f.run(t);
      return new Finished(t, r, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Reported after each replication, run or skipped. */
  public record Progress(
      String variant, int replication, int done, int total, boolean skipped, double wall_s) {}

  /**
   * What a run did; {@code store_s} is the time spent writing to the store (on the caller's thread)
   * and {@code rows} the rows written (runs, KPIs, series).
   */
  public record Outcome(int ran, int skipped, double store_s, long rows) {}

  private StudyRunner() {}

  /**
   * Runs what is missing on {@code engine} ({@link LocalEngine}: this JVM's threads).
   *
   * @param variants the baseline first, then the variants
   * @param options engine options ({@code threads}, {@code master}, ...)
   */
  public static Outcome run(
      String study,
      List<String> variants,
      ReplicationFunction function,
      long seed,
      int replications,
      StudyStore store,
      StudyEngine engine,
      Map<String, String> options,
      Consumer<Progress> progress) {
    long[] seeds = CorridorRunner.replicationSeeds(seed, replications);
    Set<String> done = store.finished(study);
    int total = variants.size() * replications;
    int skipped = 0;
    List<Task> tasks = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      for (int r = 0; r < replications; r++) {
        if (done.contains(StudyStore.key(variants.get(v), r))) {
          skipped++;
          progress.accept(new Progress(variants.get(v), r, skipped, total, true, 0));
        } else {
          tasks.add(new Task(v, variants.get(v), r, seeds[r]));
        }
      }
    }
    if (tasks.isEmpty()) {
      return new Outcome(0, skipped, 0, 0);
    }
    int before = skipped;
    int[] ran = {0};
    long[] store_ns = {0};
    long[] rows = {0};
    engine.run(
        new StudyEngine.Batch(study, tasks, function, options),
        f -> {
          Task t = f.task();
          long t0 = System.nanoTime();
          store.writeReplication(
              study,
              new StudyStore.RunRow(
                  t.variantName(),
                  t.replication(),
                  t.seed(),
                  f.wall_s(),
                  f.replication().bottleneck()),
              f.replication().kpis(),
              f.replication().series());
          store_ns[0] += System.nanoTime() - t0;
          rows[0] += 1 + f.replication().kpis().size() + f.replication().series().size();
          ran[0]++;
          progress.accept(
              new Progress(
                  t.variantName(), t.replication(), before + ran[0], total, false, f.wall_s()));
        });
    return new Outcome(ran[0], skipped, store_ns[0] / 1e9, rows[0]);
  }
}
