package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caravan.app.PlaceService.PlaceMatch;
import org.caravan.network.Network;
import org.caravan.network.NodeSpec;
import org.caravan.scenario.Caravan;
import org.junit.jupiter.api.Test;

/**
 * Place search through the gateway: it builds no other service (the tracker alone would build the
 * router, with sea lanes, emission factors and rate tables, which cost {@code caravan places} most
 * of its start-up), and it finds every node of the network, planned ones included.
 */
class PlaceServiceTest {
  @Test
  void placeSearchBuildsNoOtherService() {
    CaravanApp app = new CaravanApp(Caravan.openDefault(), List.of());
    assertThat(app.servicesBuilt()).isEmpty();
    assertThat(app.places().search("Baku", 10)).isNotEmpty();
    assertThat(app.servicesBuilt()).containsExactly("places");
    app.tracking();
    assertThat(app.servicesBuilt()).containsExactly("places", "tracking");
  }

  @Test
  void everyNodeIsFoundByItsIdWithItsStatus() {
    CaravanApp app = new CaravanApp(Caravan.openDefault(), List.of());
    Network all = Caravan.openDefault().withPlanned().network();
    assertThat(all.nodeCount()).isGreaterThan(Caravan.openDefault().network().nodeCount());
    for (int i = 0; i < all.nodeCount(); i++) {
      NodeSpec n = all.node(i);
      List<PlaceMatch> found = app.places().search(n.id(), 3);
      assertThat(found).as(n.id()).isNotEmpty();
      PlaceMatch best = found.getFirst();
      assertThat(best.id()).as(n.id()).isEqualTo(n.id());
      assertThat(best.matched()).isEqualTo("id");
      assertThat(best.name()).isEqualTo(n.name());
      assertThat(best.country()).isEqualTo(n.country());
      assertThat(best.kind()).isEqualTo(n.kind().code());
      assertThat(best.status()).isEqualTo(n.status().code());
      assertThat(best.openingYear()).isEqualTo(n.openingYear());
    }
    assertThat(app.servicesBuilt()).containsExactly("places");
  }
}
