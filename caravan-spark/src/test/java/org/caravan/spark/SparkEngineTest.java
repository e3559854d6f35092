package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.cli.CaravanCommand;
import org.caravan.study.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small study run by the real command line on the local engine and on Spark ({@code
 * --engine spark --master local[2]}) gives the same KPIs to the bit: the exported CSV files (every
 * KPI value of every replication with its seed) are byte-identical, and so are the comparisons and
 * the stored series. Starting Spark takes several seconds, so this is the only Spark test.
 */
class SparkEngineTest {
  @TempDir Path dir;

  private static final String STUDY =
      """
      name: spark-equality
      baseline: default-2024
      seed: 7
      replications: 2
      years: 0.25
      variants:
        - name: more-ferries
          source: EST
          set:
            network.crossings[link=KZKUR-AZ-ALAT-ferry].fleet: 24
      """;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CaravanCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void spark_local_2_gives_the_local_engines_kpis_to_the_bit() throws Exception {
    Path study = Files.writeString(dir.resolve("study.yaml"), STUDY);
    String local = dir.resolve("local.duckdb").toString();
    String spark = dir.resolve("spark.duckdb").toString();

    Run l = cli("study", "run", study.toString(), "--store", local, "--threads", "2");
    assertThat(l.code()).as(l.err()).isZero();
    Run s =
        cli(
            "study",
            "run",
            study.toString(),
            "--store",
            spark,
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("ran 4, already stored 0");
    assertThat(s.err()).contains("more-ferries replication 1 stored in");

    Path lcsv = dir.resolve("local.csv");
    Path scsv = dir.resolve("spark.csv");
    assertThat(
            cli("study", "export", "spark-equality", "--store", local, "--out", lcsv.toString())
                .code())
        .isZero();
    assertThat(
            cli("study", "export", "spark-equality", "--store", spark, "--out", scsv.toString())
                .code())
        .isZero();
    assertThat(Files.readAllLines(lcsv)).hasSizeGreaterThan(100);
    assertThat(Files.mismatch(lcsv, scsv)).isEqualTo(-1L);

    Run lc = cli("study", "compare", "spark-equality", "--json", "--store", local);
    Run sc = cli("study", "compare", "spark-equality", "--json", "--store", spark);
    assertThat(sc.out()).isEqualTo(lc.out()).contains("\"ci95_half_width\"");

    try (StudyStore a = StudyStore.open("jdbc:duckdb:" + local);
        StudyStore b = StudyStore.open("jdbc:duckdb:" + spark)) {
      assertThat(b.seriesNames("spark-equality"))
          .isNotEmpty()
          .isEqualTo(a.seriesNames("spark-equality"));
      for (String name : a.seriesNames("spark-equality")) {
        assertThat(b.seriesMeans("spark-equality", name))
            .isEqualTo(a.seriesMeans("spark-equality", name));
      }
    }

    // resuming on Spark finds everything stored and starts nothing
    Run again =
        cli(
            "study",
            "run",
            study.toString(),
            "--store",
            spark,
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("ran 0, already stored 4");
  }
}
