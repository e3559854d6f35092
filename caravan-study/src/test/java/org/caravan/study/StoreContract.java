package org.caravan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The same round trip on every store: register, run with common random numbers, resume without
 * duplicates, grow the replication count, compare. The replication model is a small Monte Carlo
 * whose KPIs are drawn from the seed, with a variant that adds a known shift, so the paired
 * difference is known exactly.
 */
final class StoreContract {
  private static final StudyEngine LOCAL = new LocalEngine();

  private StoreContract() {}

  static StudyRunner.ReplicationFunction model(List<String> calls) {
    return t -> {
      calls.add(t.variantName() + "@" + t.seed());
      double shift = t.variantName().equals("faster") ? -2.0 : 0.0;
      SplittableRandom r = new SplittableRandom(t.seed());
      double transit = 10 + r.nextDouble() * 4;
      return new StudyRunner.Replication(
          List.of(
              new StudyStore.KpiValue("transit.all.mean_days", "d", transit + shift),
              new StudyStore.KpiValue(
                  "throughput.all.teu_per_year", "TEU/yr", 1000 + r.nextInt(100)),
              new StudyStore.KpiValue("empty", "x", Double.NaN)),
          List.of(
              new StudyStore.SeriesValue("yard_units.KZAAU", 0, 30, 30, t.replication()),
              new StudyStore.SeriesValue("yard_units.KZAAU", 1, 60, 25, 10 + shift)),
          shift < 0 ? "border:KZHOR" : "yard:KZAAU");
    };
  }

