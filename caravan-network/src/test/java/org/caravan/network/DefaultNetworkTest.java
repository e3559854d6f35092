package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in network: size, coverage of the corridors, and a cross-check against the shared
 * public datasets.
 */
class DefaultNetworkTest {
  private static Network network;

  @BeforeAll
  static void load() {
    network = Network.build(NetworkFiles.readDefault());
  }

  @Test
  void size_and_countries() {
    NetworkSpec spec = network.spec();
    assertThat(network.nodeCount()).isGreaterThanOrEqualTo(80);
    assertThat(spec.nodes().stream().map(NodeSpec::country).distinct())
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(spec.links().stream().map(l -> l.mode().code()))
        .contains("rail", "road", "ferry", "sea");
  }

  /**
   * CPMM22KZ: a Kazakh rail crossing takes 54–78 h inbound and 7–11 h outbound. A train leaving
   * Kazakhstan for China at Dostyk or Altynkol stops for the outbound time; one coming in, and one
   * passing a border with a single stop, for the same time both ways.
   */
  @Test
  void kazakh_rail_borders_stop_by_direction() {
    for (String[] b : new String[][] {{"KZ-DOSTYK", "CNAKL"}, {"KZHOR", "CNHRS"}}) {
      int border = network.findNode(b[0]).orElseThrow();
      int china = network.findNode(b[1]).orElseThrow();
      int inland = -1;
      for (int i = network.firstOut(border); i < network.endOut(border); i++) {
        int to = network.linkTo(network.outLink(i));
        if (network.nodeCountry(to) == network.nodeCountry(border)) {
          inland = to;
        }
      }
      assertThat(network.outbound(border, china)).isTrue();
      assertThat(network.outbound(border, inland)).isFalse();
      assertThat(network.dwell_s(border, china)).isEqualTo(Math.round(6.8 * 3600));
      assertThat(network.dwell_s(border, inland)).isEqualTo(network.dwell_s(border));
      assertThat(network.dwell_s(border)).isGreaterThan(6 * network.dwell_s(border, china));
      // The Chinese side has one stop both ways.
      assertThat(network.outbound(china, border)).isFalse();
      assertThat(network.dwell_s(china, border)).isEqualTo(network.dwell_s(china));
    }
  }

  @Test
  void the_corridor_elements_of_the_issue_are_there() {
    // both Chinese crossings, with a change of gauge on the Kazakh side
    assertLink("CNAKL", "KZ-DOSTYK");
    assertLink("CNHRS", "KZHOR");
    // Caspian crossings, each with a schedule
    for (String[] crossing :
        new String[][] {{"KZAAU", "AZ-ALAT"}, {"KZKUR", "AZ-ALAT"}, {"TMKRW", "AZ-ALAT"}}) {
      LinkSpec l = assertLink(crossing[0], crossing[1]);
      assertThat(l.mode()).isIn(Mode.FERRY, Mode.SEA);
    }
    assertThat(
            network.spec().links().stream()
                .filter(l -> l.mode() == Mode.FERRY && !l.service().isEmpty())
                .count())
        .isGreaterThanOrEqualTo(3);
    // Georgian ports, Black Sea to Constanta and Burgas
    assertThat(network.findNode("GEPTI")).isPresent();
    assertThat(network.findNode("GEBUS")).isPresent();
    assertThat(
            network.spec().links().stream()
                .anyMatch(
                    l ->
                        l.to().equals("ROCND")
                            && (l.from().equals("GEPTI") || l.from().equals("GEBUS"))))
        .isTrue();
    assertThat(
            network.spec().links().stream()
                .anyMatch(
                    l ->
                        l.to().equals("BGBOJ")
                            && (l.from().equals("GEPTI") || l.from().equals("GEBUS"))))
        .isTrue();
    // gauge change points on every corridor
    List<String> changes =
        network.spec().transfers().stream()
            .filter(
                t ->
                    Math.min(t.fromClass().ordinal(), t.toClass().ordinal())
                            == CarrierClass.RAIL1520.ordinal()
                        && Math.max(t.fromClass().ordinal(), t.toClass().ordinal())
                            == CarrierClass.RAIL1435.ordinal())
            .map(TransferSpec::node)
            .toList();
    assertThat(changes).contains("KZ-DOSTYK", "GEZAI").hasSizeGreaterThanOrEqualTo(5);
  }

