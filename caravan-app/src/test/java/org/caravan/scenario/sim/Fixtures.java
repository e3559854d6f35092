package org.caravan.scenario.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.caravan.scenario.Caravan;

/**
 * Shared test fixtures: one loaded network, and the default scenario text shortened for fast tests.
 */
final class Fixtures {
  static final Caravan CARAVAN = Caravan.openDefault();

  private Fixtures() {}

  /** The packed default scenario as text. */
  static String defaultYaml() {
    try (InputStream in =
        Fixtures.class.getResourceAsStream(ScenarioLoader.RESOURCE_DIR + "default-2024.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The default scenario with a short run: {@code warmup} + {@code horizon} days, {@code reps}
   * replications.
   */
  static String shortYaml(int warmup, int horizon, int reps) {
    return defaultYaml()
        .replace("warmup_days: 60", "warmup_days: " + warmup)
        .replace("horizon_days: 365", "horizon_days: " + horizon)
        .replace("replications: 10", "replications: " + reps);
  }

  static Scenario parse(String yaml) {
    return ScenarioLoader.parse(yaml, "test", CARAVAN);
  }
}