  static void roundTrip(StudyStore store) {
    List<String> variants = List.of(StudyFile.BASELINE, "faster");
    StudyStore.StudyRow row =
        new StudyStore.StudyRow("s1", "fp", "default-2024", 42, 3, 1, "2026-01-01T00:00:00Z", 0);
    List<StudyStore.VariantRow> vrows =
        List.of(
            new StudyStore.VariantRow(StudyFile.BASELINE, 0, "", "", "{}"),
            new StudyStore.VariantRow("faster", 1, "d", "EST", "{\"set\":{}}"));
    store.register(row, vrows, new StudyStore.Provenance("studies/s1.yaml", "0.1.0"));
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    // two threads: replications come back in any order and are each stored once
    StudyRunner.Outcome o =
        StudyRunner.run(
            "s1",
            variants,
            model(calls),
            42,
            3,
            store,
            new LocalEngine(),
            Map.of("threads", "2"),
            p -> {});
    assertThat(o.ran()).isEqualTo(6);
    // common random numbers: replication r has the same seed in every variant
    Map<Integer, Long> seeds = new java.util.HashMap<>();
    for (StudyStore.RunRow r : store.runs("s1")) {
      Long prev = seeds.putIfAbsent(r.replication(), r.seed());
      assertThat(prev == null || prev == r.seed()).isTrue();
    }
    assertThat(seeds).hasSize(3);
    // resume: nothing to do
    calls.clear();
    o = StudyRunner.run("s1", variants, model(calls), 42, 3, store, LOCAL, Map.of(), p -> {});
    assertThat(o.ran()).isZero();
    assertThat(o.skipped()).isEqualTo(6);
    assertThat(calls).isEmpty();
    // more replications keep the first seeds and run only the new ones
    store.register(
        new StudyStore.StudyRow("s1", "fp", "default-2024", 42, 5, 1, "later", 0), vrows);
    o = StudyRunner.run("s1", variants, model(calls), 42, 5, store, LOCAL, Map.of(), p -> {});
    assertThat(o.ran()).isEqualTo(4);
    assertThat(store.study("s1").orElseThrow().replications()).isEqualTo(5);
    assertThat(store.study("s1").orElseThrow().runs()).isEqualTo(10);
    long[] counts = store.kpiRowCounts("s1");
    assertThat(counts[0]).isEqualTo(30).isEqualTo(counts[1]);
    // another fingerprint under the same name is refused
    assertThatThrownBy(
            () ->
                store.register(new StudyStore.StudyRow("s1", "other", "x", 1, 1, 1, "", 0), vrows))
        .isInstanceOf(StudyException.class)
        .hasMessageContaining("other settings");
    // the comparison sees the exact shift with a zero-width interval (common random numbers)
    Comparison.Result c = Comparison.of("s1", store);
    assertThat(c.baselineBottleneck()).isEqualTo("yard:KZAAU");
    Comparison.VariantDiff v = c.variants().getFirst();
    assertThat(v.bottleneck()).isEqualTo("border:KZHOR");
    Comparison.KpiDiff t =
        v.kpis().stream()
            .filter(k -> k.kpi().equals("transit.all.mean_days"))
            .findFirst()
            .orElseThrow();
    assertThat(t.pairs()).isEqualTo(5);
    assertThat(t.diff()).isCloseTo(-2.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(t.halfWidth95()).isLessThan(1e-9);
    assertThat(
            v.kpis().stream()
                .filter(k -> k.kpi().equals("empty"))
                .findFirst()
                .orElseThrow()
                .pairs())
        .isZero();
    // series: per-period means over the stored replications (0..4 in period 0)
    assertThat(store.seriesNames("s1")).containsExactly("yard_units.KZAAU");
    assertThat(store.seriesMeans("s1", "yard_units.KZAAU"))
        .containsExactly(
            new StudyStore.SeriesPoint("baseline", 0, 30, 2),
            new StudyStore.SeriesPoint("baseline", 1, 60, 10),
            new StudyStore.SeriesPoint("faster", 0, 30, 2),
            new StudyStore.SeriesPoint("faster", 1, 60, 8));
    assertThat(store.provenance("s1"))
        .isEqualTo(new StudyStore.Provenance("studies/s1.yaml", "0.1.0"));
    assertThat(store.variants("s1"))
        .extracting(StudyStore.VariantRow::variant)
        .containsExactly("baseline", "faster");
  }

  /**
   * After {@link #roundTrip}: the Parquet export read back by DuckDB's own reader ({@code
   * read_parquet}) holds exactly the CSV export's rows, NULL where the CSV is empty.
   */
  static void exportsAgree(StudyStore store, Path dir) throws Exception {
    List<StudyExport.Row> rows = StudyExport.rows(store, "s1");
    assertThat(rows).hasSize(30);
    Path csv = dir.resolve("s1.csv");
    Path parquet = dir.resolve("s1 it's.parquet");
    StudyExport.writeCsv(rows, csv);
    StudyExport.writeParquet(rows, parquet);
    List<String> fromCsv = Files.readAllLines(csv);
    assertThat(fromCsv.getFirst()).isEqualTo(StudyExport.HEADER);
    List<String> fromParquet = new ArrayList<>();
    fromParquet.add(StudyExport.HEADER);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT * FROM read_parquet('"
                    + parquet.toString().replace("'", "''")
                    + "') ORDER BY variant, kpi, replication")) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(7);
      while (rs.next()) {
        double v = rs.getDouble(7);
        String value = rs.wasNull() ? "" : Double.toString(v);
        fromParquet.add(
            String.join(
                ",",
                rs.getString(1),
                rs.getString(2),
                Integer.toString(rs.getInt(3)),
                Long.toString(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6),
                value));
      }
    }
    assertThat(fromParquet).isEqualTo(fromCsv);
    assertThat(fromCsv).anyMatch(l -> l.startsWith("s1,baseline,0,") && l.endsWith(",empty,x,"));
  }

  /** The web server's jobs: written, replaced, listed without results, interrupted, deleted. */
  static void jobs(StudyStore store) {
    StoredJobs jobs = new StoredJobs(store);
    StoredJobs.JobRow running =
        new StoredJobs.JobRow(
            "j1",
            "simulation",
            "alice",
            "running",
            "default-2024",
            4,
            1,
            7,
            2,
            4,
            false,
            "t0",
            Optional.of("t1"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    jobs.put(running);
    jobs.put(
        new StoredJobs.JobRow(
            "j2",
            "simulation",
            "alice",
            "done",
            "default-2024",
            1,
            1,
            7,
            1,
            1,
            false,
            "t2",
            Optional.of("t2"),
            Optional.of("t3"),
            Optional.empty(),
            Optional.of("{\"kpis\":[]}")));
    assertThat(jobs.get("j2").orElseThrow().results()).contains("{\"kpis\":[]}");
    assertThat(jobs.list("simulation", "alice"))
        .extracting(StoredJobs.JobRow::id)
        .containsExactly("j1", "j2");
    assertThat(jobs.list("simulation", "alice")).allMatch(j -> j.results().isEmpty());
    assertThat(jobs.list("simulation", "bob")).isEmpty();
    assertThat(jobs.interruptActive("t9")).isEqualTo(1);
    StoredJobs.JobRow j1 = jobs.get("j1").orElseThrow();
    assertThat(j1.status()).isEqualTo("interrupted");
    assertThat(j1.finishedAt()).contains("t9");
    assertThat(j1.done()).isEqualTo(2);
    assertThat(jobs.delete("j1")).isTrue();
    assertThat(jobs.delete("j1")).isFalse();
    assertThat(jobs.list("study", "alice")).isEmpty();
  }
}
