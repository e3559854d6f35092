package org.caravan.simulation.stats;

/**
 * The method of non-overlapping batch means for a confidence interval on the steady-state mean of
 * an autocorrelated output series, such as successive customers' waits (Law [1] §9.5.3; Schmeiser
 * [2]): the series is cut into {@code batchCount} consecutive batches of {@code batchSize}
 * observations; if the batches are long compared with the correlation time, their means are nearly
 * independent and normal, so a Student-t interval with {@code batchCount - 1} degrees of freedom
 * applies. Schmeiser recommends 10 to 30 batches. Observations after the last batch is full are
 * ignored.
 *
 * <p>[1] A. M. Law, Simulation Modeling and Analysis, 5th ed., 2015. [2] B. Schmeiser, "Batch size
 * effects in the analysis of simulation output", Operations Research 30(3), 1982.
 *
 * <p>{@link #add} is O(1) and allocation-free. Mutable; not thread-safe.
 */
public final class BatchMeans {
  private final long batchSize;
  private final double[] means;
  private int completed;
  private long inBatch;
  private double batchSum;

  /**
   * Creates an empty accumulator.
   *
   * @param batchCount number of batches, at least 2
   * @param batchSize observations per batch, at least 1
   */
  public BatchMeans(int batchCount, long batchSize) {
    if (batchCount < 2 || batchSize < 1) {
      throw new IllegalArgumentException(
          "need batchCount >= 2 and batchSize >= 1, got " + batchCount + ", " + batchSize);
    }
    this.batchSize = batchSize;
    this.means = new double[batchCount];
  }

  /** Adds one observation. */
  public void add(double x) {
    if (completed == means.length) {
      return;
    }
    batchSum += x;
    if (++inBatch == batchSize) {
      means[completed++] = batchSum / batchSize;
      batchSum = 0;
      inBatch = 0;
    }
  }

  /** Number of complete batches. */
  public int completedBatches() {
    return completed;
  }

  /** The mean of batch {@code i} (0-based, complete batches only). */
  public double batchMean(int i) {
    if (i < 0 || i >= completed) {
      throw new IndexOutOfBoundsException("batch " + i + " of " + completed + " complete");
    }
    return means[i];
  }

  /**
   * The interval over the complete batches at level {@code confidence} (e.g. 0.99). With fewer than
   * two complete batches the half-width is NaN (and the mean NaN if none).
   */
  public ConfidenceInterval interval(double confidence) {
    int k = completed;
    if (k == 0) {
      return new ConfidenceInterval(Double.NaN, Double.NaN, confidence, 0);
    }
    double m = 0;
    for (int i = 0; i < k; i++) {
      m += means[i];
    }
    m /= k;
    if (k < 2) {
      return new ConfidenceInterval(m, Double.NaN, confidence, k);
    }
    double ss = 0;
    for (int i = 0; i < k; i++) {
      double d = means[i] - m;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / (k - 1));
    double half = StudentT.twoSidedQuantile(confidence, k - 1) * sd / Math.sqrt(k);
    return new ConfidenceInterval(m, half, confidence, k);
  }
}
