package org.caravan.simulation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchMeansTest {
  @Test
  void student_t_quantiles_match_tables() {
    // Two-sided 99 % and 95 % points (any t table, e.g. Law, Table T.1).
    assertThat(StudentT.twoSidedQuantile(0.99, 1)).isCloseTo(63.657, within(1e-3));
    assertThat(StudentT.twoSidedQuantile(0.99, 2)).isCloseTo(9.925, within(1e-3));
    assertThat(StudentT.twoSidedQuantile(0.99, 9)).isCloseTo(3.250, within(1e-3));
    assertThat(StudentT.twoSidedQuantile(0.99, 19)).isCloseTo(2.861, within(1e-3));
    assertThat(StudentT.twoSidedQuantile(0.95, 10)).isCloseTo(2.228, within(1e-3));
    assertThat(StudentT.twoSidedQuantile(0.95, 29)).isCloseTo(2.045, within(1e-3));
  }

  @Test
  void batches_of_independent_normals_give_the_textbook_interval() {
    BatchMeans b = new BatchMeans(4, 2);
    for (double x : new double[] {1, 3, 2, 2, 5, 5, 0, 2, 99}) {
      b.add(x); // the 9th observation is beyond the last batch and ignored
    }
    ConfidenceInterval ci = b.interval(0.95);
    // batch means 2, 2, 5, 1: mean 2.5, sd sqrt(3), t(0.95, 3) = 3.182
    assertThat(ci.batches()).isEqualTo(4);
    assertThat(ci.mean()).isEqualTo(2.5);
    assertThat(ci.halfWidth()).isCloseTo(3.182 * Math.sqrt(3) / 2, within(1e-3));
  }

  @Test
  void interval_covers_the_mean_of_iid_data_about_as_often_as_claimed() {
    SplittableRandom rng = new SplittableRandom(7);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      BatchMeans b = new BatchMeans(10, 20);
      for (int i = 0; i < 200; i++) {
        b.add(rng.nextExponential());
      }
      if (b.interval(0.9).contains(1.0)) {
        covered++;
      }
    }
    // Binomial(2000, ~0.9): sd 13; batch means of 20 exponentials are nearly normal.
    assertThat(covered).isBetween(1740, 1860);
  }

  @Test
  void time_weighted_mean_weights_values_by_duration() {
    TimeWeightedStat s = new TimeWeightedStat(0, 0);
    s.set(2, 3);
    s.set(6, 1);
    assertThat(s.mean(10)).isEqualTo((0 * 2 + 3 * 4 + 1 * 4) / 10.0);
    assertThat(s.max()).isEqualTo(3);
  }
}
