package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLimits;
import org.caravan.scenario.sim.ScenarioLoader;

/**
 * Fuzzing scenario files (profile {@code -Pfuzz}): the default scenario broken line by line must
 * load, or be refused with a {@link UserException} naming a field, through the limits, the cost
 * estimate and the model build (everything before the run). Any other exception is a crash.
 */
class ScenarioFuzz {
  static final String DEFAULT = CliFuzz.read("data/scenarios/default-2024.yaml");
  static final AtomicInteger CASES = new AtomicInteger();
  static final AtomicInteger REFUSED = new AtomicInteger();
  static final AtomicInteger CRASHES = new AtomicInteger();

  /** The default with every reaction switched on and a dated closure to re-route around. */
  static final String REACTING =
      DEFAULT.replace(
              "disruptions: []",
              "disruptions:\n  - {id: d, kind: border_closure, nodes: [KZ-DOSTYK], start_day: 10,"
                  + " duration_days: 5}")
          + "reactions:\n  on_closure: reroute\n  empty_return_share: 0.45\n  empty_tare_t: 3.8\n"
          + "  back_pressure: true\n";

  @Property(tries = 2000)
  void broken_scenarios_load_or_name_a_field(@ForAll long seed) {
    check(seed, DEFAULT);
  }

  /**
   * Seed 2980 (CI, 2026-11-30): {@code horizon_days: 4.9e-324} passed as positive and rounded to no
   * simulated time, which the model builder refused with an exception instead of a field error.
   */
  @Example
  void a_horizon_that_rounds_to_no_time_is_refused() {
    check(2980, DEFAULT);
  }

  @Property(tries = 100)
  void broken_reacting_scenarios_load_or_name_a_field(@ForAll long seed) {
    check(seed, REACTING);
  }

  private static void check(long seed, String base) {
    String yaml = new Mutator(seed).yaml(base);
    Caravan caravan = Caravan.openDefault();
    CASES.incrementAndGet();
    try {
      Scenario sc = ScenarioLoader.parse(yaml, "fuzz", caravan);
      ScenarioLimits.checkCost(sc, ScenarioLimits.MAX_EVENTS);
      new ModelBuilder(caravan).build(sc);
    } catch (UserException e) {
      REFUSED.incrementAndGet();
      assertThat(e.getMessage())
          .as("seed %d", seed)
          .doesNotContain("Exception")
          .doesNotContain("java.")
          .doesNotContain("com.fasterxml")
          .doesNotContain("\n");
      assertThat(e.field()).as("seed %d: %s", seed, e.getMessage()).isNotBlank();
    } catch (RuntimeException e) {
      CRASHES.incrementAndGet();
      throw new AssertionError("seed " + seed + " crashed: " + e, e);
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "fuzz scenario YAML: %d cases (%d refused with a field), %d crashes%n",
        CASES.get(), REFUSED.get(), CRASHES.get());
  }
}
