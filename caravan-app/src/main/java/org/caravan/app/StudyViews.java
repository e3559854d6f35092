package org.caravan.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.scenario.Table;
import org.caravan.scenario.UserException;
import org.caravan.study.Comparison;
import org.caravan.study.StudyStore;

/**
 * The read side of {@link StudyService} over an open store: list, show and compare as JSON
 * documents (docs/STUDIES.md), the comparison as a text table. Stateless.
 */
final class StudyViews {
  private static final ObjectMapper JSON = JsonDocuments.mapper();

  private StudyViews() {}

  static StudyStore.StudyRow require(StudyStore st, String name) {
    return st.study(name)
        .orElseThrow(
            () ->
                new UserException(
                    "study", "no study named '" + name + "' in store " + st.location()));
  }

  /**
   * The stored studies as JSON: name, baseline, seed, replications asked, years, runs stored,
   * variants.
   */
  static ArrayNode listJson(StudyStore st) {
    List<Listed> out = new ArrayList<>();
    for (StudyStore.StudyRow s : st.studies()) {
      int variants = st.variants(s.study()).size();
      out.add(
          new Listed(
              Head.of(s), variants, s.runs(), (long) s.replications() * variants, s.createdAt()));
    }
    return JSON.valueToTree(out);
  }

  /** One study with its variants, their overlays and sources, and runs stored per variant. */
  static ObjectNode showJson(String name, StudyStore st) {
    StudyStore.StudyRow s = require(st, name);
    List<StudyStore.RunRow> runs = st.runs(name);
    List<ShownVariant> variants = new ArrayList<>();
    for (StudyStore.VariantRow v : st.variants(name)) {
      JsonNode overlay;
      try {
        overlay = JSON.readTree(v.overlay());
      } catch (JsonProcessingException e) {
        overlay = TextNode.valueOf(v.overlay());
      }
      long stored = runs.stream().filter(r -> r.variant().equals(v.variant())).count();
      variants.add(new ShownVariant(v.variant(), v.description(), v.source(), overlay, stored));
    }
    return JSON.valueToTree(new Shown(Head.of(s), s.createdAt(), variants));
  }

  /** What the list and the show documents both begin with. */
  private record Head(String study, String baseline, long seed, int replications, double years) {
    static Head of(StudyStore.StudyRow s) {
      return new Head(s.study(), s.baseline(), s.seed(), s.replications(), s.years());
    }
  }

  /** A study in the list document. */
  private record Listed(
      @JsonUnwrapped Head head,
      int variants,
      int runsStored,
      long runsExpected,
      String createdAt) {}

  /** The show document. */
  private record Shown(@JsonUnwrapped Head head, String createdAt, List<ShownVariant> variants) {}

  /** A variant of the show document, its overlay as the JSON it was stored as. */
  private record ShownVariant(
      String variant, String description, String source, JsonNode overlay, long runsStored) {}

  /**
   * Every KPI of every variant against the baseline, with the paired difference and its 95 %
   * interval.
   */
  static ObjectNode compareJson(String name, StudyStore st) {
    require(st, name);
    return COMPARISON.valueToTree(Comparison.of(name, st));
  }

  /**
   * The comparison records as their JSON document (docs/STUDIES.md): snake_case names, in this
   * order, the interval's half-width as {@code ci95_half_width}, the variant's description left out
   * (the show document has it), a missing value (NaN) as null.
   */
  private static final ObjectMapper COMPARISON =
      JsonDocuments.mapper()
          .addMixIn(Comparison.Result.class, ResultJson.class)
          .addMixIn(Comparison.VariantDiff.class, VariantJson.class)
          .addMixIn(Comparison.KpiDiff.class, KpiJson.class);

  @JsonPropertyOrder({"study", "baseline_replications", "baseline_bottleneck", "variants"})
  private interface ResultJson {}

  @JsonIgnoreProperties("description")
  private interface VariantJson {}

  private interface KpiJson {
    @JsonProperty("ci95_half_width")
    double halfWidth95();

    @JsonProperty("significant")
    boolean significant();
  }

  /**
   * The comparison as a table: per variant its binding resource and the headline KPIs (those of
   * {@code headline}, matched as prefixes), every KPI only one side has a value of (the other shown
   * as {@code n/a}, with no difference and no interval), plus every other KPI whose 95 % interval
   * excludes zero when {@code all} is set.
   */
  static String compareTable(ObjectNode o, List<String> headline, boolean all) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "study %s  baseline: %s%n",
            o.get("study").asText(),
            binds(o.get("baseline_replications"), o.get("baseline_bottleneck"))));
    for (JsonNode v : o.get("variants")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%n%s  (%s)  %s%n",
              v.get("variant").asText(),
              v.get("source").asText(),
              binds(v.get("replications"), v.get("bottleneck"))));
      List<JsonNode> shown = new ArrayList<>();
      for (JsonNode k : v.get("kpis")) {
        String kpi = k.get("kpi").asText();
        boolean head = headline.stream().anyMatch(kpi::startsWith);
        // A KPI one side lacks (reroute.all.extra_days where the baseline re-routes nothing) is
        // shown: its appearing is the variant's effect, and it has no difference to test.
        boolean oneSided = k.get("baseline").isNull() != k.get("variant").isNull();
        if (head || oneSided || (all && k.get("significant").asBoolean())) {
          shown.add(k);
        }
      }
      sb.append(KPIS.text("  %-52s %14s %14s %14s %12s%n", shown));
      JsonNode r = v.path("routes");
      if (r.path("network_changed").asBoolean()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  routes: %d of %d pairs change route, %d change corridor, %d have none;"
                    + " mean change %+.2f d, %+.0f USD/TEU, %+.1f kg CO2e/TEU%n",
                r.path("route_changed").asInt(),
                r.path("pairs").asInt(),
                r.path("corridor_changed").asInt(),
                r.path("no_route").asInt(),
                r.path("transit_days_diff_mean").asDouble(),
                r.path("cost_usd_teu_diff_mean").asDouble(),
                r.path("co2e_kg_teu_diff_mean").asDouble()));
      }
    }
    return sb.toString();
  }

  /** The KPI rows of the comparison table, from the comparison document. */
  private static final Table<JsonNode> KPIS =
      new Table<JsonNode>()
          .column("kpi", k -> k.get("kpi").asText() + " [" + k.get("unit").asText() + "]")
          .column("baseline", k -> fmt(k.get("baseline")))
          .column("variant", k -> fmt(k.get("variant")))
          .column("diff", k -> fmt(k.get("diff")))
          .column("±95%", k -> fmt(k.get("ci95_half_width")));

  /** {@code 5 replications, binds at yard:KZAAU}: one side of the comparison. */
  private static String binds(JsonNode replications, JsonNode bottleneck) {
    return replications.asInt() + " replications, binds at " + bottleneck.asText();
  }

  private static String fmt(JsonNode n) {
    return n == null || n.isNull() ? "n/a" : String.format(Locale.ROOT, "%.6g", n.asDouble());
  }
}
