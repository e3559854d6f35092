package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan emissions}: output formats, legs resolved on the network, and user errors. */
class EmissionsCommandTest {
  @TempDir Path dir;

  private static Path example(String name) {
    return Path.of(System.getProperty("caravan.repo", ".."))
        .resolve("data/emissions/examples")
        .resolve(name);
  }

  @Test
  void table_json_and_csv_agree() throws Exception {
    Path file = example("xian-duisburg-middle-corridor.csv");
    Cli table = Cli.run("emissions", file.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("total").contains("default");
    JsonNode json =
        new ObjectMapper().readTree(Cli.run("emissions", file.toString(), "--json").out());
    double wtw = json.get("total").get("wtw_kg").asDouble();
    double sum = 0;
    for (JsonNode e : json.get("elements")) {
      assertThat(e.get("wtw_kg").asDouble())
          .isCloseTo(
              e.get("wtt_kg").asDouble() + e.get("ttw_kg").asDouble(),
              org.assertj.core.data.Offset.offset(0.002));
      assertThat(e.get("factors").asText()).isNotBlank();
      sum += e.get("wtw_kg").asDouble();
    }
    assertThat(sum).isCloseTo(wtw, org.assertj.core.data.Offset.offset(0.05));
    String csv = Cli.run("emissions", file.toString(), "--csv").out();
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("index,leg,kind,category");
    assertThat(csv.lines().reduce((a, b) -> b).orElseThrow())
        .contains(",total,")
        .contains(String.valueOf(json.get("total").get("wtw_kg").asDouble()));
  }

  @Test
  void legs_given_by_places_are_resolved_on_the_network() throws Exception {
    Path chain = dir.resolve("chain.csv");
    Files.writeString(
        chain,
        """
        leg,type,toc,hoc,from,to,distance_km,mass_t,teu,countries
        Xian-Dostyk,transport,rail-electric,,Xian,Dostyk,,20,,
        Dostyk,hub,,hub-gauge-change,,,,20,2,
        """);
    JsonNode json =
        new ObjectMapper().readTree(Cli.run("emissions", chain.toString(), "--json").out());
    JsonNode leg = json.get("elements").get(0);
    assertThat(leg.get("distance_km").asDouble()).isBetween(2500.0, 4000.0);
    assertThat(leg.get("factors").asText()).contains("grid.CN");
  }

  @Test
  void a_chain_file_saved_by_excel_with_a_byte_order_mark_gives_the_same_result() throws Exception {
    Path file = example("xian-duisburg-middle-corridor.csv");
    Path bom = dir.resolve("bom.csv");
    byte[] text = Files.readAllBytes(file);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(bom, withBom);
    Cli plain = Cli.run("emissions", file.toString(), "--json");
    Cli r = Cli.run("emissions", bom.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(plain.out().replace(file.toString(), bom.toString()));
  }

  @Test
  void an_endless_or_binary_file_is_a_one_line_error() throws Exception {
    Path binary =
        Files.write(
            dir.resolve("x.csv"), new byte[] {'l', 'e', 'g', '\n', (byte) 0xC3, (byte) 0x28});
    Cli r = Cli.run("emissions", binary.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("not UTF-8").doesNotContain("Exception");
    if (Files.exists(Path.of("/dev/zero"))) {
      Cli z = Cli.run("emissions", "/dev/zero");
      assertThat(z.code()).isEqualTo(1);
      assertThat(z.err()).contains("larger than 64 Mi characters").doesNotContain("Exception");
    }
  }

  @Test
  void bad_chain_files_name_the_line_and_field() throws Exception {
    Path unknownMode = dir.resolve("mode.csv");
    Files.writeString(
        unknownMode, "leg,mode,distance_km,mass_t,countries\nA-B,hovercraft,100,20,KZ\n");
    Cli r = Cli.run("emissions", unknownMode.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("mode.csv")
        .contains("line 2")
        .contains("mode")
        .contains("hovercraft")
        .doesNotContain("Exception");

    Path negative = dir.resolve("mass.csv");
    Files.writeString(negative, "leg,mode,distance_km,mass_t,countries\nA-B,rail,100,-20,KZ\n");
    assertThat(Cli.run("emissions", negative.toString()).err())
        .contains("line 2")
        .contains("mass_t");

    Path noGrid = dir.resolve("grid.csv");
    Files.writeString(
        noGrid, "leg,toc,distance_km,mass_t,countries\nA-B,rail-electric,100,20,CH\n");
    assertThat(Cli.run("emissions", noGrid.toString()).err()).contains("CH");

    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "leg,mode,distance_km\nA-B,rail,100\n");
    Cli m = Cli.run("emissions", missing.toString());
    assertThat(m.code()).isEqualTo(1);
    assertThat(m.err()).contains("mass_t");
  }

  @Test
  void a_path_with_a_nul_byte_is_a_user_error_not_a_jdk_message() {
    // Found by the fuzz profile: picocli's own Path converter printed the JDK exception.
    Cli r = Cli.run("emissions", "a\u0000b.csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("is not a valid path")
        .doesNotContain("java.")
        .doesNotContain("\u0000");
  }
}
