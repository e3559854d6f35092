package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan crm risk} end to end: the must-show outputs and the user errors. */
class CrmCommandTest {
  @Test
  void every_material_is_listed_with_chokepoint_set_shares_summing_to_its_flow() throws Exception {
    Cli r = Cli.run("crm", "risk", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<String> ids = new ArrayList<>();
    for (JsonNode m : root.path("materials")) {
      ids.add(m.path("id").asText());
      double flow = 0;
      for (JsonNode f : m.path("flows")) {
        flow += f.path("tonnes_yr").asDouble();
      }
      assertThat(m.path("tonnes_yr").asDouble()).isEqualTo(flow);
      double sets = 0;
      double shares = 0;
      for (JsonNode s : m.path("chokepoint_sets")) {
        sets += s.path("tonnes_yr").asDouble();
        shares += s.path("share").asDouble();
      }
      assertThat(sets).as(m.path("id").asText()).isCloseTo(flow, within(0.01));
      if (flow > 0) {
        assertThat(shares).isCloseTo(1.0, within(0.001));
      }
      assertThat(m.path("chokepoints").findValuesAsText("id"))
          .containsExactly(
              "caspian", "dostyk-khorgos", "pl-by-border", "bosporus", "suez", "russia-transit");
    }
    // Copper leaves through Russia to the Baltic: the Russia-transit chokepoint carries all of it.
    JsonNode copper = root.path("materials").get(1);
    assertThat(copper.path("chokepoints").get(5).path("share").asDouble()).isEqualTo(1.0);
    assertThat(ids)
        .containsExactly("uranium", "copper", "titanium", "tungsten", "manganese", "rare-earths");
    assertThat(root.path("stranded")).isEmpty();
  }

  @Test
  void caspian_closure_names_the_stranded_flows_and_their_best_alternative() throws Exception {
    Cli r = Cli.run("crm", "risk", "--disruption", "caspian-closure", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.path("disruption").path("id").asText()).isEqualTo("caspian-closure");
    List<String> stranded = new ArrayList<>();
    for (JsonNode s : root.path("stranded")) {
      stranded.add(s.path("flow").asText());
      assertThat(s.path("before").toString()).contains("caspian");
      // Either a best alternative (without the Caspian) or the reason there is none: uranium avoids
      // Russia and
      // Belarus and has no transit permit through Iran, so with the Caspian closed it has no
      // allowed route.
      if (s.path("alternative").isEmpty()) {
        assertThat(s.path("no_alternative").asText()).isNotBlank();
      } else {
        assertThat(s.path("extra_days").isNumber()).isTrue();
      }
      for (JsonNode p : s.path("alternative")) {
        assertThat(p.path("chokepoints").toString()).doesNotContain("caspian");
      }
      if (s.path("flow").asText().equals("mn-kz-eu")) {
        assertThat(s.path("alternative")).isNotEmpty();
      }
      if (s.path("flow").asText().equals("u-kz-eu")) {
        // No allowed alternative, and the price of the shipper's preference: through Russia.
        JsonNode k = s.path("conditional_alternative");
        assertThat(k.path("condition").asText()).contains("RU").contains("REUTERS22");
        assertThat(k.path("routes").toString()).contains("russia-transit");
      }
    }
    assertThat(stranded).contains("u-kz-eu", "mn-kz-eu");
    Cli text = Cli.run("crm", "risk", "--disruption", "caspian-closure");
    assertThat(text.out())
        .contains("STRANDED u-kz-eu (uranium)")
        .contains("STRANDED mn-kz-eu")
        .contains("conditional: only if the shipper accepts transit through RU")
        // The lane switch every route sails round, printed as `route` prints it.
        .contains("sea lanes for 2026-12-01: Red Sea diversion")
        .contains("avoids suez, babelmandeb");
  }

  @Test
  void an_unknown_disruption_or_a_bad_file_is_a_one_line_user_error(@TempDir Path dir)
      throws Exception {
    Cli r = Cli.run("crm", "risk", "--disruption", "atlantis-closure");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("unknown disruption 'atlantis-closure'")
        .contains("caspian-closure")
        .doesNotContain("Exception");
    Path f = dir.resolve("mine.csv");
    Files.writeString(f, "id,name,removes,source\nx,X,node:NOPE,EST\n");
    Cli bad = Cli.run("crm", "risk", "--disruption", f.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("mine.csv:2: field 'removes': unknown node 'NOPE'");
    Files.writeString(
        f, "id,name,removes,source\nboth,Both,chokepoint:pl-by-border;chokepoint:caspian,EST\n");
    Cli both = Cli.run("crm", "risk", "--disruption", f.toString(), "--json");
    assertThat(both.code()).as(both.err()).isZero();
    JsonNode bothRoot = new ObjectMapper().readTree(both.out());
    assertThat(bothRoot.path("stranded").findValuesAsText("flow"))
        .as(both.out())
        .contains("u-kz-eu", "mn-kz-eu");
  }
}
