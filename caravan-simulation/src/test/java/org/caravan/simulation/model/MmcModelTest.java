package org.caravan.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MmcModelTest {
  @Test
  void erlang_c_matches_known_values() {
    assertThat(MmcModel.exactMeanWait(1)).isCloseTo(9.0, within(1e-12)); // ρ/(μ-λ)
    // M/M/2, λ = 1.8: C = 2ρ²/(1+ρ) = 0.852632, Wq = C/0.2.
    assertThat(MmcModel.exactMeanWait(2)).isCloseTo(0.8526315789 / 0.2, within(1e-9));
    assertThat(MmcModel.erlangCMeanWait(1, 0.5, 1.0)).isCloseTo(1.0, within(1e-12));
  }

  /**
   * The 99 % batch-means interval covers the exact Erlang C wait. At utilisation 0.9 waits are
   * correlated over thousands of customers, so each of the 20 batches holds 100 000 customers or
   * more.
   */
  @ParameterizedTest
  @CsvSource({
    "1, 1, 4000000", "1, 2, 4000000", "1, 3, 4000000",
    "2, 1, 3000000", "2, 2, 3000000", "2, 3, 3000000",
    "4, 1, 2000000", "4, 2, 2000000", "4, 3, 2000000"
  })
  void batch_means_interval_covers_erlang_c(int servers, long seed, long customers) {
    MmcResult r = MmcModel.run(customers, servers, seed);
    double exact = MmcModel.exactMeanWait(servers);
    assertThat(r.waitCi99().batches()).isEqualTo(MmcModel.BATCHES);
    assertThat(r.waitCi99().contains(exact))
        .as("99%% CI %s vs exact %.4f", r.waitCi99(), exact)
        .isTrue();
    assertThat(r.meanWait()).isCloseTo(exact, within(0.1 * exact));
    assertThat(r.utilisation()).isCloseTo(0.9, within(0.01));
    assertThat(r.events()).isEqualTo(2 * customers);
  }

  @Test
  void same_seed_gives_identical_results_and_trace() {
    MmcResult a = MmcModel.run(200_000, 3, 99, true);
    MmcResult b = MmcModel.run(200_000, 3, 99, true);
    assertThat(b.meanWait()).isEqualTo(a.meanWait());
    assertThat(b.waitCi99()).isEqualTo(a.waitCi99());
    assertThat(b.utilisation()).isEqualTo(a.utilisation());
    assertThat(b.traceHash()).isEqualTo(a.traceHash()).isNotZero();
    MmcResult c = MmcModel.run(200_000, 3, 100, true);
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
    // Tracing does not change the run.
    assertThat(MmcModel.run(200_000, 3, 99).meanWait()).isEqualTo(a.meanWait());
  }

  @Test
  void line_has_the_simpy_format() {
    MmcResult r = MmcModel.run(1000, 1, 1);
    assertThat(r.line())
        .matches(
            "customers=1000 wall_s=\\d+\\.\\d{3} customers_per_s=\\d+ mean_wait=\\d+\\.\\d{4}");
  }

  @Test
  void bad_arguments_are_refused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MmcModel.run(0, 1, 1));
    assertThat(e.getMessage()).contains("customers");
    assertThrows(IllegalArgumentException.class, () -> MmcModel.run(10, 0, 1));
  }
}
