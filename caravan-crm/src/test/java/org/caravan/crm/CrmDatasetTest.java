package org.caravan.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmDatasetTest {
  private static Network network;

  @BeforeAll
  static void load() {
    network = Network.build(CrmNetwork.spec());
  }

  @Test
  void the_built_in_dataset_loads_and_every_flow_has_a_source_and_a_known_material() {
    CrmDataset d = CrmDataset.loadDefault(network);
    assertThat(d.materials())
        .extracting(CrmData.Material::id)
        .contains("uranium", "copper", "titanium", "tungsten");
    assertThat(d.material("uranium").orElseThrow().euList()).isEqualTo("not-listed");
    assertThat(d.risks().disruptions())
        .extracting(CrmData.Disruption::id)
        .contains("caspian-closure", "red-sea-closure", "pl-by-border-closure", "bosporus-closure");
    for (CrmData.Flow f : d.flows()) {
      assertThat(f.tonnesSource()).isNotBlank();
      assertThat(d.material(f.material())).isPresent();
    }
    assertThat(d.risks().quotas())
        .singleElement()
        .satisfies(q -> assertThat(q.tonnes_yr()).isEqualTo(3500));
  }

  @Test
  void problems_name_file_line_and_field() {
    Map<String, Reader> files = new LinkedHashMap<>();
    files.put(
        "m/materials.csv",
        new StringReader(
            """
        id,name,eu_list,eu_list_source,cargo,un_class,producing_node
        cu,Copper,critical,EU2024-1252,general,,KZ-NOWHERE
        u,Uranium,not-listed,EU2024-1252,dg,,KZKZO
        """));
    files.put(
        "m/flows.csv",
        new StringReader(
            """
        id,material,origin,destination,tonnes_yr,tonnes_source
        f1,zinc,KZKZO,ROCND,-5,EST
        """));
    files.put(
        "m/chokepoints.csv",
        new StringReader(
            """
        id,name,elements,source
        c,C,link:NO-SUCH-LINK;passage:atlantis;node,EST
        """));
    files.put(
        "m/disruptions.csv",
        new StringReader(
            """
        id,name,removes,source
        d,D,chokepoint:nope,EST
        """));
    assertThatThrownBy(() -> CrmDataset.read(network, files))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .contains(
                        "m/materials.csv:2: field 'producing_node': unknown node 'KZ-NOWHERE' (not in data/network/nodes.csv)",
                        "m/materials.csv:3: field 'un_class': dangerous goods need a UN class 1-9",
                        "m/flows.csv:2: field 'tonnes_yr': tonnes per year must be a number >= 0, found '-5'",
                        "m/flows.csv:2: field 'material': unknown material 'zinc' (not in materials.csv)",
                        "m/chokepoints.csv:2: field 'elements': unknown link 'NO-SUCH-LINK' (not in data/network/links.csv)",
                        "m/chokepoints.csv:2: field 'elements': unknown sea passage 'atlantis'",
                        "m/disruptions.csv:2: field 'removes': unknown chokepoint 'nope' (not in chokepoints.csv)"));
  }

  @Test
  void a_disruption_file_is_read_against_the_dataset(@TempDir Path dir) throws Exception {
    CrmDataset d = CrmDataset.loadDefault(network);
    Path f = dir.resolve("my.csv");
    Files.writeString(f, "id,name,removes,source\nmine,Both,chokepoint:caspian;node:BYBQT,EST\n");
    assertThat(d.readDisruptions(network, f))
        .singleElement()
        .satisfies(x -> assertThat(x.removes()).hasSize(2));
    Files.writeString(f, "id,name,removes,source\nbad,Bad,node:NOPE,EST\n");
    assertThatThrownBy(() -> d.readDisruptions(network, f))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("my.csv:2: field 'removes': unknown node 'NOPE'");
  }
}
