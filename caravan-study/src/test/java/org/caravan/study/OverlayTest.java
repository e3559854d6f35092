package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlayTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String BASE =
      """
      name: base
      network:
        ports:
          - {node: KZAAU, berths: 3}
          - {node: KZKUR, berths: 4}
        crossings:
          - {link: a, low_water_derating: 0.1}
          - {link: b, low_water_derating: 0.1}
      demand:
        flows:
          - {id: f1, corridor: middle, teu_per_year: 100}
          - {id: f2, corridor: northern, teu_per_year: 1000}
          - {id: f3, corridor: middle, tonnes_per_year: 50}
      disruptions: []
      """;

  private static ObjectNode base() throws Exception {
    return (ObjectNode) YAML.readTree(BASE);
  }

  private static StudyFile.Variant variant(Map<String, Object> set, Map<String, Double> scale) {
    Map<String, JsonNode> s = new java.util.LinkedHashMap<>();
    set.forEach((k, v) -> s.put(k, YAML.valueToTree(v)));
    return new StudyFile.Variant("v", "", "EST", s, scale);
  }

  @Test
  void set_by_key_index_and_wildcard_and_append_a_new_element() throws Exception {
    ObjectNode base = base();
    ObjectNode t =
        Overlay.apply(
            base,
            variant(
                Map.of(
                    "network.ports[node=KZAAU].berths",
                    5,
                    "network.crossings[*].low_water_derating",
                    0.25,
                    "network.ports[node=AZ-ALAT].berths",
                    9,
                    "disruptions[id=x]",
                    Map.of("id", "x", "kind", "border_closure")),
                Map.of()));
    assertThat(t.at("/network/ports/0/berths").asInt()).isEqualTo(5);
    assertThat(t.at("/network/ports/1/berths").asInt()).isEqualTo(4);
    assertThat(t.at("/network/ports/2/node").asText()).isEqualTo("AZ-ALAT");
    assertThat(t.at("/network/ports/2/berths").asInt()).isEqualTo(9);
    assertThat(t.at("/network/crossings/0/low_water_derating").asDouble()).isEqualTo(0.25);
    assertThat(t.at("/network/crossings/1/low_water_derating").asDouble()).isEqualTo(0.25);
    assertThat(t.at("/disruptions/0/kind").asText()).isEqualTo("border_closure");
    // the baseline is untouched
    assertThat(base.at("/network/ports/0/berths").asInt()).isEqualTo(3);
    assertThat(base.at("/disruptions").size()).isZero();
  }

  @Test
  void scale_multiplies_every_matching_number_and_skips_elements_without_the_field()
      throws Exception {
    ObjectNode t =
        Overlay.apply(
            base(),
            variant(
                Map.of(),
                Map.of(
                    "demand.flows[corridor=middle].teu_per_year", 2.5,
                    "demand.flows[corridor=middle].tonnes_per_year", 2.0)));
    assertThat(t.at("/demand/flows/0/teu_per_year").asDouble()).isEqualTo(250);
    assertThat(t.at("/demand/flows/1/teu_per_year").asDouble()).isEqualTo(1000);
    assertThat(t.at("/demand/flows/2/tonnes_per_year").asDouble()).isEqualTo(100);
  }

  @Test
  void paths_that_do_not_fit_are_errors() throws Exception {
    assertThatThrownBy(
            () ->
                Overlay.apply(
                    base(), variant(Map.of(), Map.of("demand.flows[id=nope].teu_per_year", 2.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id = nope");
    assertThatThrownBy(() -> Overlay.apply(base(), variant(Map.of("name.x", 1), Map.of())))
        .hasMessageContaining("'name' in 'name.x' is not an object");
    assertThatThrownBy(
            () -> Overlay.apply(base(), variant(Map.of("network.ports[7].berths", 1), Map.of())))
        .hasMessageContaining("has 2 elements");
    assertThatThrownBy(() -> Overlay.parsePath("network..ports"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Overlay.parsePath("Network.ports"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
