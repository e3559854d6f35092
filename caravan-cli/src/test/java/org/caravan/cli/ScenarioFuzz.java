package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
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

  @Property(tries = 2000)
  void broken_scenarios_load_or_name_a_field(@ForAll long seed) {
    String yaml = new Mutator(seed).yaml(DEFAULT);
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
