package org.caravan.network;

import java.util.Arrays;

/**
 * When a scheduled service departs. Times are seconds since the Unix epoch (UTC). Either a fixed period with a
 * phase (a {@code frequency} service) or a weekly timetable. {@link #nextDeparture_s} is non-decreasing in its
 * argument, which keeps waiting first-in-first-out: arriving later never lets a container leave earlier.
 */
public final class Schedule {
  /** Monday 1970-01-05 00:00 UTC, the origin of weekly offsets. */
  public static final long MONDAY_EPOCH_S = 4L * 86_400;

  public static final long WEEK_S = 7L * 86_400;

  private final long period_s;
  private final long phase_s;
  private final int[] weeklyOffsets_s;

  private Schedule(long period_s, long phase_s, int[] weeklyOffsets_s) {
    this.period_s = period_s;
    this.phase_s = phase_s;
    this.weeklyOffsets_s = weeklyOffsets_s;
  }

  /** Departures every {@code period_s}, the first {@code phase_s} after Monday 00:00 UTC. */
  public static Schedule periodic(long period_s, long phase_s) {
    if (period_s <= 0) {
      throw new IllegalArgumentException("period_s must be positive: " + period_s);
    }
    return new Schedule(period_s, Math.floorMod(phase_s, period_s), new int[0]);
  }

  /** Departures at these offsets (seconds after Monday 00:00 UTC) every week. */
  public static Schedule weekly(int[] offsets_s) {
    if (offsets_s.length == 0) {
      throw new IllegalArgumentException("a timetable needs at least one departure");
    }
    int[] sorted = offsets_s.clone();
    Arrays.sort(sorted);
    return new Schedule(0, 0, sorted);
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
