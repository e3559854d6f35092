package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;

/** Corridor membership from data/network/corridors.csv. */
class CorridorsTest {
  private static final Network NET = Network.build(NetworkFiles.readDefault());

  private static int node(String id) {
    return NET.findNode(id).orElseThrow();
  }

  @Test
  void the_default_table_places_the_hubs() {
    Corridors c = Corridors.loadDefault(NET);
    assertThat(c.corridors())
        .extracting(Corridors.Corridor::id)
        .contains("middle", "northern-kz", "northern-mn", "southern");
    // Aktau only on the Middle Corridor, Erenhot only on the trans-Mongolian branch: no route holds
    // both
    assertThat(c.mask(node("KZAAU")) & c.mask(node("CNERC"))).isZero();
    // Xi'an's trains leave through Kazakhstan: it shares no corridor with Erenhot
    assertThat(c.mask(node("CNXIA")) & c.mask(node("CNERC"))).isZero();
    assertThat(c.mask(node("CNXIA")) & c.mask(node("KZ-DOSTYK"))).isNotZero();
    // Constanta and Russia share no corridor; the EU network is shared by all
    assertThat(c.mask(node("ROCND")) & c.mask(node("RUMOW"))).isZero();
    assertThat(c.mask(node("DEDUI"))).isZero();
    assertThat(c.label(c.mask(node("KZAAU")))).contains("middle");
    assertThat(c.label(c.mask(node("RUMOW")))).contains("northern");
    assertThat(c.label(c.all())).isEmpty();
  }

  @Test
  void unknown_nodes_and_missing_sources_are_named() {
    String csv =
        """
        corridor,label,nodes,source,notes
        a,middle,KZAAU;NOPE,EST,
        b,northern,RUMOW,,
        """;
    assertThatThrownBy(() -> Corridors.read("c.csv", new StringReader(csv), NET))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("c.csv:2: field 'nodes': unknown node 'NOPE'")
        .hasMessageContaining("c.csv:3: field 'source'");
  }
}
