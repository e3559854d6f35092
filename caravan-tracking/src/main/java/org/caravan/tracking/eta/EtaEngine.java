package org.caravan.tracking.eta;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arrival-time distribution of a shipment in progress, by Monte Carlo over the segments still
 * ahead of it.
 *
 * <p>Design. Each segment's wait and run is a random variable with a prior from the route planner
 * (log-normal with the planner's mean and variance: running-time spread, border dwell spread, the
 * spread of the wait for a scheduled sailing over its headway, and seasonal closure risk). Recent
 * observations of the same segment by other containers (completed within {@link Settings#window_s}
 * before now) are blended in as the posterior predictive of a Dirichlet process centred on the
 * prior (Ferguson 1973; the Blackwell–MacQueen urn): a draw is one of the {@code n} recent
 * observations with probability {@code n / (n + k)} and a draw from the prior otherwise, so with
 * few observations the prior rules and with many the observed recent conditions do (a storm that
 * holds ferries at Aktau shows in the observed waits within days). {@code k}, the prior's weight in
 * pseudo-observations, is chosen on calibration seeds of the evaluation, never on its test seeds
 * (docs/ETA.md). The part the container is in now is conditioned on the time it has already spent
 * there (a draw shorter than the elapsed time is rejected and redrawn; after {@value #REDRAWS}
 * failures the elapsed time plus one prior standard deviation is used). Arrival is the time of the
 * last actual event plus the sum; p10, p50 and p90 are the empirical quantiles of {@link
 * Settings#samples} draws from a seeded generator, so one answer is reproducible.
 *
 * <p>[Kuleshov et al. 2018] V. Kuleshov, N. Fenner, S. Ermon, Accurate uncertainties for deep
 * learning using calibrated regression, ICML 2018. [Ferguson 1973] T. S. Ferguson, A Bayesian
 * analysis of some nonparametric problems, Annals of Statistics 1(2):209–230. [Blackwell and
 * MacQueen 1973] Ferguson distributions via Pólya urn schemes, Annals of Statistics 1(2):353–355.
 */
public final class EtaEngine {
  static final int REDRAWS = 64;

  /** Where the container is on the first segment ahead. */
  public enum Phase {
    /** Waiting at the segment's start since {@code since_s} (arrived or gated in there). */
    AT_NODE,
    /** On the way from the segment's start since {@code since_s} (departed). */
    RUNNING
  }

  /**
   * Settings of one prediction.
   *
   * @param samples Monte Carlo draws
   * @param priorWeight {@code k}: the prior's weight, in observations
   * @param window_s how far back an observation counts as recent
   * @param bandScale the p10 and p90 are moved away from the p50 by this factor (1 = as sampled)
   */
  public record Settings(int samples, double priorWeight, long window_s, double bandScale) {
    /** The defaults, chosen on the calibration seeds (docs/ETA.md). */
    public static final Settings DEFAULT = new Settings(2000, 16, 14L * 86_400, 1.4);
  }

  /**
   * The predicted arrival.
   *
   * @param observed per segment ahead, recent observations used
   * @param priorShare per segment ahead, the prior's share {@code k / (n + k)}
   */
  public record Prediction(
      long p10_s,
      long p50_s,
      long p90_s,
      long mean_s,
      int samples,
      long seed,
      int[] observed,
      double[] priorShare) {}

  private EtaEngine() {}

  /**
   * Predicts the arrival at the end of {@code ahead}.
   *
   * @param ahead the segments still to do, the one the container is on first
   * @param since_s when the container entered {@code phase} on the first segment
   * @param now_s the time of the prediction (observations after it are not used)
   */
  public static Prediction predict(
      List<Segment> ahead,
      Phase phase,
      long since_s,
      long now_s,
      Observations obs,
      Settings settings,
      long seed) {
    int m = ahead.size();
    if (m == 0) {
      return new Prediction(since_s, since_s, since_s, since_s, 0, seed, new int[0], new double[0]);
    }
    int[] lo = new int[m];
    int[] n = new int[m];
    double[] prior = new double[m];
    Observations.Series[] series = new Observations.Series[m];
    for (int j = 0; j < m; j++) {
      series[j] = obs.series(ahead.get(j).key());
      lo[j] = series[j].from(now_s - settings.window_s());
      n[j] = Math.max(0, series[j].to(now_s) - lo[j]);
      prior[j] = settings.priorWeight() / (n[j] + settings.priorWeight());
    }
    double elapsed = Math.max(0, now_s - since_s);
    SplittableRandom rng = new SplittableRandom(seed);
    int samples = settings.samples();
    double[] total = new double[samples];
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      double t = 0;
      for (int j = 0; j < m; j++) {
        Segment s = ahead.get(j);
        if (j > 0 || phase == Phase.AT_NODE) {
          t +=
              draw(
                  rng,
                  s.waitMean_s(),
                  s.waitVar_s2(),
                  series[j].wait_s(),
                  lo[j],
                  n[j],
                  prior[j],
                  j == 0 ? elapsed : 0);
        }
        double runElapsed = j == 0 && phase == Phase.RUNNING ? elapsed : 0;
        t +=
            draw(
                rng,
                s.runMean_s(),
                s.runVar_s2(),
                series[j].run_s(),
                lo[j],
                n[j],
                prior[j],
                runElapsed);
      }
      total[i] = t;
      sum += t;
    }
    Arrays.sort(total);
    double p50 = quantile(total, 0.5);
    double scale = settings.bandScale();
    return new Prediction(
        since_s + Math.round(Math.max(total[0], p50 - scale * (p50 - quantile(total, 0.1)))),
        since_s + Math.round(p50),
        since_s + Math.round(p50 + scale * (quantile(total, 0.9) - p50)),
        since_s + Math.round(sum / samples),
        samples,
        seed,
        n,
        prior);
  }

  /**
   * One draw of a wait or run: a recent observation with probability {@code 1 - priorShare}, else
   * the log-normal prior; conditioned on exceeding {@code elapsed}.
   */
  private static double draw(
      SplittableRandom rng,
      double mean,
      double var,
      double[] observed,
      int lo,
      int n,
      double priorShare,
      double elapsed) {
    for (int k = 0; k < REDRAWS; k++) {
      double x =
          n > 0 && rng.nextDouble() >= priorShare
              ? observed[lo + rng.nextInt(n)]
              : logNormal(rng, mean, var);
      if (x >= elapsed) {
        return x;
      }
    }
    return elapsed + Math.sqrt(var);
  }

  /** A log-normal draw with this mean and variance; the mean itself when the variance is 0. */
  static double logNormal(SplittableRandom rng, double mean, double var) {
    if (var <= 0 || mean <= 0) {
      return mean;
    }
    double s2 = Math.log1p(var / (mean * mean));
    double mu = Math.log(mean) - s2 / 2;
    return Math.exp(mu + Math.sqrt(s2) * rng.nextGaussian());
  }

  /** The empirical quantile of sorted values, linear between order statistics (type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int i = (int) Math.floor(h);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
  }
}
