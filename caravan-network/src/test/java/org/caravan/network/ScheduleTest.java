package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00Z, a Thursday

  @Test
  void weekly_timetable_next_departure() {
    Schedule s =
        Schedule.weekly(new int[] {18 * 3600, 3 * 86_400 + 6 * 3600}); // Mon 18:00, Thu 06:00
    // Thursday 2026-01-01 00:00 -> Thursday 06:00 the same day
    assertThat(s.nextDeparture_s(T0)).isEqualTo(T0 + 6 * 3600);
    // Thursday 07:00 -> next Monday 18:00 (4 days 11 h later)
    assertThat(s.nextDeparture_s(T0 + 7 * 3600)).isEqualTo(T0 + 4 * 86_400 + 18 * 3600);
    assertThat(s.maxWait_s()).isEqualTo(4 * 86_400 + 12 * 3600);
  }

  @Test
  void periodic_departure_at_the_exact_time_does_not_wait() {
    Schedule s = Schedule.periodic(86_400, 18 * 3600);
    long dep = s.nextDeparture_s(T0);
    assertThat(dep).isEqualTo(T0 + 18 * 3600);
    assertThat(s.nextDeparture_s(dep)).isEqualTo(dep);
    assertThat(s.nextDeparture_s(dep + 1)).isEqualTo(dep + 86_400);
  }

  /**
   * Waiting is FIFO: a later arrival never departs earlier, and never waits longer than the
   * schedule's gap.
   */
  @Property(tries = 500)
  void waiting_is_first_in_first_out(
      @ForAll @LongRange(min = 0, max = 10_000_000) long dt,
      @ForAll @LongRange(min = 0, max = 1_000_000) long later,
      @ForAll @IntRange(min = 1, max = 30) int perWeek,
      @ForAll @IntRange(min = 0, max = 604_799) int phase,
      @ForAll boolean timetable) {
    Schedule s =
        timetable
            ? Schedule.weekly(new int[] {phase, (phase + 200_000) % 604_800})
            : Schedule.periodic(604_800 / perWeek, phase);
    long t = T0 + dt;
    long a = s.nextDeparture_s(t);
    long b = s.nextDeparture_s(t + later);
    assertThat(a).isGreaterThanOrEqualTo(t).isLessThanOrEqualTo(t + s.maxWait_s());
    assertThat(b).isGreaterThanOrEqualTo(a);
  }

  /** The wait spread: uniform over the headway (P^2/12); a timetable's gaps weighted by length. */
  @Test
  void wait_variance_is_that_of_a_uniform_arrival() {
    assertThat(Schedule.periodic(86_400, 0).waitVariance_s2())
        .isEqualTo(Math.round(86_400.0 * 86_400 / 12));
    long week = Schedule.WEEK_S;
    assertThat(Schedule.weekly(new int[] {3600}).waitVariance_s2())
        .isEqualTo(Math.round((double) week * week / 12));
    // two departures half a week apart behave like a frequency of two per week
    assertThat(Schedule.weekly(new int[] {0, (int) (week / 2)}).waitVariance_s2())
        .isEqualTo(Schedule.periodic(week / 2, 0).waitVariance_s2());
    // uneven gaps (1 day and 6 days) spread the wait more than two even ones
    assertThat(Schedule.weekly(new int[] {0, 86_400}).waitVariance_s2())
        .isGreaterThan(Schedule.weekly(new int[] {0, (int) (week / 2)}).waitVariance_s2());
  }

  /**
   * Departure times no source publishes: the expected wait is the mean of the uniform wait over the
   * headway (oracle: the average of the grid's waits over one headway of arrivals), whatever the
   * arrival; a published schedule keeps its exact next departure.
   */
  @Property(tries = 200)
  void unpublished_departures_cost_the_mean_wait(
      @ForAll @IntRange(min = 1, max = 30) int perWeek,
      @ForAll @LongRange(min = 0, max = 10_000_000) long dt) {
    long period = 604_800 / perWeek;
    Schedule grid = Schedule.periodic(period, 0);
    Schedule unknown = Schedule.unpublished(period);
    long t = T0 + dt;
    double mean = 0;
    int n = 10_000;
    for (int k = 0; k < n; k++) {
      long arrival = t + k * period / n;
      mean += grid.nextDeparture_s(arrival) - arrival;
    }
    mean /= n;
    assertThat((double) (unknown.expectedDeparture_s(t) - t))
        .isCloseTo(mean, within(period / 1000.0 + 1));
    assertThat(unknown.expectedDeparture_s(t + 1)).isGreaterThan(unknown.expectedDeparture_s(t));
    assertThat(grid.expectedDeparture_s(t)).isEqualTo(grid.nextDeparture_s(t));
    assertThat(unknown.waitVariance_s2()).isEqualTo(grid.waitVariance_s2());
  }
}
