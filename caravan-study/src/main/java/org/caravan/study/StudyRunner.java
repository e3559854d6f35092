package org.caravan.study;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.caravan.simulation.corridor.CorridorRunner;

/**
 * Runs every variant × replication of a study with common random numbers: replication {@code r} of
 * every variant (and of the baseline) uses the same seed, the {@code r}-th of the study seed's
 * stream ({@link CorridorRunner#replicationSeeds}), so a variant's difference from the baseline is
 * measured on the same storms, dwell draws and demand — the paired differences then have far
 * smaller variance than independent runs (Law, Simulation Modeling and Analysis, 5th ed., §11.2).
 * Raising the replication count keeps the seeds of the first replications. Each finished
 * replication is stored at once ({@link StudyStore#writeReplication}); replications already stored
 * are skipped, which makes a run resumable after a crash. Variants are built lazily, so a finished
 * variant is never rebuilt.
 */
public final class StudyRunner {
  /** A variant's model: runs one replication with a given seed. */
  public interface VariantModel {
    Replication run(long seed);
  }

  /** The KPIs of one replication and the resource that binds (the one with the most waiting). */
  public record Replication(List<StudyStore.KpiValue> kpis, String bottleneck) {}

  /** Reported after each replication, run or skipped. */
  public record Progress(
      String variant, int replication, int done, int total, boolean skipped, double wall_s) {}

  /** What a run did. */
  public record Outcome(int ran, int skipped) {}

  private StudyRunner() {}

  /**
   * Runs what is missing.
   *
   * @param variants the baseline first, then the variants
   * @param models builds a variant's model (called at most once per variant, only if it has work)
   */
  public static Outcome run(
      String study,
      List<String> variants,
      Function<String, VariantModel> models,
      long seed,
      int replications,
      StudyStore store,
      Consumer<Progress> progress) {
    long[] seeds = CorridorRunner.replicationSeeds(seed, replications);
    Set<String> done = store.finished(study);
    int total = variants.size() * replications;
    int ran = 0;
    int skipped = 0;
    for (String v : variants) {
      VariantModel model = null;
      for (int r = 0; r < replications; r++) {
        if (done.contains(StudyStore.key(v, r))) {
          skipped++;
          progress.accept(new Progress(v, r, ran + skipped, total, true, 0));
          continue;
        }
        if (model == null) {
          model = models.apply(v);
        }
        long t0 = System.nanoTime();
        Replication rep = model.run(seeds[r]);
        double wall_s = (System.nanoTime() - t0) / 1e9;
        store.writeReplication(
            study, new StudyStore.RunRow(v, r, seeds[r], wall_s, rep.bottleneck()), rep.kpis());
        ran++;
        progress.accept(new Progress(v, r, ran + skipped, total, false, wall_s));
      }
    }
    return new Outcome(ran, skipped);
  }
}
