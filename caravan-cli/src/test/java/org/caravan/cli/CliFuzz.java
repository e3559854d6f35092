package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing through the command line (profile {@code -Pfuzz}): broken network overlays, chain CSV
 * files and argument lists. Every case must end with exit 0 or 1 and, on 1, a one-line message
 * without a stack trace or a Java type name; exit 2 (internal error) is a crash.
 */
class CliFuzz {
  static final Path REPO = Path.of(System.getProperty("caravan.repo", ".."));
  static final AtomicInteger CASES = new AtomicInteger();
  static final AtomicInteger CRASHES = new AtomicInteger();

  static String read(String relative) {
    try {
      return Files.readString(REPO.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String NODES = read("data/network/nodes.csv");
  static final String LINKS = read("data/network/links.csv");
  static final String TRANSFERS = read("data/network/transfers.csv");
  static final String SERVICES = read("data/network/services.csv");
  // Without its comment lines, so that the first line is the header the mutator keeps.
  static final String EPISODES =
      String.join(
              "\n",
              read("data/network/episodes.csv").lines().filter(l -> !l.startsWith("#")).toList())
          + "\n";
  static final String CHAIN = read("data/emissions/examples/xian-duisburg-middle-corridor.csv");
  static final String EVENTS = read("data/tracking/sample-events.csv");

  /** Checks one CLI outcome; counts it. */
  static void check(Cli r, Object input) {
    CASES.incrementAndGet();
    boolean crashed =
        r.code() != 0 && r.code() != 1
            || r.err().contains("Exception")
            || r.err().contains("\tat ")
            || r.err().contains("internal error")
            || r.err().contains("java.")
            || r.err().contains("com.fasterxml");
    if (crashed) {
      CRASHES.incrementAndGet();
    }
    assertThat(crashed).as("exit %d for %s; stderr: %s", r.code(), input, r.err()).isFalse();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("caravan-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 2000)
  void broken_network_overlays_are_user_errors(@ForAll long seed) throws IOException {
    Mutator m = new Mutator(seed);
    Path dir = tempDir();
    try {
      String[][] files = {
        {"nodes.csv", NODES},
        {"links.csv", LINKS},
        {"transfers.csv", TRANSFERS},
        {"services.csv", SERVICES},
        {"episodes.csv", EPISODES}
      };
      int count = 1 + m.nextInt(2);
      for (int i = 0; i < count; i++) {
        String[] f = files[m.nextInt(files.length)];
        // Small overlays: a header and a few rows of the real file, then broken.
        List<String> lines = f[1].lines().toList();
        int from = 1 + m.nextInt(Math.max(1, lines.size() - 6));
        String text =
            lines.getFirst()
                + "\n"
                + String.join("\n", lines.subList(from, Math.min(lines.size(), from + 5)))
                + "\n";
        Files.writeString(dir.resolve(f[0]), m.csv(text), StandardCharsets.UTF_8);
      }
      check(Cli.run("network", "validate", dir.toString()), "seed " + seed);
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 2000)
  void broken_chain_files_are_user_errors(@ForAll long seed) throws IOException {
    Mutator m = new Mutator(seed);
    Path dir = tempDir();
    try {
      Path chain = dir.resolve("chain.csv");
      Files.writeString(chain, m.csv(CHAIN), StandardCharsets.UTF_8);
      check(
          Cli.run("emissions", chain.toString(), m.nextInt(2) == 0 ? "--json" : "--csv"),
          "seed " + seed);
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 500)
  void broken_event_files_are_user_errors(@ForAll long seed) throws IOException {
    Mutator m = new Mutator(seed);
    Path dir = tempDir();
    try {
      List<String> lines = EVENTS.lines().toList();
      int from = 1 + m.nextInt(Math.max(1, lines.size() - 10));
      String text =
          lines.getFirst()
              + "\n"
              + String.join("\n", lines.subList(from, Math.min(lines.size(), from + 8)))
              + "\n";
      boolean json = m.nextInt(3) == 0;
      Path file = dir.resolve(json ? "events.json" : "events.csv");
      Files.writeString(
          file,
          json ? m.json("[{\"event_id\":\"E1\",\"container\":\"CSQU3054383\"}]") : m.csv(text),
          StandardCharsets.UTF_8);
      check(
          Cli.run(
              "track", "ingest", file.toString(), "--store", dir.resolve("s.duckdb").toString()),
          "seed " + seed);
    } finally {
      deleteTree(dir);
    }
  }

  static final List<String> WORDS =
      List.of(
          "route",
          "places",
          "network",
          "info",
          "validate",
          "export",
          "emissions",
          "crm",
          "risk",
          "--disruption",
          "caspian-closure",
          "help",
          "--help",
          "--version",
          "--json",
          "--csv",
          "--geojson",
          "--format",
          "--teu",
          "--feu",
          "--tonnes",
          "--depart",
          "--avoid-country",
          "--avoid-passage",
          "--modes",
          "--objective",
          "-k",
          "--epsilon",
          "--limit",
          "--overlay",
          "--max-days",
          "--max-budget",
          "--label-cap",
          "--force",
          "--input-format",
          "--primary",
          "--cargo",
          "--un-class",
          "--max-transshipments",
          "Xian",
          "Duisburg",
          "Baku",
          "CNXIA",
          "0,0",
          "91,200",
          "NaN,NaN",
          "NaN",
          "Infinity",
          "-1",
          "0",
          "1e400",
          "2026-12-01",
          "2026-13-45",
          "RU,BY",
          "rail",
          "/dev/null",
          "/nonexistent",
          "geojson",
          "csv",
          "json",
          "pareto",
          "time",
          "weighted",
          "99999999",
          "dg",
          "-o",
          "suez",
          "crm",
          "risk",
          "--disruption",
          "caspian-closure",
          "x\ud800.csv",
          "\ud800",
          "\u2603.csv",
          "track",
          "ingest",
          "list",
          "eta",
          "show",
          "--at",
          "2024-05-01T00:00:00Z",
          // track sample's knobs (its --out is not in the vocabulary, so it never writes a file;
          // evaluate is left out: it runs for minutes and writes docs/ETA.md)
          "sample",
          "--seed",
          "--day",
          "--shipments",
          "--per-corridor",
          "SIM7-073919",
          "report",
          "--engine",
          "--master",
          "--threads",
          "spark",
          "local[2]",
          "");

  @Property(tries = 2000)
  void random_argument_lists_never_crash(@ForAll long seed) throws IOException {
    Mutator m = new Mutator(seed);
    Path dir = tempDir();
    try {
      List<String> args = new ArrayList<>();
      int n = m.nextInt(7);
      for (int i = 0; i < n; i++) {
        String w = m.nextInt(8) == 0 ? m.hostile() : WORDS.get(m.nextInt(WORDS.size()));
        args.add(w);
        if (w.equals("--out") || w.equals("-o")) {
          args.add(dir.resolve("o" + i).toString()); // outputs only into this case's folder
        }
      }
      if (args.contains("track")) {
        args.add("--store"); // tracking commands write only into this case's folder
        args.add(dir.resolve("store.duckdb").toString());
      }
      if (m.nextInt(4) == 0) {
        args.add("--out");
        args.add(m.nextInt(2) == 0 ? "-" : dir.resolve("out").toString());
      }
      check(Cli.run(args.toArray(String[]::new)), args);
    } finally {
      deleteTree(dir);
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf("fuzz CLI: %d cases, %d crashes%n", CASES.get(), CRASHES.get());
  }
}
