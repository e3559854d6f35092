package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void paired_t_interval_matches_a_hand_computation() {
    // d = 1, 2, 1: mean 4/3, s_d = sqrt(1/3), t(0.975, 2) = 4.302653 -> half-width 4.302653 *
    // sqrt(1/3) / sqrt(3)
    Comparison.KpiDiff d =
        Comparison.paired(
            "k",
            "u",
            Map.of(0, 10.0, 1, 12.0, 2, 14.0, 3, 99.0),
            Map.of(0, 11.0, 1, 14.0, 2, 15.0, 3, Double.NaN));
    assertThat(d.pairs()).isEqualTo(3);
    assertThat(d.baseline()).isEqualTo(12.0);
    assertThat(d.variant()).isCloseTo(40.0 / 3, within(1e-12));
    assertThat(d.diff()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(d.halfWidth95())
        .isCloseTo(4.302653 * Math.sqrt(1.0 / 3) / Math.sqrt(3), within(1e-5));
    assertThat(d.significant()).isFalse();
    assertThat(Comparison.paired("k", "u", Map.of(0, 1.0), Map.of(0, 2.0)).halfWidth95()).isNaN();
  }

  @Test
  void a_kpi_without_a_baseline_value_is_kept_with_each_sides_mean_and_no_interval() {
    // reroute.all.extra_days: no flow re-routes in the baseline, so it has no value there.
    Comparison.KpiDiff d =
        Comparison.paired(
            "reroute.all.extra_days",
            "d",
            Map.of(0, Double.NaN, 1, Double.NaN),
            Map.of(0, 2.0, 1, Double.NaN, 2, 4.0));
    assertThat(d.pairs()).isZero();
    assertThat(d.baseline()).isNaN();
    assertThat(d.variant()).isEqualTo(3.0);
    assertThat(d.diff()).isNaN();
    assertThat(d.halfWidth95()).isNaN();
    assertThat(d.significant()).isFalse();
  }

  @Test
  void the_binding_resource_is_the_most_frequent_top_bottleneck() {
    List<StudyStore.RunRow> runs =
        List.of(
            new StudyStore.RunRow("v", 0, 1, 0, "yard:a"),
            new StudyStore.RunRow("v", 1, 2, 0, "berth:b"),
            new StudyStore.RunRow("v", 2, 3, 0, "berth:b"),
            new StudyStore.RunRow("w", 0, 1, 0, "yard:a"));
    assertThat(Comparison.binding(runs, "v")).isEqualTo("berth:b");
    assertThat(Comparison.binding(runs, "x")).isEmpty();
  }
}
