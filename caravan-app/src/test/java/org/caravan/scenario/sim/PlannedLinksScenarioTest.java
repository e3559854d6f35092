package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.caravan.network.Network;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;

/**
 * {@code network.include_planned}: a scenario switches chosen planned links on, and the flows are
 * routed on the network with them (and with no other planned link); an id that is not a planned
 * link is an error naming the list entry.
 */
class PlannedLinksScenarioTest {
  private static final List<String> CKU =
      List.of("CN-KASHGAR-CN-TORUGART-rail", "CN-TORUGART-KGJLD-rail");

  private static String withPlanned(String... ids) {
    return Fixtures.shortYaml(5, 20, 1)
        .replace(
            "\nnetwork:\n", "\nnetwork:\n  include_planned: [" + String.join(", ", ids) + "]\n");
  }

  /** Whether a flow's planned route passes the node (ids on the network the model was built on). */
  private static boolean uses(ModelBuilder.Built b, Caravan on, String node) {
    Network net = on.network();
    return b.plans().stream()
        .flatMap(r -> r.legs().stream())
        .flatMapToInt(l -> IntStream.of(l.links()))
        .anyMatch(
            l ->
                net.nodeId(net.linkFrom(l)).equals(node) || net.nodeId(net.linkTo(l)).equals(node));
  }

  @Test
  void the_china_kyrgyzstan_uzbekistan_railway_carries_china_flows_when_switched_on() {
    ModelBuilder.Built today =
        new ModelBuilder(Fixtures.CARAVAN).build(Fixtures.parse(withPlanned()));
    assertThat(uses(today, Fixtures.CARAVAN, "CN-KASHGAR")).isFalse();

    Scenario sc = Fixtures.parse(withPlanned(CKU.toArray(String[]::new)));
    assertThat(sc.model().capacities().plannedLinks()).containsExactlyInAnyOrderElementsOf(CKU);
    ModelBuilder.Built built = new ModelBuilder(Fixtures.CARAVAN).build(sc);
    Caravan on = Fixtures.CARAVAN.withPlannedLinks(Set.copyOf(CKU));
    assertThat(uses(built, on, "CN-TORUGART")).isTrue();
    // Only the links asked for: Anaklia (also planned) stays out of that network.
    assertThat(on.network().findNode("CN-TORUGART")).isPresent();
    assertThat(on.network().findNode("GE-ANAKLIA")).isEmpty();
    assertThat(Fixtures.CARAVAN.network().findNode("CN-TORUGART")).isEmpty();
    assertThat(on.withPlannedLinks(Set.copyOf(CKU))).isSameAs(on);
    assertThat(on.withPlannedLinks(Set.of())).isSameAs(Fixtures.CARAVAN);
  }

  @Test
  void an_id_that_is_not_a_planned_link_is_named() {
    UserException e =
        assertThrows(
            UserException.class,
            () -> Fixtures.parse(withPlanned("CN-KASHGAR-CN-TORUGART-rail", "KZAAU-AZ-ALAT-sea")));
    assertThat(e.field()).isEqualTo("network.include_planned[1]");
    assertThat(e.getMessage()).contains("KZAAU-AZ-ALAT-sea", "not a planned link", "GE-ANAKLIA");
  }
}
