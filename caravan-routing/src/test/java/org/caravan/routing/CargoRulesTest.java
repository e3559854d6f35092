package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.junit.jupiter.api.Test;

class CargoRulesTest {
  private static final String RULES =
      """
      scope,target,cargo,un_class,source,notes
      mode,road,dg,3,EST,no flammable liquids by road in this test
      mode,ferry,dg,,EST,no dangerous goods on ferries in this test
      """;

  @Property(tries = 150)
  void refused_links_are_never_used(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 3, max = 10) int n,
      @ForAll @IntRange(min = 0, max = 12) int extra,
      @ForAll @IntRange(min = 1, max = 9) int unClass)
      throws Exception {
    Network net = RandomNetworks.generate(seed, n, extra, false);
    TableCargoRules rules = TableCargoRules.read("rules.csv", new StringReader(RULES));
    Router router =
        new Router(
            net, RandomNetworks.EMISSIONS, rules, SeaLaneOverrides.NONE, Router.Options.NONE);
    RouteRequest r =
        RouteRequest.of(0, n - 1, 1_767_225_600L).withCargo(1, 10, CargoClass.DANGEROUS, unClass);
    for (Route route : router.route(r).routes()) {
      for (Leg leg : route.legs()) {
        assertThat(leg.mode()).isNotEqualTo(Mode.FERRY);
        if (unClass == 3) {
          assertThat(leg.mode()).isNotEqualTo(Mode.ROAD);
        }
      }
    }
  }

  @Test
  void default_rules_load_and_bad_rules_name_the_field() {
    assertThat(TableCargoRules.loadDefault().rules()).isNotEmpty();
    assertThatThrownBy(
            () ->
                TableCargoRules.read(
                    "r.csv",
                    new StringReader(
                        "scope,target,cargo,un_class,source,notes\nmode,road,dg,12,EST,\n")))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("r.csv:2: field 'un_class': UN class must be 1-9");
    assertThatThrownBy(
            () ->
                TableCargoRules.read(
                    "r.csv",
                    new StringReader(
                        "scope,target,cargo,un_class,source,notes\nplanet,road,dg,,EST,\n")))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("field 'scope'");
  }
}
