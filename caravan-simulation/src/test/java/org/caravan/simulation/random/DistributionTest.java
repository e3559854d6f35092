package org.caravan.simulation.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {
  static final int N = 400_000;

  static Stream<Distribution> distributions() {
    return Stream.of(
        LogNormal.ofMedian(3.0, 0.5),
        LogNormal.ofMeanSd(5.0, 2.0),
        new Triangular(1, 2, 6),
        new Triangular(0, 0, 1),
        new Constant(4.0));
  }

  @ParameterizedTest
  @MethodSource("distributions")
  void sample_mean_and_variance_match_theory(Distribution d) {
    SplittableRandom rng = new SplittableRandom(12345);
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < N; i++) {
      double x = d.sample(rng);
      assertThat(x).isGreaterThanOrEqualTo(0);
      sum += x;
      sum2 += x * x;
    }
    double mean = sum / N;
    double var = sum2 / N - mean * mean;
    // Mean: 5 standard errors. Variance: 5 % relative (all these have a finite fourth moment).
    double se = Math.sqrt(d.variance() / N);
    assertThat(mean).isCloseTo(d.mean(), within(5 * se + 1e-12));
    assertThat(var).isCloseTo(d.variance(), within(0.05 * d.variance() + 1e-12));
  }

  @Test
  void lognormal_parameterisations_agree_with_their_inputs() {
    LogNormal m = LogNormal.ofMedian(3.0, 0.5);
    assertThat(m.median()).isCloseTo(3.0, within(1e-12));
    LogNormal s = LogNormal.ofMeanSd(5.0, 2.0);
    assertThat(s.mean()).isCloseTo(5.0, within(1e-12));
    assertThat(Math.sqrt(s.variance())).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void bad_parameters_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> new Triangular(2, 1, 3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMedian(-1, 1));
    assertThat(e.getMessage()).contains("median");
  }

  @Test
  void streams_do_not_depend_on_the_order_they_are_asked_for() {
    RandomStreams a = new RandomStreams(42);
    RandomStreams b = new RandomStreams(42);
    long a3 = a.stream(3).nextLong();
    long b0 = b.stream(0).nextLong();
    long b3 = b.stream(3).nextLong();
    assertThat(b3).isEqualTo(a3);
    assertThat(a.stream(0).nextLong()).isEqualTo(b0);
    assertThat(new RandomStreams(43).stream(3).nextLong()).isNotEqualTo(a3);
    assertThat(a.stream(3)).isSameAs(a.stream(3));
  }
}
