package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code caravan study report}: the HTML parses as XML, is self-contained, carries the study's
 * provenance, and every KPI cell holds exactly the number {@code study compare --json} gives; an
 * existing file is never replaced unless it is an earlier report and {@code --force} is given.
 * Also: engines the class path does not hold are user errors.
 */
class StudyReportTest {
  @TempDir Path dir;

  private static final String STUDY =
      """
      name: report-test
      baseline: default-2024
      seed: 5
      replications: 2
      years: 0.2
      variants:
        - name: more-ferries
          description: Kuryk-Alat ferries 16 -> 24 & more
          source: EST
          set:
            network.crossings[link=KZKUR-AZ-ALAT-ferry].fleet: 24
      """;

  @Test
  void the_report_holds_the_comparisons_numbers_and_the_provenance() throws Exception {
    Path study = Files.writeString(dir.resolve("study.yaml"), STUDY);
    String store = dir.resolve("s.duckdb").toString();
    Cli run = Cli.run("study", "run", study.toString(), "--store", store, "--threads", "2");
    assertThat(run.code()).as(run.err()).isZero();
    Path html = dir.resolve("report.html");
    Cli r = Cli.run("study", "report", "report-test", "--store", store, "--out", html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(html);
    assertThat(text)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("href=");

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
    Map<String, String> prov = new HashMap<>();
    NodeList provRows = byId(doc, "provenance").getElementsByTagName("tr");
    for (int i = 0; i < provRows.getLength(); i++) {
      Element tr = (Element) provRows.item(i);
      prov.put(
          tr.getElementsByTagName("th").item(0).getTextContent(),
          tr.getElementsByTagName("td").item(0).getTextContent());
    }
    assertThat(prov)
        .containsEntry("file", study.toString())
        .containsEntry("seed", "5")
        .containsEntry("replications", "2")
        .containsEntry("baseline", "default-2024")
        .containsEntry("version", "caravan 0.1.0");

    JsonNode cmp =
        new ObjectMapper()
            .readTree(Cli.run("study", "compare", "report-test", "--json", "--store", store).out());
    JsonNode v = cmp.get("variants").get(0);
    Element section = null;
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (s.getAttribute("data-variant").equals("more-ferries")) {
        section = s;
      }
    }
    assertThat(section).isNotNull();
    assertThat(section.getTextContent()).contains("16 -> 24 & more");
    assertThat(section.getElementsByTagName("code").item(0).getTextContent())
        .isEqualTo(v.get("bottleneck").asText());
    Map<String, Element> rows = new HashMap<>();
    NodeList trs = section.getElementsByTagName("tr");
    for (int i = 0; i < trs.getLength(); i++) {
      Element tr = (Element) trs.item(i);
      if (tr.hasAttribute("data-kpi")) {
        rows.put(tr.getAttribute("data-kpi"), tr);
      }
    }
    assertThat(rows).hasSize(v.get("kpis").size());
    int checked = 0;
    for (JsonNode k : v.get("kpis")) {
      Element tr = rows.get(k.get("kpi").asText());
      assertThat(tr).as(k.get("kpi").asText()).isNotNull();
      NodeList tds = tr.getElementsByTagName("td");
      for (int i = 0; i < tds.getLength(); i++) {
        Element td = (Element) tds.item(i);
        if (!td.hasAttribute("data-field")) {
          continue;
        }
        JsonNode expected = k.get(td.getAttribute("data-field"));
        if (expected.isNull()) {
          assertThat(td.getAttribute("data-value")).isEmpty();
        } else {
          assertThat(Double.parseDouble(td.getAttribute("data-value")))
              .as(k.get("kpi").asText() + " " + td.getAttribute("data-field"))
              .isEqualTo(expected.asDouble());
          checked++;
        }
      }
      assertThat(tr.getAttribute("class").equals("sig"))
          .isEqualTo(k.get("significant").asBoolean());
    }
    assertThat(checked).isGreaterThan(100);
    // one forest plot per headline KPI, each with a dot per variant
    NodeList figures = doc.getElementsByTagName("figure");
    int forests = 0;
    for (int i = 0; i < figures.getLength(); i++) {
      Element f = (Element) figures.item(i);
      if (f.getAttribute("class").equals("forest")) {
        forests++;
        assertThat(f.getElementsByTagName("circle").getLength()).isLessThanOrEqualTo(1);
      }
    }
    assertThat(forests).isGreaterThan(5);
    assertThat(text).contains("class=\"series\"");

    // safe output: an existing file is refused; --force replaces a report, never a foreign file
    Cli again =
        Cli.run("study", "report", "report-test", "--store", store, "--out", html.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("file exists").doesNotContain("Exception");
    Cli forced =
        Cli.run(
            "study",
            "report",
            "report-test",
            "--store",
            store,
            "--out",
            html.toString(),
            "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    Path foreign = Files.writeString(dir.resolve("notes.html"), "<p>mine</p>");
    Cli refused =
        Cli.run(
            "study",
            "report",
            "report-test",
            "--store",
            store,
            "--out",
            foreign.toString(),
            "--force");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("not a caravan study report");
    assertThat(Files.readString(foreign)).isEqualTo("<p>mine</p>");
    assertThat(Cli.run("study", "report", "nope", "--store", store).err())
        .contains("no study named 'nope'");
  }

  @Test
  void an_engine_the_class_path_does_not_hold_is_a_user_error() throws Exception {
    Path study = Files.writeString(dir.resolve("study.yaml"), STUDY);
    String store = dir.resolve("s.duckdb").toString();
    Cli spark =
        Cli.run(
            "study",
            "run",
            study.toString(),
            "--store",
            store,
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(spark.code()).isEqualTo(1);
    assertThat(spark.err())
        .contains("Spark engine is not on the class path")
        .doesNotContain("Exception");
    Cli nope = Cli.run("study", "run", study.toString(), "--store", store, "--engine", "nope");
    assertThat(nope.code()).isEqualTo(1);
    assertThat(nope.err()).contains("local or spark");
    Cli master =
        Cli.run("study", "run", study.toString(), "--store", store, "--master", "local[2]");
    assertThat(master.code()).isEqualTo(1);
    assertThat(master.err()).contains("--master applies to --engine spark only");
    assertThat(Path.of(store)).doesNotExist();
  }

  private static Element byId(Document doc, String id) {
    NodeList all = doc.getElementsByTagName("table");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("id").equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no element with id " + id);
  }
}
