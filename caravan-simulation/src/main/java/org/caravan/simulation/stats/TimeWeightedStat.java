package org.caravan.simulation.stats;

/**
 * Time-weighted average of a piecewise-constant quantity such as a queue length or the number of
 * busy servers: accumulates the area {@code ∫ value dt} as the value changes. O(1) and
 * allocation-free per update. Times are engine ticks and must not decrease. Mutable; not
 * thread-safe.
 */
public final class TimeWeightedStat {
  private final long start_ticks;
  private long last_ticks;
  private double value;
  private double area;
  private double max;

  /** Starts accumulating at {@code start_ticks} with the given initial value. */
  public TimeWeightedStat(long start_ticks, double initialValue) {
    this.start_ticks = start_ticks;
    this.last_ticks = start_ticks;
    this.value = initialValue;
    this.max = initialValue;
  }

  /** Records that the quantity changes to {@code newValue} at {@code now_ticks}. */
  public void set(long now_ticks, double newValue) {
    area += value * (double) (now_ticks - last_ticks);
    last_ticks = now_ticks;
    value = newValue;
    if (newValue > max) {
      max = newValue;
    }
  }

  /** The current value. */
  public double value() {
    return value;
  }

  /** The largest value seen. */
  public double max() {
    return max;
  }

  /**
   * The time average from the start up to {@code now_ticks} (not before the last update); the
   * current value if no time has passed.
   */
  public double mean(long now_ticks) {
    long span = now_ticks - start_ticks;
    if (span <= 0) {
      return value;
    }
    return (area + value * (double) (now_ticks - last_ticks)) / span;
  }
}
