package org.caravan.network;

import java.util.Arrays;

/**
 * When a scheduled service departs. Times are seconds since the Unix epoch (UTC). Either a fixed
 * period with a phase (a {@code frequency} service) or a weekly timetable. {@link #nextDeparture_s}
 * is non-decreasing in its argument, which keeps waiting first-in-first-out: arriving later never
 * lets a container leave earlier.
 */
public final class Schedule {
  /** Monday 1970-01-05 00:00 UTC, the origin of weekly offsets. */
  public static final long MONDAY_EPOCH_S = 4L * 86_400;

  public static final long WEEK_S = 7L * 86_400;

  private final long period_s;
  private final long phase_s;
  private final boolean published;
  private final int[] weeklyOffsets_s;
  private final long waitVariance_s2;

  private Schedule(long period_s, long phase_s, boolean published, int[] weeklyOffsets_s) {
    this.period_s = period_s;
    this.phase_s = phase_s;
    this.published = published;
    this.weeklyOffsets_s = weeklyOffsets_s;
    this.waitVariance_s2 = waitVariance(period_s, weeklyOffsets_s);
  }

  /**
   * Variance of the wait for a container whose arrival time is spread evenly over the week (its
   * arrival spread is days, the headway hours to days): the uniform distribution over the headway
   * for a frequency service, {@code P^2 / 12}; for a timetable the wait is uniform within each gap
   * {@code g_i} between departures, so {@code E[W] = sum g_i^2 / 2T} and {@code E[W^2] = sum g_i^3
   * / 3T} over the week {@code T}.
   */
  private static long waitVariance(long period_s, int[] offsets) {
    if (period_s > 0) {
      return Math.round((double) period_s * period_s / 12.0);
    }
    double week = WEEK_S;
    double m1 = 0;
    double m2 = 0;
    for (int i = 0; i < offsets.length; i++) {
      double gap =
          i == 0 ? offsets[0] + WEEK_S - offsets[offsets.length - 1] : offsets[i] - offsets[i - 1];
      m1 += gap * gap / (2 * week);
      m2 += gap * gap * gap / (3 * week);
    }
    return Math.round(m2 - m1 * m1);
  }

  /**
   * Variance of the wait for a departure, seconds squared, for an arrival spread evenly over the
   * week.
   */
  public long waitVariance_s2() {
    return waitVariance_s2;
  }

  /** Departures every {@code period_s}, the first {@code phase_s} after Monday 00:00 UTC. */
  public static Schedule periodic(long period_s, long phase_s) {
    requirePositive(period_s);
    return new Schedule(period_s, Math.floorMod(phase_s, period_s), true, new int[0]);
  }

  /**
   * Departures every {@code period_s} at times no source publishes (a frequency service without
   * {@code first_departure_h}). {@link #nextDeparture_s} still places them on a grid from Monday
   * 00:00 UTC (the simulation needs departures), but {@link #expectedDeparture_s} does not pretend
   * to know it.
   */
  public static Schedule unpublished(long period_s) {
    requirePositive(period_s);
    return new Schedule(period_s, 0, false, new int[0]);
  }

  private static void requirePositive(long period_s) {
    if (period_s <= 0) {
      throw new IllegalArgumentException("period_s must be positive: " + period_s);
    }
  }

  /** Departures at these offsets (seconds after Monday 00:00 UTC) every week. */
  public static Schedule weekly(int[] offsets_s) {
    if (offsets_s.length == 0) {
      throw new IllegalArgumentException("a timetable needs at least one departure");
    }
    int[] sorted = offsets_s.clone();
    Arrays.sort(sorted);
    return new Schedule(0, 0, true, sorted);
  }

  /** The first departure at or after {@code t_s}. */
  public long nextDeparture_s(long t_s) {
    long rel = t_s - MONDAY_EPOCH_S;
    if (period_s > 0) {
      long k = Math.ceilDiv(rel - phase_s, period_s);
      return MONDAY_EPOCH_S + phase_s + k * period_s;
    }
    long week = Math.floorDiv(rel, WEEK_S);
    long inWeek = rel - week * WEEK_S;
    for (int offset : weeklyOffsets_s) {
      if (offset >= inWeek) {
        return MONDAY_EPOCH_S + week * WEEK_S + offset;
      }
    }
    return MONDAY_EPOCH_S + (week + 1) * WEEK_S + weeklyOffsets_s[0];
  }

  /**
   * When a container ready at {@code t_s} is expected to leave: the next departure of a published
   * schedule; for departures whose times are not published, {@code t_s} plus half the headway, the
   * mean wait of an arrival that falls anywhere between two departures (the wait's spread is {@link
   * #waitVariance_s2} either way). Non-decreasing in {@code t_s}, so waiting stays first-in
   * first-out.
   */
  public long expectedDeparture_s(long t_s) {
    return published ? nextDeparture_s(t_s) : t_s + period_s / 2;
  }

  /** Mean departures per week. */
  public double departuresPerWeek() {
    return period_s > 0 ? (double) WEEK_S / period_s : weeklyOffsets_s.length;
  }

  /** The longest possible wait, in seconds. */
  public long maxWait_s() {
    if (period_s > 0) {
      return period_s;
    }
    long max = weeklyOffsets_s[0] + WEEK_S - weeklyOffsets_s[weeklyOffsets_s.length - 1];
    for (int i = 1; i < weeklyOffsets_s.length; i++) {
      max = Math.max(max, weeklyOffsets_s[i] - weeklyOffsets_s[i - 1]);
    }
    return max;
  }
}
