package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.caravan.simulation.corridor.CorridorSpec;
import org.junit.jupiter.api.Test;

/** The default scenario's Caspian fleet as published and the capacity-aware assignment of flows. */
class CrossingAssignmentTest {
  private static final double YEAR_S = 8760 * 3600.0;

  private static ModelBuilder.Built build(String yaml) {
    return new ModelBuilder(Fixtures.CARAVAN).build(Fixtures.parse(yaml));
  }

  /** Units a year each crossing carries, by crossing index. */
  private static Map<Integer, Double> load(CorridorSpec spec) {
    Map<Integer, Double> load = new HashMap<>();
    for (CorridorSpec.Flow f : spec.flows()) {
      for (int leg : f.legs()) {
        CorridorSpec.Leg l = spec.legs().get(leg);
        if (l.kind() == CorridorSpec.LegKind.CROSSING) {
          load.merge(l.crossing(), f.unitsPerYear(), Double::sum);
        }
      }
    }
    return load;
  }

  private static double capacity(CorridorSpec.Crossing x) {
    double roundTrip_s = 2 * x.sailMean_s() + 2 * x.handlingMean_s();
    return x.fleet() * YEAR_S / roundTrip_s * x.capacity_units() * (1 - x.lowWaterDerating());
  }

  private static int fleet(CorridorSpec spec, String link) {
    return spec.crossings().stream()
        .filter(x -> x.id().startsWith(link + "["))
        .mapToInt(CorridorSpec.Crossing::fleet)
        .sum();
  }

  @Test
  void the_caspian_rail_ferries_are_the_published_fleet() {
    CorridorSpec spec = build(Fixtures.defaultYaml()).spec();
    // ASCO: 6 ferries + 1 Ro-Ro on the Kazakh line (RUSSHIP), 14 + 2 in all (TREND210507).
    int kazakh = fleet(spec, "KZKUR-AZ-ALAT-ferry") + fleet(spec, "KZAAU-AZ-ALAT-ferry");
    assertThat(kazakh).isEqualTo(7);
    int railFerries =
        spec.crossings().stream()
            .filter(x -> x.id().contains("-ferry["))
            .mapToInt(CorridorSpec.Crossing::fleet)
            .sum();
    assertThat(railFerries).isLessThanOrEqualTo(16);
  }

  @Test
  void no_crossing_is_assigned_more_than_its_fleet_carries_and_containers_use_the_feeders() {
    CorridorSpec spec = build(Fixtures.defaultYaml()).spec();
    Map<Integer, Double> load = load(spec);
    assertThat(load).isNotEmpty();
    load.forEach(
        (x, units) ->
            assertThat(units / capacity(spec.crossings().get(x)))
                .as(spec.crossings().get(x).id())
                .isLessThanOrEqualTo(CrossingCapacity.MAX_UTILISATION + 1e-9));
    // The rail ferries carry the wagons; some containers take the Aktau feeders.
    assertThat(load.keySet())
        .anyMatch(x -> spec.crossings().get(x).id().startsWith("KZAAU-AZ-ALAT-sea"));
  }

  @Test
  void more_wagons_than_one_line_carries_spread_over_both_kazakh_ferry_ports() {
    // Twice the published wagons: one port's 3 or 4 ferries cannot carry them all.
    String yaml =
        Fixtures.defaultYaml()
            .replace("tonnes_per_year: 350000", "tonnes_per_year: 700000")
            .replace("tonnes_per_year: 260000", "tonnes_per_year: 520000");
    CorridorSpec spec = build(yaml).spec();
    Map<Integer, Double> load = load(spec);
    assertThat(load.keySet())
        .anyMatch(x -> spec.crossings().get(x).id().startsWith("KZKUR-AZ-ALAT-ferry"))
        .anyMatch(x -> spec.crossings().get(x).id().startsWith("KZAAU-AZ-ALAT-ferry"));
  }
}
