package org.caravan.tracking.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EtaEngineTest {
  static final long DAY = 86_400;

  @Test
  void zero_spread_gives_the_deterministic_sum() {
    List<Segment> ahead =
        List.of(
            new Segment("A>B", "A", "B", "rail", 2 * DAY, 0, 5 * DAY, 0),
            new Segment("B>C", "B", "C", "ferry", 3 * DAY, 0, DAY, 0));
    long since = 1_000_000;
    EtaEngine.Prediction p =
        EtaEngine.predict(
            ahead,
            EtaEngine.Phase.AT_NODE,
            since,
            since + DAY,
            Observations.NONE,
            EtaEngine.Settings.DEFAULT,
            1);
    long expected = since + 11 * DAY;
    assertThat(p.p10_s()).isEqualTo(expected);
    assertThat(p.p50_s()).isEqualTo(expected);
    assertThat(p.p90_s()).isEqualTo(expected);
    // running: the first wait is done
    EtaEngine.Prediction r =
        EtaEngine.predict(
            ahead,
            EtaEngine.Phase.RUNNING,
            since,
            since,
            Observations.NONE,
            EtaEngine.Settings.DEFAULT,
            1);
    assertThat(r.p50_s()).isEqualTo(since + 9 * DAY);
  }

  /**
   * A synthetic case with a known distribution: arrivals drawn from the same log-normal as the
   * prior fall inside the 80 % band about 80 % of the time, and the median matches its closed form.
   */
  @Test
  void band_covers_eighty_percent_of_a_known_distribution() {
    double mean = 10 * DAY;
    double var = Math.pow(4 * DAY, 2);
    List<Segment> ahead = List.of(new Segment("A>B", "A", "B", "rail", 0, 0, mean, var));
    EtaEngine.Prediction p =
        EtaEngine.predict(
            ahead,
            EtaEngine.Phase.RUNNING,
            0,
            0,
            Observations.NONE,
            new EtaEngine.Settings(20_000, 4, 30 * DAY, 1),
            7);
    double s2 = Math.log1p(var / (mean * mean));
    double median = Math.exp(Math.log(mean) - s2 / 2);
    assertThat((double) p.p50_s()).isCloseTo(median, within(0.02 * median));
    SplittableRandom truth = new SplittableRandom(99);
    int in = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double t = EtaEngine.logNormal(truth, mean, var);
      if (t >= p.p10_s() && t <= p.p90_s()) {
        in++;
      }
    }
    assertThat(in / (double) n).isCloseTo(0.80, within(0.015));
  }

  @Test
  void many_recent_observations_outweigh_the_prior_and_old_ones_do_not_count() {
    Observations.Builder b = new Observations.Builder();
    for (int i = 0; i < 200; i++) {
      b.add("A>B", 100 * DAY + i * 600, 8 * DAY, 2 * DAY); // recent: 10 days in all
      b.add("A>B", 10 * DAY + i, DAY, DAY); // long ago
    }
    List<Segment> ahead = List.of(new Segment("A>B", "A", "B", "ferry", DAY, 0, DAY, 0));
    EtaEngine.Prediction p =
        EtaEngine.predict(
            ahead,
            EtaEngine.Phase.AT_NODE,
            102 * DAY,
            102 * DAY,
            b.build(),
            EtaEngine.Settings.DEFAULT,
            3);
    assertThat(p.observed()[0]).isEqualTo(200);
    assertThat(p.priorShare()[0]).isCloseTo(16.0 / 216, within(1e-9));
    assertThat(p.p50_s()).isEqualTo(112 * DAY);
    assertThat(p.p10_s()).isLessThanOrEqualTo(p.p50_s());
  }

  @Test
  void the_time_already_waited_is_conditioned_on() {
    List<Segment> ahead =
        List.of(new Segment("A>B", "A", "B", "ferry", 2 * DAY, Math.pow(2 * DAY, 2), DAY, 0));
    EtaEngine.Prediction p =
        EtaEngine.predict(
            ahead,
            EtaEngine.Phase.AT_NODE,
            0,
            5 * DAY,
            Observations.NONE,
            EtaEngine.Settings.DEFAULT,
            5);
    assertThat(p.p10_s()).isGreaterThanOrEqualTo(6 * DAY);
  }
}