  private static LinkSpec assertLink(String a, String b) {
    return network.spec().links().stream()
        .filter(
            l ->
                (l.from().equals(a) && l.to().equals(b))
                    || (l.from().equals(b) && l.to().equals(a)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link " + a + " - " + b));
  }

  @Test
  void every_number_is_cited_and_estimates_say_so() {
    for (NodeSpec n : network.spec().nodes()) {
      assertThat(n.sources().getOrDefault("coord", n.sources().get(""))).as(n.id()).isNotBlank();
    }
    assertThat(network.spec().sources()).extracting(SourceSpec::id).contains(SourceSpec.ESTIMATE);
    assertThat(network.spec().sources())
        .allSatisfy(s -> assertThat(s.licence()).as(s.id()).isNotBlank());
  }

  private static Path shared(String relative) {
    Path p =
        Path.of(System.getProperty("caravan.repo", ".."))
            .resolve("../shared/data")
            .resolve(relative)
            .normalize();
    assumeTrue(
        Files.exists(p),
        "skipped: " + p + " is absent (the shared datasets sit beside the project root)");
    return p;
  }

  /** Nodes whose coordinates cite UN/LOCODE lie within 10 km of the dataset's position. */
  @Test
  void unlocode_coordinates_match_the_dataset() throws IOException {
    Path dir = shared("unlocode");
    Map<String, double[]> codes = new HashMap<>();
    Pattern entry =
        Pattern.compile(
            "locode: '(\\w\\w) (\\w{3})'[\\s\\S]*?coordinates: '(\\d{2})(\\d{2})([NS]) (\\d{3})(\\d{2})([EW])'");
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        for (String block : Files.readString(f).split("\n-\n")) {
          Matcher m = entry.matcher(block);
          if (m.find()) {
            double lat =
                (Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)) / 60.0)
                    * (m.group(5).equals("S") ? -1 : 1);
            double lon =
                (Integer.parseInt(m.group(6)) + Integer.parseInt(m.group(7)) / 60.0)
                    * (m.group(8).equals("W") ? -1 : 1);
            codes.put(m.group(1) + m.group(2), new double[] {lat, lon});
          }
        }
      }
    }
    int checked = 0;
    for (NodeSpec n : network.spec().nodes()) {
      String src = n.sources().getOrDefault("coord", n.sources().getOrDefault("", ""));
      if (src.contains("UNLOCODE") && !src.startsWith("EST") && codes.containsKey(n.id())) {
        double[] c = codes.get(n.id());
        assertThat(Geo.km(n.lat(), n.lon(), c[0], c[1])).as(n.id()).isLessThan(10);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  /** Sea ports lie within 30 km of the searoute port dataset. */
  @Test
  void port_coordinates_match_the_dataset() throws IOException {
    JsonNode ports = new ObjectMapper().readTree(shared("sea/ports.geojson").toFile());
    Map<String, JsonNode> byCode = new HashMap<>();
    ports
        .get("features")
        .forEach(
            f ->
                byCode.put(
                    f.get("properties").get("port").asText(),
                    f.get("geometry").get("coordinates")));
    int checked = 0;
    for (String id :
        List.of(
            "CNSHA", "CNNGB", "NLRTM", "DEHAM", "BEANR", "GRPIR", "ROCND", "GEPTI", "GEBUS",
            "KZAAU", "TMKRW", "PLGDN", "ITTRS", "SIKOP", "LVRIX", "LTKLJ", "TRMER", "IRBND",
            "CNWUH", "ESMAD")) {
      JsonNode c = byCode.get(id);
      if (c == null) {
        continue;
      }
      NodeSpec n = network.node(network.getNode(id));
      assertThat(Geo.km(n.lat(), n.lon(), c.get(1).asDouble(), c.get(0).asDouble()))
          .as(id)
          .isLessThan(30);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(17);
  }
}
