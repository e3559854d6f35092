package org.caravan.scenario.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.caravan.scenario.Caravan;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;

/**
 * Writes {@code docs/VALIDATION.md}: the default scenario's simulated figures next to the published
 * ones (corridor-facts §2–§3, §6.4) and the source of every scenario parameter. Run with {@code
 * java -cp ... org.caravan.scenario.sim.ValidationReport [OUT.md] [REPLICATIONS]}; the text depends
 * only on the scenario, the network and the seed, so it is reproducible.
 */
public final class ValidationReport {
  private ValidationReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/VALIDATION.md");
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Caravan caravan = Caravan.openDefault();
    SimulationService service = new SimulationService(caravan);
    Scenario sc =
        ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, caravan).withReplications(reps);
    SimulationService.Run run =
        service.run(sc, Runtime.getRuntime().availableProcessors(), i -> {});
    Files.writeString(out, render(run), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** One comparison row. */
  private record Row(
      String what, String simulated, String published, String verdict, String sources) {}

  static String render(SimulationService.Run run) throws IOException {
    CorridorResult r = run.result();
    CorridorSpec spec = run.model().spec();
    Scenario sc = run.scenario();
    List<Row> rows = new ArrayList<>();

    double mt = mean(r, "throughput.middle.tonnes_per_year") / 1e6;
    rows.add(
        new Row(
            "Middle Corridor cargo, Mt/yr",
            ci(r, "throughput.middle.tonnes_per_year", 1e6),
            "4.5 (2024)",
            within(mt, 4.2, 4.8),
            "REPORT251021; 4.47 EIAS25"));
    double teu = mean(r, "throughput.middle.teu_per_year");
    rows.add(
        new Row(
            "Middle Corridor containers, TEU/yr",
            ci(r, "throughput.middle.teu_per_year", 1),
            "≈55,000 (2024)",
            within(teu, 50_000, 60_000),
            "EIAS25; 50,500 Jan–Nov TREND241217"));

    int az = flow(spec, "cn-az-containers");
    double[] cum = r.flowLegCumulativeMean_s()[az];
    String border = spec.legs().get(spec.flows().get(az).legs()[0]).to();
    double borderToBaku = (cum[cum.length - 1] - cum[0]) / 86_400;
    rows.add(
        new Row(
            "KZ border (" + border + ", as routed) → Baku, mean days",
            f1(borderToBaku),
            "Altynkol → Baku ≈9",
            within(borderToBaku, 7, 11),
            "TURKIC24"));
    rows.add(
        transit(
            r,
            spec,
            "cn-az-containers",
            "China (Xi'an) → Baku, days",
            "8–11 (block trains 8–10)",
            8,
            11,
            "NEWSAZ240920, MENAFN240115, NEWSAZ240924"));
    rows.add(
        transit(
            r,
            spec,
            "cn-ge-containers",
            "China (Xi'an) → Poti, days",
            "12–20",
            12,
            20,
            "NEWSAZ240920, ARGUS-REPORT, §10.2"));
    rows.add(
        transit(
            r,
            spec,
            "cn-eu-containers-middle",
            "China (Xi'an) → Duisburg via Middle Corridor, days",
            "20–55 observed 2024",
            20,
            55,
            "TREND240227, NAVIS25, IDX2406"));
    rows.add(
        transit(
            r,
            spec,
            "cn-eu-containers-northern",
            "China (Xi'an) → Duisburg via Northern route, days",
            "12–24 terminal to terminal",
            12,
            24,
            "NAVIS25, IDX2406"));
    rows.add(
        transit(
            r,
            spec,
            "cn-ir-containers",
            "China (Xi'an) → Tehran via KZ–TM, days",
            "≈15",
            12,
            18,
            "NEWSAZ240731, ORIENT220620"));
    for (CorridorSpec.Gate g : spec.gates()) {
      if (g.kind() == CorridorSpec.GateKind.BORDER
          && (g.node().equals("KZ-DOSTYK") || g.node().equals("KZHOR"))) {
        String p = "resource.border." + g.id() + ".mean_wait_h";
        double total = mean(r, p) + g.delayMean_s() / 3600;
        rows.add(
            new Row(
                "Kazakh rail border time at " + g.id() + " (queue + dwell), h",
                f1(total) + " (queue " + f1(mean(r, p)) + ")",
                "57–70 mean per crossing",
                within(total, 57, 70),
                "CPMM22KZ, CPMM23KZ"));
      }
    }
    for (CorridorSpec.Crossing x : spec.crossings()) {
      if (x.id().startsWith("KZKUR") || x.id().startsWith("KZAAU")) {
        String p = "resource.yard." + x.id() + ".mean_wait_h";
        double w = mean(r, p) / 24;
        rows.add(
            new Row(
                "Wait for a Caspian vessel, " + x.id() + ", mean days",
                f1(w),
                "1 day to 2 weeks (anecdotal)",
                within(w, 1, 14),
                "TWOBIKE, BIGMAP19, LUKAS18"));
      }
    }
    double storm = mean(r, "storm.closed_days_per_year");
    rows.add(
        new Row(
            "Caspian ports closed by storms, days/yr (sampled)",
            f1(storm),
            "several 5–7 day events a year, mostly winter/spring",
            within(storm, 10, 25),
            "SEANEWS220509, AZN250210, MINVAL; frequency EST (§10.2)"));

    StringBuilder sb = new StringBuilder();
    sb.append("# Validation of the corridor simulation\n\n");
    sb.append(
        "Generated by `org.caravan.scenario.sim.ValidationReport` (see the command at the end); do not edit by hand.\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Scenario `%s` (`data/scenarios/%s.yaml`): %d replications of %.0f days after a %.0f-day warm-up, seed %d. "
                + "Simulated values are means over replications with the 95 %% confidence half-width, or percentiles of "
                + "door-to-door time over all replications' shipments (p50 / p95 / max). A verdict says whether the "
                + "simulated value falls inside the published range; ranges are wide because the sources are (corridor-facts §9).%n%n",
            sc.name(),
            sc.name(),
            r.replications(),
            sc.horizonDays(),
            sc.warmupDays(),
            r.seed()));
    sb.append("| Quantity | Simulated | Published | Verdict | Sources |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      sb.append("| ")
          .append(row.what)
          .append(" | ")
          .append(row.simulated)
          .append(" | ")
          .append(row.published)
          .append(" | ")
          .append(row.verdict)
          .append(" | ")
          .append(row.sources)
          .append(" |\n");
    }
    sb.append("\n## Reading the comparison\n\n");
    sb.append(
        """
        * Published times mix door-to-door, terminal-to-terminal and promised figures; the model measures door to \
        door from release at the origin terminal (waiting for the block train included) to arrival at the \
        destination after unloading.
        * The router sends the China flows through Dostyk, not Altynkol, on the default network, so the Altynkol → \
        Baku figure is compared with the simulated time from arrival at the Kazakh border (as routed) to Baku.
        * The Kazakh border time is the simulated queue at the border gate plus the dwell drawn from `nodes.csv` \
        (mean 65.5 h, CPMM); a value inside the range mostly checks that the border gates are not congested.
        * Outside-range rows are findings, not tuning failures: the scenario is calibrated on volumes (Mt, TEU) \
        and fleet and port sizes from the sources, not fitted to the times.

        """);
    sb.append("## Scenario parameters and their sources\n\n");
    sb.append(
        "Every `source` field of the scenario file, with the object it belongs to. Source ids are those of "
            + "corridor-facts §11 and `data/network/sources.csv`; `EST` marks the project's own estimate.\n\n");
    sb.append("| Parameter group | Source |\n|---|---|\n");
    for (String[] s : sources()) {
      sb.append("| `").append(s[0]).append("` | ").append(s[1]).append(" |\n");
    }
    sb.append(
        """

        Values not set in the scenario come from the network files (running times, distances, border dwell, \
        services; `docs/NETWORK-FORMAT.md`) or from the defaults of `ModelBuilder` listed in `docs/SIMULATION.md`.

        ## Command

        ```
        . scripts/jdk.sh
        mvn -B -q -pl caravan-app -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/caravan-cp.txt
        java -cp "caravan-app/target/classes:$(cat /tmp/caravan-cp.txt)" \\
          org.caravan.scenario.sim.ValidationReport docs/VALIDATION.md 20
        ```
        """);
    return sb.toString();
  }

  private static List<String[]> sources() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in =
        ValidationReport.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + ScenarioLoader.DEFAULT + ".yaml")) {
      JsonNode root = yaml.readTree(in);
      List<String[]> out = new ArrayList<>();
      walk(root, "", out);
      return out;
    }
  }

  private static void walk(JsonNode n, String path, List<String[]> out) {
    if (n.isObject()) {
      JsonNode src = n.get("source");
      if (src != null && src.isTextual()) {
        String label = path.isEmpty() ? "(scenario)" : path;
        JsonNode id =
            n.has("id")
                ? n.get("id")
                : n.has("node") ? n.get("node") : n.has("link") ? n.get("link") : null;
        if (id != null) {
          label += " " + id.asText();
        }
        out.add(new String[] {label, src.asText()});
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("source")) {
          walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static Row transit(
      CorridorResult r,
      CorridorSpec spec,
      String flowId,
      String what,
      String published,
      double lo,
      double hi,
      String sources) {
    Histogram h = r.flowTransit()[flow(spec, flowId)];
    double p50 = h.getValueAtPercentile(50) / 1440.0;
    double p95 = h.getValueAtPercentile(95) / 1440.0;
    double max = h.getMaxValue() / 1440.0;
    String verdict =
        p50 >= lo && p95 <= hi ? "within" : p50 > hi || p95 < lo ? "outside" : "overlaps";
    return new Row(what, f1(p50) + " / " + f1(p95) + " / " + f1(max), published, verdict, sources);
  }

  private static int flow(CorridorSpec spec, String id) {
    for (int i = 0; i < spec.flows().size(); i++) {
      if (spec.flows().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("no flow " + id + " in the default scenario");
  }

  private static double mean(CorridorResult r, String kpi) {
    return r.kpi(kpi).map(KpiStat::mean).orElse(Double.NaN);
  }

  private static String ci(CorridorResult r, String kpi, double scale) {
    KpiStat k = r.kpi(kpi).orElseThrow();
    double m = k.mean() / scale;
    double h = k.halfWidth95() / scale;
    return m >= 100
        ? String.format(Locale.ROOT, "%,.0f ± %,.0f", m, h)
        : String.format(Locale.ROOT, "%.2f ± %.2f", m, h);
  }

  private static String within(double x, double lo, double hi) {
    return x >= lo && x <= hi ? "within" : "outside";
  }

  private static String f1(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
