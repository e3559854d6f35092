package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan simulate} end to end: files, determinism through the CLI, and scenario errors. */
class SimulateCommandTest {
  @TempDir Path dir;

  @Test
  void default_scenario_writes_its_files_and_repeats_byte_for_byte() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Cli r =
        Cli.run(
            "simulate",
            "--years",
            "1",
            "--replications",
            "2",
            "--seed",
            "7",
            "--out",
            a.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(r.out());
    assertThat(summary.toString()).contains("middle");
    assertThat(
            Cli.run(
                    "simulate",
                    "--years",
                    "1",
                    "--replications",
                    "2",
                    "--seed",
                    "7",
                    "--out",
                    b.toString())
                .code())
        .isZero();
    try (var files = Files.list(a)) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(b.resolve(f.getFileName())))
            .as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
    assertThat(a.resolve("summary.json")).exists();
  }

  @Test
  void the_summary_names_the_dated_border_episode_inside_the_run_and_none_outside() {
    // default-2024 measures 2024 after a 60-day warm-up: half a year holds the April-May
    // CN-KZ congestion (RF-CONG24), a tenth of a year (to early February) does not.
    Cli spring = oneReplication("0.5", dir.resolve("spring"));
    assertThat(spring.out())
        .contains(
            "dated border episode: CN-KZ-CONGESTION-2024 2024-04-01..2024-05-31, congestion +8.5 d"
                + " (sd 2.5) per train");
    Cli winter = oneReplication("0.1", dir.resolve("winter"));
    assertThat(winter.out()).doesNotContain("dated border episode");
  }

  private static Cli oneReplication(String years, Path out) {
    Cli r = Cli.run("simulate", "--years", years, "--replications", "1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void a_bad_scenario_names_the_field_and_writes_nothing() throws Exception {
    Path scenario = dir.resolve("bad.yaml");
    Files.writeString(scenario, "name: bad\nhorizon_days: 0\n");
    Path out = dir.resolve("out");
    Cli r = Cli.run("simulate", scenario.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("horizon_days").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void a_bad_override_names_its_flag() {
    Path out = dir.resolve("out");
    Cli r = Cli.run("simulate", "--years", "0", "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--years must be > 0, got 0.0").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void a_folder_holding_a_user_file_is_refused_with_exit_1_and_the_file_untouched()
      throws Exception {
    Path out = Files.createDirectory(dir.resolve("mine"));
    Path keep = Files.writeString(out.resolve("keep.txt"), "precious");
    for (String[] extra : new String[][] {{}, {"--force"}}) {
      String[] args =
          concat(
              new String[] {
                "simulate", "--years", "0.1", "--replications", "1", "--out", out.toString()
              },
              extra);
      Cli r = Cli.run(args);
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains("not written by caravan").doesNotContain("Exception");
    }
    assertThat(keep).hasContent("precious");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).containsExactly(keep);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(out);
    }
  }

  @Test
  void out_naming_a_file_or_the_current_folder_is_refused() throws Exception {
    Path file = Files.writeString(dir.resolve("somefile"), "keep");
    Cli r = Cli.run("simulate", "--years", "0.1", "--replications", "1", "--out", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("is a file, not a folder");
    assertThat(file).isRegularFile().hasContent("keep");
  }

  @Test
  void force_replaces_a_previous_output() throws Exception {
    Path out = dir.resolve("run");
    assertThat(
            Cli.run("simulate", "--years", "0.1", "--replications", "1", "--out", out.toString())
                .code())
        .isZero();
    Cli again =
        Cli.run("simulate", "--years", "0.1", "--replications", "1", "--out", out.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("--force");
    Cli forced =
        Cli.run(
            "simulate",
            "--years",
            "0.1",
            "--replications",
            "1",
            "--seed",
            "9",
            "-o",
            out.toString(),
            "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"seed\" : 9");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
