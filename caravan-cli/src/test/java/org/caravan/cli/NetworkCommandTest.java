package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The foundation's commands on the built-in network: info, validate, export, places, help. */
class NetworkCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * The counts that data/network/README.md and docs/DATA.md give are the counts of {@code network
   * info} (and of sources.csv): a data change that shifts them must update the docs.
   */
  @Test
  void readme_and_data_docs_state_the_counts_of_network_info() throws Exception {
    Cli r = Cli.run("network", "info", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode info = JSON.readTree(r.out());
    Path repo = Path.of(System.getProperty("caravan.repo", ".."));
    String readme = Files.readString(repo.resolve("data/network/README.md"));
    JsonNode modes = info.get("links_by_mode");
    JsonNode p = info.get("provenance");
    assertThat(readme)
        .contains(
            "**"
                + info.get("nodes").asInt()
                + " nodes in "
                + info.get("nodes_by_country").size()
                + " countries**")
        .contains(
            String.format(
                "**%d links** (%d rail, %d road, %d ferry, %d sea), of which %d planned",
                info.get("links").asInt(),
                modes.path("rail").asInt(),
                modes.path("road").asInt(),
                modes.path("ferry").asInt(),
                modes.path("sea").asInt(),
                info.get("planned_links").asInt()))
        .contains("of which " + info.get("planned_nodes").asInt() + " planned.")
        .contains(
            String.format(
                "**%d transfers**, **%d services**, **%d sources**",
                info.get("transfers").asInt(),
                info.get("services").asInt(),
                info.get("sources").asInt()))
        .contains(
            String.format(
                "(%d publication, %d dataset, %d estimate with basis, %d bare estimate)",
                p.get("publication").asInt(),
                p.get("dataset").asInt(),
                p.get("estimate_with_basis").asInt(),
                p.get("bare_estimate").asInt()));
    List<String> kinds =
        Files.readAllLines(repo.resolve("data/network/sources.csv")).stream()
            .skip(1)
            .map(l -> l.split(",", 3)[1])
            .toList();
    String data = Files.readString(repo.resolve("docs/DATA.md"));
    assertThat(data)
        .contains(
            String.format(
                "%d sources, of which %d publications, %d datasets, %d method notes",
                kinds.size(),
                kinds.stream().filter("publication"::equals).count(),
                kinds.stream().filter("dataset"::equals).count(),
                kinds.stream().filter("method"::equals).count()));
    // and its source table lists every id of sources.csv
    for (String line :
        Files.readAllLines(repo.resolve("data/network/sources.csv")).subList(1, kinds.size() + 1)) {
      String id = line.split(",", 2)[0];
      assertThat(data).as("docs/DATA.md lists source " + id).contains("| `" + id + "` |");
    }
  }

  @Test
  void info_json_reports_the_default_network() throws Exception {
    Cli r = Cli.run("network", "info", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode info = JSON.readTree(r.out());
    assertThat(info.get("nodes").asInt()).isGreaterThanOrEqualTo(80);
    assertThat(info.get("countries").asInt()).isGreaterThanOrEqualTo(12);
    assertThat(info.get("nodes_by_country").size()).isGreaterThanOrEqualTo(12);
    assertThat(info.get("links_by_mode").fieldNames())
        .toIterable()
        .contains("rail", "road", "ferry", "sea");
    assertThat(info.get("nodes_by_kind").fieldNames())
        .toIterable()
        .contains("terminal", "port", "border", "gauge_change", "city");
    // provenance in four classes, no bare estimate; the counts add up to the values of the files
    JsonNode p = info.get("provenance");
    assertThat(p.get("bare_estimate").asInt()).isZero();
    assertThat(p.get("publication").asInt()).isPositive();
    assertThat(p.get("dataset").asInt()).isPositive();
    assertThat(p.get("estimate_with_basis").asInt()).isPositive();
    double share =
        p.get("publication").asDouble()
            / (p.get("publication").asInt()
                + p.get("estimate_with_basis").asInt()
                + p.get("bare_estimate").asInt());
    assertThat(p.get("publication_share").asDouble())
        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.001));
    assertThat(info.get("planned_links").asInt()).isPositive();
    // the 20 estimated values read by the most terminal-to-terminal routes, ranked, each an
    // estimate
    JsonNode top = info.get("top_estimates");
    assertThat(top.get("routed").asInt())
        .isPositive()
        .isLessThanOrEqualTo(top.get("pairs").asInt());
    assertThat(top.get("top")).hasSize(20);
    int previous = Integer.MAX_VALUE;
    for (JsonNode u : top.get("top")) {
      assertThat(u.get("source").asText()).startsWith("EST+");
      assertThat(u.get("routes").asInt()).isPositive().isLessThanOrEqualTo(previous);
      previous = u.get("routes").asInt();
    }
  }

  @Test
  void places_finds_planned_anaklia_and_marks_it() {
    Cli r = Cli.run("places", "Anaklia");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("GE-ANAKLIA", "planned 2029");
    Cli lodz = Cli.run("places", "Lodz");
    assertThat(lodz.out()).contains("PL-LODZ", "Łódź");
  }

  @Test
  void the_middle_corridor_and_its_alternatives_are_in_the_network() throws Exception {
    Cli r = Cli.run("network", "export", "--format", "geojson");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode fc = JSON.readTree(r.out());
    List<String> ids = fc.get("features").findValues("id").stream().map(JsonNode::asText).toList();
    // Chinese origins and ports, Caspian and Black Sea ports, EU terminals (UN/LOCODEs)
    assertThat(ids)
        .contains(
            "CNXIA", "CNCQI", "CNCDU", "CNYIU", "CNZGZ", "CNURM", "CNLYG", "CNSHA", "CNNGB",
            "KZAAU", "TMKRW", "GEPTI", "GEBUS", "ROCND", "BGBOJ", "NLRTM", "DEHAM", "BEANR",
            "GRPIR", "DEDUI", "HUBUD", "ATVIE", "ITMIL");
    List<String> linkIds =
        fc.get("features").findValues("id").stream()
            .map(JsonNode::asText)
            .filter(s -> s.contains("-"))
            .toList();
    assertThat(linkIds).isNotEmpty();
  }

  @Test
  void geojson_export_is_valid() throws Exception {
    Path out = dir.resolve("network.geojson");
    Cli r = Cli.run("network", "export", "--format", "geojson", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode fc = JSON.readTree(out.toFile());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features").size()).isGreaterThan(200);
    for (JsonNode f : fc.get("features")) {
      assertThat(f.get("type").asText()).isEqualTo("Feature");
      JsonNode g = f.get("geometry");
      assertThat(g).isNotNull();
      assertThat(g.get("type").asText()).isIn("Point", "LineString");
      JsonNode c = g.get("coordinates");
      if (g.get("type").asText().equals("Point")) {
        assertThat(c.get(0).asDouble()).isBetween(-180.0, 180.0);
        assertThat(c.get(1).asDouble()).isBetween(-90.0, 90.0);
      } else {
        assertThat(c.size()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void export_never_replaces_a_users_file_and_reports_unwritable_places() throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.geojson"), "precious");
    Cli r = Cli.run("network", "export", "--format", "geojson", "--out", mine.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("file exists").doesNotContain("Exception");
    assertThat(mine).hasContent("precious");
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Files.writeString(folder.resolve("nodes.csv"), "mine");
    Cli c = Cli.run("network", "export", "--format", "csv", "--out", folder.toString(), "--force");
    assertThat(c.code()).isEqualTo(1);
    assertThat(folder.resolve("nodes.csv")).hasContent("mine");
    Cli proc = Cli.run("network", "export", "--format", "csv", "--out", "/proc/caravan-x");
    assertThat(proc.code()).isEqualTo(1);
    assertThat(proc.err())
        .startsWith("caravan: --out /proc/caravan-x: cannot")
        .doesNotContain("Exception");
    Cli dash = Cli.run("network", "export", "--format", "geojson", "--out", "-");
    assertThat(dash.code()).isZero();
    assertThat(dash.out()).startsWith("{");
  }

  @Test
  void csv_export_round_trips_through_validate() throws Exception {
    Path out = dir.resolve("copy");
    assertThat(Cli.run("network", "export", "--format", "csv", "--out", out.toString()).code())
        .isZero();
    Cli v = Cli.run("network", "validate", out.toString());
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).startsWith("ok: ");
  }

  @Test
  void validate_reports_file_line_and_field_and_exits_1() throws Exception {
    Path bad = dir.resolve("my-links.csv");
    Files.writeString(
        bad,
        """
        id,from,to,mode,gauge,distance_km,duration_h,countries,toc,source
        kuryk-nowhere,KZ-KURYK,XXNOWHERE,rail,1520,-5,10,KZ,rail-diesel,EST
        """);
    Cli r = Cli.run("network", "validate", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("my-links.csv:2: field 'to': unknown node 'XXNOWHERE'")
        .contains("my-links.csv:2: field 'distance_km': distance must be positive")
        .doesNotContain("Exception");
    // A user error is one line: the problems are joined, not an escaped line break between them.
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("caravan: 3 problems in the network files: ")
        .contains("; ")
        .doesNotContain("\\n");
  }

  @Test
  void overlay_raises_a_capacity() throws Exception {
    Path overlay = dir.resolve("nodes.csv");
    Files.writeString(overlay, "id,capacity_teu_day,capacity_source\nKZAAU,2000,EST\n");
    Cli r = Cli.run("network", "validate", overlay.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 overlay");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xian", "Xi'an", "CNXIA", "xi an", "XIAN"})
  void places_finds_xian_by_any_spelling(String query) {
    Cli r = Cli.run("places", query);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("CNXIA");
  }

  @Test
  void a_place_miss_exits_1_in_text_and_json() {
    Cli text = Cli.run("places", "Qqqqzzzxx");
    Cli json = Cli.run("places", "Qqqqzzzxx", "--json");
    assertThat(text.code()).isEqualTo(1);
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.out()).containsPattern("\"matches\" ?: ?\\[ ?]");
  }

  @Test
  void format_is_one_flag_across_commands() {
    Cli a = Cli.run("places", "Baku", "--format", "json");
    assertThat(a.code()).isZero();
    assertThat(a.out()).isEqualTo(Cli.run("places", "Baku", "--json").out());
    assertThat(Cli.run("network", "info", "--format", "json").out())
        .isEqualTo(Cli.run("network", "info", "--json").out());
    Cli bad = Cli.run("route", "Xian", "Duisburg", "--format", "xml");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("--format must be table, json, geojson; got 'xml'");
  }

  @Test
  void places_forgives_typos_and_accents() {
    assertThat(Cli.run("places", "Duisbrug").out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("DEDUI");
    assertThat(Cli.run("places", "Constanta").out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("ROCND");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "network",
        "network info",
        "network validate",
        "network export",
        "places",
        "route",
        "emissions",
        "simulate",
        "serve",
        "bench",
        "bench mmc",
        "study",
        "study run",
        "study list",
        "study show",
        "study compare",
        "study export",
        "study report",
        "track",
        "track evaluate",
        "track sample"
      })
  void every_command_has_help(String command) {
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
    Cli r = Cli.run(args);
    assertThat(r.code()).isZero();
    assertThat(r.err()).as("help writes nothing to stderr").isEmpty();
    assertThat(r.out())
        .contains("Usage: caravan " + command)
        .contains("-h, --help")
        .contains("-V, --version");
    String[] shortForm = (command.isEmpty() ? "-h" : command + " -h").split(" ");
    assertThat(Cli.run(shortForm).out()).isEqualTo(r.out());
    String[] version = (command.isEmpty() ? "-V" : command + " -V").split(" ");
    assertThat(Cli.run(version).code()).isZero();
  }

  @Test
  void unknown_option_is_a_user_error() {
    Cli r = Cli.run("network", "info", "--jsno");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Unknown option: '--jsno'").contains("--json");
  }
}
