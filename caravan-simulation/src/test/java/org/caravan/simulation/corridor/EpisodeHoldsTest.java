package org.caravan.simulation.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.caravan.network.Episodes;
import org.junit.jupiter.api.Test;

/**
 * Dated border episodes ({@link CorridorSpec.Hold}) on a tiny two-way corridor whose answers are
 * worked out by hand: a congestion delays the trains of its leg that pass the border in its period
 * by about its delay, its backlog drains after it, the other direction through the same border is
 * not held, a closure holds until it ends, and a run whose episodes lie outside it is the run
 * without them.
 */
class EpisodeHoldsTest {
  private static final long DAY = TinyCorridor.DAY;
  private static final long H = TinyCorridor.H;
  private static final long WARMUP = TinyCorridor.WARMUP;

  /** 1 April and 1 June on the simulation clock (non-leap calendar of the model). */
  private static final long APRIL_1 = WARMUP + 90 * DAY;

  private static final long JUNE_1 = WARMUP + 151 * DAY;

  private static CorridorSpec corridor(List<CorridorSpec.Hold> holds) {
    return TinyCorridor.spec(new CorridorSpec.Hazards(List.of(), List.of(), holds));
  }

  /** An 8-day (sd 2 days) congestion from 1 April to 31 May at the border, westbound leg only. */
  private static final CorridorSpec.Hold CONGESTION =
      new CorridorSpec.Hold(
          "CONG", 0, 0, Episodes.Kind.CONGESTION, APRIL_1, JUNE_1, 8 * DAY, 2 * DAY);

  private static CorridorResult run(CorridorSpec spec) {
    return CorridorRunner.run(spec, 2, 42, 1, i -> {});
  }

  private static double median(CorridorResult r, int flow, int... months) {
    return r.flowMedianDays(flow, months).orElseThrow();
  }

  @Test
  void a_congestion_delays_the_months_it_covers_by_its_delay_and_its_backlog_drains_after_it() {
    CorridorResult base = run(corridor(List.of()));
    CorridorResult held = run(corridor(List.of(CONGESTION)));

    // Transit without the episode: 10 h dwell, 5 h run, 1 h unloading and up to a day of formation.
    assertThat(median(base, 0)).isBetween(16 / 24.0, 2.0);
    // Units released in April and May pass the border in the period: about 8 days later.
    for (int m : new int[] {3, 4}) {
      assertThat(median(held, 0, m) - median(base, 0, m))
          .as("month " + m)
          .isCloseTo(8, offset(1.0));
    }
    // Before the period and well after the backlog, the same (same seed, its own random stream).
    for (int m : new int[] {0, 1, 2, 7, 8, 9, 10, 11}) {
      assertThat(median(held, 0, m)).as("month " + m).isCloseTo(median(base, 0, m), offset(0.1));
    }
    // The backlog: a train at the border on 1-8 June waits until 9 June (end + mean delay).
    double june = median(held, 0, 5) - median(base, 0, 5);
    assertThat(june).isGreaterThan(0.0).isLessThan(8.0);
    // The year's median hardly moves; the May median reads the same from either accessor.
    assertThat(median(held, 0, 3, 4)).isCloseTo(median(held, 0, 4), offset(1.0));
    assertThat(held.flowTransit()[0].getTotalCount())
        .isEqualTo(base.flowTransit()[0].getTotalCount());
  }

  @Test
  void a_hold_on_the_westbound_leg_leaves_the_eastbound_trains_through_the_same_border_alone() {
    CorridorResult base = run(corridor(List.of()));
    CorridorResult held = run(corridor(List.of(CONGESTION)));

    assertThat(held.flowTransit()[1]).isEqualTo(base.flowTransit()[1]);
    for (int m = 0; m < 12; m++) {
      assertThat(held.flowMonthTransit()[1][m]).isEqualTo(base.flowMonthTransit()[1][m]);
    }
    // The border's queue statistic is the queue before the gate: the episode's days are not in it.
    int border = Layout.of(corridor(List.of())).gateResource[0];
    assertThat(wait(held, border)).isEqualTo(wait(base, border)).isLessThan(1.0);
  }

  @Test
  void a_closure_holds_every_train_that_ends_its_dwell_in_it_until_it_ends() {
    long start = WARMUP + 100 * DAY;
    long end = start + 10 * DAY;
    var closure = new CorridorSpec.Hold("SHUT", 0, 0, Episodes.Kind.CLOSURE, start, end, 0, 0);
    Layout layout = Layout.of(corridor(List.of(closure)));
    long[] minTransitEnd = {Long.MAX_VALUE};
    long[] heldRelease = {Long.MIN_VALUE};
    long[] release = new long[1 << 16];
    CorridorModel model = new CorridorModel(layout, 0, 3);
    model.setUnitTrace(
        new UnitTrace() {
          @Override
          public void released(int unit, int flow, long t_s) {
            release[unit] = flow == 0 ? t_s : -1;
          }

          @Override
          public void departed(int unit, int legPos, long t_s) {}

          @Override
          public void arrived(int unit, int legPos, long t_s) {
            // A westbound unit released a day or more into the closure arrives after it ends.
            if (release[unit] >= start + DAY && release[unit] < end - DAY) {
              minTransitEnd[0] = Math.min(minTransitEnd[0], t_s);
              heldRelease[0] = Math.max(heldRelease[0], release[unit]);
            }
          }
        });
    model.run();

    assertThat(heldRelease[0]).isGreaterThan(start);
    // After the closure: the 5 h section and the 1 h unloading come after the release at its end.
    assertThat(minTransitEnd[0]).isGreaterThanOrEqualTo(end + 6 * H);
  }

  @Test
  void episodes_outside_the_run_give_the_run_without_them() {
    long after = WARMUP + 400 * DAY;
    var late =
        new CorridorSpec.Hold(
            "LATE", 0, 0, Episodes.Kind.CONGESTION, after, after + DAY, 8 * DAY, 2 * DAY);
    CorridorResult none = run(corridor(List.of()));
    CorridorResult outside = run(corridor(List.of(late)));

    // Arrays.deepEquals: NaN KPIs (none of a kind) equal NaN.
    assertThat(Arrays.deepEquals(outside.perReplication(), none.perReplication())).isTrue();
    assertThat(outside.events()).isEqualTo(none.events());
    assertThat(outside.flowTransit()).isEqualTo(none.flowTransit());
  }

  @Test
  void a_hold_must_name_a_gate_of_its_leg() {
    var bad = new CorridorSpec.Hold("X", 1, 1, Episodes.Kind.CLOSURE, 0, DAY, 0, 0);
    assertThrows(IllegalArgumentException.class, () -> corridor(List.of(bad)));
  }

  private static double wait(CorridorResult r, int resource) {
    String name =
        KpiCatalogue.resourcePrefix(r.layout().resources().get(resource)) + ".mean_wait_h";
    return r.kpi(name).orElseThrow().mean();
  }
}
