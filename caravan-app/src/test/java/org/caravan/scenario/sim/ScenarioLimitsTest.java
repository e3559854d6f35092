package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;

/**
 * Every scenario value has a range; values outside name their field; a too-large run is refused
 * before it starts.
 */
class ScenarioLimitsTest {
  private static UserException rejected(String from, String to) {
    String yaml = Fixtures.defaultYaml();
    assertThat(yaml).contains(from);
    try {
      Fixtures.parse(yaml.replace(from, to));
    } catch (UserException e) {
      return e;
    }
    throw new AssertionError("accepted: " + to);
  }

  @Test
  void out_of_range_values_name_their_field_and_line() {
    assertThat(rejected("warmup_days: 60", "warmup_days: 100000000"))
        .hasMessageMatching("warmup_days must be at most 3650 .*got 100000000 \\(line \\d+\\)")
        .extracting(UserException::field)
        .isEqualTo("warmup_days");
    assertThat(rejected("teu_per_year: 30000 ", "teu_per_year: 1e10 ").field())
        .isEqualTo("demand.flows[0].teu_per_year");
    assertThat(rejected("sample_interval_h: 24", "sample_interval_h: 0.01"))
        .hasMessageStartingWith("sample_interval_h must be >= 1, got 0.01");
    assertThat(rejected("replications: 10", "replications: 1000000").field())
        .isEqualTo("replications");
    assertThat(rejected("horizon_days: 365", "horizon_days: .nan"))
        .hasMessageContaining("horizon_days");
    assertThat(rejected("horizon_days: 365", "horizon_days: .inf"))
        .hasMessageContaining("horizon_days");
  }

  @Test
  void the_default_scenario_is_well_inside_the_cost_limit_and_a_huge_one_is_refused() {
    Scenario sc = Fixtures.parse(Fixtures.defaultYaml());
    double events = ScenarioLimits.estimatedEvents(sc);
    // Measured: 247,968 events per replication of the default (warm-up + one year); the estimate
    // bounds it.
    assertThat(events).isBetween(10 * 247_968.0, 10 * 247_968.0 * 4);
    Scenario huge = sc.withYears(10).withReplications(1000);
    assertThatThrownBy(() -> ScenarioLimits.checkCost(huge, ScenarioLimits.MAX_EVENTS))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("scenario too large");
    ScenarioLimits.checkCost(sc, ScenarioLimits.MAX_EVENTS);
  }
}
