package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caravan study}: a run killed with SIGKILL resumes exactly; list, compare, export; study
 * errors.
 */
class StudyCommandTest {
  @TempDir Path dir;

  private static final String STUDY =
      """
      name: kill-test
      baseline: default-2024
      seed: 11
      replications: 4
      years: 0.25
      variants:
        - name: more-ferries
          source: EST
          set:
            network.crossings[link=KZKUR-AZ-ALAT-ferry].fleet: 24
      """;

  @Test
  void a_study_killed_with_sigkill_resumes_without_losing_or_duplicating_a_replication()
      throws Exception {
    Path study = Files.writeString(dir.resolve("study.yaml"), STUDY);
    Path store = dir.resolve("store.duckdb");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "study",
                "run",
                study.toString(),
                "--store",
                store.toString()));
    Process child = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int stored = 0;
    List<String> lines = new ArrayList<>();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while (stored < 3 && (line = err.readLine()) != null) {
        lines.add(line);
        if (line.contains(" stored in ")) {
          stored++;
        }
      }
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(stored).as(String.join("\n", lines)).isEqualTo(3);
    assertThat(child.exitValue()).isEqualTo(137);

    Cli resumed = Cli.run("study", "run", study.toString(), "--store", store.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).containsPattern("already stored [3-8]");
    JsonNode list =
        new ObjectMapper()
            .readTree(Cli.run("study", "list", "--json", "--store", store.toString()).out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("runs_stored").asInt())
        .isEqualTo(8)
        .isEqualTo(list.get(0).get("runs_expected").asInt());

    Path csv = dir.resolve("kpis.csv");
    Cli export =
        Cli.run(
            "study",
            "export",
            "kill-test",
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--store",
            store.toString());
    assertThat(export.code()).as(export.err()).isZero();
    List<String> rows = Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size());
    Set<String> keys = new HashSet<>();
    Set<String> runs = new HashSet<>();
    for (String r : rows) {
      String[] f = r.split(",");
      keys.add(f[1] + "#" + f[2] + "#" + f[4]);
      runs.add(f[1] + "#" + f[2] + "#" + f[3]);
    }
    assertThat(keys).hasSize(rows.size());
    assertThat(runs).hasSize(8);
    // common random numbers: the same 4 seeds in both variants
    assertThat(runs.stream().map(s -> s.substring(s.indexOf('#') + 1)).distinct()).hasSize(4);

    // Parquet: the same rows as the CSV, read back with DuckDB's read_parquet; an existing file
    // is refused without --force and left as it was.
    Path parquet = dir.resolve("kpis.parquet");
    Files.writeString(parquet, "not ours");
    String[] exportParquet = {
      "study",
      "export",
      "kill-test",
      "--format",
      "parquet",
      "--out",
      parquet.toString(),
      "--store",
      store.toString()
    };
    Cli refused = Cli.run(exportParquet);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("--out").doesNotContain("Exception");
    assertThat(Files.readString(parquet)).isEqualTo("not ours");
    String[] forced = Arrays.copyOf(exportParquet, exportParquet.length + 1);
    forced[exportParquet.length] = "--force";
    Cli pq = Cli.run(forced);
    assertThat(pq.code()).as(pq.err()).isZero();
    List<String> back = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT * FROM read_parquet('"
                        + parquet
                        + "') ORDER BY variant, kpi, replication")) {
      while (rs.next()) {
        double read = rs.getDouble(7);
        String value = rs.wasNull() ? "" : Double.toString(read); // before other columns are read
        back.add(
            String.join(
                ",",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                value));
      }
    }
    assertThat(back).isEqualTo(rows);

    JsonNode cmp =
        new ObjectMapper()
            .readTree(
                Cli.run("study", "compare", "kill-test", "--json", "--store", store.toString())
                    .out());
    JsonNode v = cmp.get("variants").get(0);
    assertThat(v.get("variant").asText()).isEqualTo("more-ferries");
    assertThat(v.get("replications").asInt()).isEqualTo(4);
    assertThat(v.get("bottleneck").asText()).isNotEmpty();
    JsonNode thr = null;
    for (JsonNode k : v.get("kpis")) {
      if (k.get("kpi").asText().equals("throughput.all.teu_per_year")) {
        thr = k;
      }
    }
    assertThat(thr).isNotNull();
    assertThat(thr.get("pairs").asInt()).isEqualTo(4);
    assertThat(thr.get("ci95_half_width").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(thr.get("diff").asDouble())
        .isEqualTo(
            thr.get("variant").asDouble() - thr.get("baseline").asDouble(),
            org.assertj.core.api.Assertions.within(1e-6));
    Cli table = Cli.run("study", "compare", "kill-test", "--store", store.toString());
    assertThat(table.out()).contains("more-ferries").contains("throughput.all.teu_per_year");
  }

  @Test
  void bad_studies_name_file_field_and_line_and_write_nothing() throws Exception {
    Path store = dir.resolve("store.duckdb");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), STUDY.replace("fleet: 24", "fleet: -3"));
    Cli r = Cli.run("study", "run", bad.toString(), "--store", store.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("variant 'more-ferries'")
        .contains("fleet")
        .doesNotContain("Exception");
    assertThat(store).doesNotExist();
    Path typo =
        Files.writeString(
            dir.resolve("typo.yaml"),
            STUDY.replace(
                "network.crossings[link=KZKUR-AZ-ALAT-ferry]", "network.crossings[link=NOPE]"));
    r = Cli.run("study", "run", typo.toString(), "--store", store.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("typo.yaml").contains("more-ferries").doesNotContain("Exception");
    Path unknown =
        Files.writeString(dir.resolve("unknown.yaml"), STUDY.replace("seed: 11", "sead: 11"));
    r = Cli.run("study", "run", unknown.toString(), "--store", store.toString());
    assertThat(r.err()).contains("unknown field 'sead' at line 3");
    assertThat(Cli.run("study", "compare", "nope", "--store", store.toString()).err())
        .contains("no study named 'nope'");
  }

  @Test
  void a_study_with_crm_flows_compares_the_delivery_times_of_each_material() throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("crm.yaml"),
            """
            name: crm-test
            baseline: default-2024
            seed: 3
            replications: 2
            years: 0.1
            crm_flows: true
            settings:
              reactions:
                on_closure: reroute
                source: EST
            variants:
              - name: aktau-closed
                source: EST
                set:
                  disruptions[id=aktau]:
                    id: aktau
                    kind: port_closure
                    nodes: [KZAAU]
                    start_day: 2
                    duration_days: 10
                    source: EST
            """);
    Path store = dir.resolve("crm.duckdb");
    Cli run = Cli.run("study", "run", study.toString(), "--store", store.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode cmp =
        new ObjectMapper()
            .readTree(
                Cli.run("study", "compare", "crm-test", "--json", "--store", store.toString())
                    .out());
    List<String> kpis = new ArrayList<>();
    cmp.get("variants").get(0).get("kpis").forEach(k -> kpis.add(k.get("kpi").asText()));
    assertThat(kpis)
        .contains(
            "transit.crm-uranium.p95_days",
            "transit.crm-manganese.p50_days",
            "transit.flow.crm:u-kz-eu.p95_days");

    // Nothing re-routes in the baseline, so its extra days are undefined: the KPI stays, with the
    // variant's mean, no difference and no interval, and the table says n/a.
    JsonNode extra = null;
    for (JsonNode k : cmp.get("variants").get(0).get("kpis")) {
      if (k.get("kpi").asText().equals("reroute.all.extra_days")) {
        extra = k;
      }
    }
    assertThat(extra).as("reroute.all.extra_days in " + kpis).isNotNull();
    assertThat(extra.get("baseline").isNull()).isTrue();
    assertThat(extra.get("variant").asDouble()).isPositive();
    assertThat(extra.get("diff").isNull()).isTrue();
    assertThat(extra.get("ci95_half_width").isNull()).isTrue();
    assertThat(extra.get("pairs").asInt()).isZero();
    String table = Cli.run("study", "compare", "crm-test", "--store", store.toString()).out();
    assertThat(table.lines().filter(l -> l.contains("reroute.all.extra_days")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("n/a"));

    // Routes under the closure: pairs through Aktau take the best open route, the others keep
    // theirs.
    JsonNode routes = cmp.get("variants").get(0).get("routes");
    assertThat(routes.get("network_changed").asBoolean()).isTrue();
    assertThat(routes.get("route_changed").asInt() + routes.get("no_route").asInt()).isPositive();
    assertThat(routes.get("route_changed").asInt()).isLessThan(routes.get("pairs").asInt());
  }
}
