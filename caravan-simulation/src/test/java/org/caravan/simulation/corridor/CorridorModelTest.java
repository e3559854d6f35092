package org.caravan.simulation.corridor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The corridor model on tiny hand-built corridors, where the answer can be worked out by hand. */
class CorridorModelTest {
  private static final double DAY = 86_400;

  /** One flow: rail leg (one section) → ferry crossing → delay leg. */
  private static CorridorSpec corridor(
      double unitsPerYear, int fleet, List<CorridorSpec.Closure> closures) {
    double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    var flow =
        new CorridorSpec.Flow(
            "f",
            "A",
            "D",
            "middle",
            "container",
            unitsPerYear,
            0,
            2,
            20,
            new int[] {0, 1, 2},
            1000,
            CorridorSpec.Reaction.NONE,
            0,
            0);
    var rail =
        new CorridorSpec.Leg(
            "A>B", CorridorSpec.LegKind.RAIL, "A", "B", new int[] {0}, -1, 0, 0, 3600);
    var sea =
        new CorridorSpec.Leg(
            "B>C", CorridorSpec.LegKind.CROSSING, "B", "C", new int[0], 0, 0, 0, 0);
    var road =
        new CorridorSpec.Leg(
            "C>D", CorridorSpec.LegKind.DELAY, "C", "D", new int[0], -1, 7200, 0, 0);
    var gate = new CorridorSpec.Gate("A-B", CorridorSpec.GateKind.SECTION, "A-B", 12, 10 * 3600, 0);
    var ports = List.of(new CorridorSpec.Port("B", 1, 1000), new CorridorSpec.Port("C", 1, 1000));
    var ferry =
        new CorridorSpec.Crossing(
            "B>C",
            0,
            1,
            fleet,
            50,
            0,
            20 * 3600,
            0,
            10 * 3600,
            0,
            0,
            CorridorSpec.Crossing.OWN_FLEET);
    return new CorridorSpec(
        (long) (120 * DAY),
        (long) (20 * DAY),
        (long) DAY,
        1,
        flat,
        42,
        (long) (2 * DAY),
        List.of(flow),
        List.of(rail, sea, road),
        List.of(gate),
        ports,
        List.of(ferry),
        new CorridorSpec.Hazards(List.of(), closures));
  }

  @Test
  void units_are_conserved_and_no_shipment_is_faster_than_its_fixed_times() {
    ReplicationResult r = new CorridorModel(Layout.of(corridor(20_000, 3, List.of())), 0, 1).run();

    assertThat(r.unitsDelivered() + r.unitsInside()).isEqualTo(r.unitsCreated());
    // 10 h run + 1 h unload + 2 × 10 h handling + 20 h sailing + 2 h road = 53 h at least.
    assertThat(r.corridorTransit()[0].getMinValue()).isGreaterThanOrEqualTo(53 * 60 - 1);
    assertThat(r.flowUnitsPerYear()[0]).isBetween(18_000.0, 22_000.0);
  }

  /**
   * The unit trace sees each delivered unit leave and finish its three legs in order, and tracing
   * does not change the run (same seed, same result).
   */
  @Test
  void the_unit_trace_sees_every_leg_in_order_and_leaves_the_run_unchanged() {
    Layout layout = Layout.of(corridor(20_000, 3, List.of()));
    long[] last = new long[1 << 16];
    int[] legs = new int[1 << 16];
    int[] delivered = new int[1];
    boolean[] ordered = {true};
    CorridorModel traced = new CorridorModel(layout, 0, 1);
    traced.setUnitTrace(
        new UnitTrace() {
          @Override
          public void released(int unit, int flow, long t_s) {
            last[unit] = t_s;
            legs[unit] = 0;
          }

          @Override
          public void departed(int unit, int legPos, long t_s) {
            ordered[0] &= legPos == legs[unit] && t_s >= last[unit];
            last[unit] = t_s;
          }

          @Override
          public void arrived(int unit, int legPos, long t_s) {
            ordered[0] &= legPos == legs[unit] && t_s >= last[unit];
            last[unit] = t_s;
            legs[unit]++;
            if (legs[unit] == 3) {
              delivered[0]++;
            }
          }
        });
    ReplicationResult r = traced.run();
    ReplicationResult plain = new CorridorModel(layout, 0, 1).run();

    assertThat(ordered[0]).isTrue();
    assertThat((long) delivered[0]).isEqualTo(r.unitsDelivered());
    assertThat(r.unitsDelivered()).isEqualTo(plain.unitsDelivered());
    assertThat(r.corridorTransit()[0].getMean()).isEqualTo(plain.corridorTransit()[0].getMean());
  }

  @Test
  void a_single_slow_vessel_limits_throughput_to_its_cycle() {
    // One vessel, 50 units per 60 h cycle (2 × 10 h handling + 2 × 20 h sailing) = 7,300 units/yr
    // at most.
    ReplicationResult r = new CorridorModel(Layout.of(corridor(20_000, 1, List.of())), 0, 1).run();

    assertThat(r.flowUnitsPerYear()[0]).isBetween(6_500.0, 7_400.0);
    int fleet = Layout.of(corridor(20_000, 1, List.of())).crossingFleetResource[0];
    assertThat(r.resourceUtilisation()[fleet]).isGreaterThan(0.95);
  }

  @Test
  void a_port_closure_holds_every_vessel_until_it_reopens() {
    long start = (long) (40 * DAY);
    long end = (long) (50 * DAY);
    var closed = List.of(new CorridorSpec.Closure("c", new int[] {0, 1}, new int[0], start, end));
    ReplicationResult open =
        new CorridorModel(Layout.of(corridor(5_000, 3, List.of())), 0, 1).run();
    ReplicationResult shut = new CorridorModel(Layout.of(corridor(5_000, 3, closed)), 0, 1).run();

    // Units released just before the closure wait it out: the maximum door-to-door time exceeds 10
    // days.
    assertThat(shut.corridorTransit()[0].getMaxValue()).isGreaterThan(10 * 24 * 60);
    assertThat(open.corridorTransit()[0].getMaxValue()).isLessThan(10 * 24 * 60);
  }

  @Test
  void closure_windows_merge_and_answer_the_end_of_the_window_containing_a_time() {
    long[][] m =
        Disruptions.merge(
            List.of(
                new long[] {50, 60},
                new long[] {10, 20},
                new long[] {15, 30},
                new long[] {70, 70}));

    assertThat(m[0]).containsExactly(10, 50);
    assertThat(m[1]).containsExactly(30, 60);
    assertThat(Disruptions.closedUntil(m[0], m[1], 5)).isEqualTo(5);
    assertThat(Disruptions.closedUntil(m[0], m[1], 10)).isEqualTo(30);
    assertThat(Disruptions.closedUntil(m[0], m[1], 29)).isEqualTo(30);
    assertThat(Disruptions.closedUntil(m[0], m[1], 30)).isEqualTo(30);
    assertThat(Disruptions.closedUntil(m[0], m[1], 55)).isEqualTo(60);
    assertThat(Disruptions.closedUntil(m[0], m[1], 99)).isEqualTo(99);
  }

  @Test
  void
      poisson_draws_have_the_requested_mean_below_and_above_the_switch_to_the_normal_approximation() {
    SplittableRandom rng = new SplittableRandom(3);
    for (double mean : new double[] {0.2, 5, 29, 31, 400}) {
      long sum = 0;
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        sum += Draws.poisson(rng, mean);
      }
      assertThat((double) sum / n)
          .as("mean %s", mean)
          .isCloseTo(mean, org.assertj.core.data.Offset.offset(0.05 * mean + 0.02));
    }
  }
}
