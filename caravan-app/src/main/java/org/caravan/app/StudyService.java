package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.study.Comparison;
import org.caravan.study.LocalEngine;
import org.caravan.study.Overlay;
import org.caravan.study.StudyEngine;
import org.caravan.study.StudyException;
import org.caravan.study.StudyFile;
import org.caravan.study.StudyRunner;
import org.caravan.study.StudyStore;

/**
 * Corridor studies (docs/STUDIES.md): run a study file's baseline and variants with common random
 * numbers into a results store, and list, show, compare and export stored studies. Every variant is
 * applied to the baseline's YAML tree and loaded by {@link ScenarioLoader}, so it passes the normal
 * scenario checks; all variants are checked before anything runs. The reading methods are static:
 * they need the store, not the network. Thread-safe.
 */
public final class StudyService {
  /** The store used when none is given: a DuckDB file under the working directory. */
  public static final String DEFAULT_STORE = "out/studies.duckdb";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Caravan caravan;
  private final List<Path> overlays;

  StudyService(Caravan caravan, List<Path> overlays) {
    this.caravan = caravan;
    this.overlays = List.copyOf(overlays);
  }

  /** Engine {@code local} (option {@code threads}) or {@code spark} (option {@code master}). */
  public record RunOptions(String engine, Map<String, String> options) {
    public RunOptions {
      options = Map.copyOf(options);
    }

    /** The local engine with one thread per processor. */
    public static RunOptions local() {
      return new RunOptions(LocalEngine.NAME, Map.of());
    }
  }

  /** What {@code run} did. */
  public record RunOutcome(
      String study,
      String store,
      List<String> variants,
      int replications,
      double years,
      int ran,
      int skipped,
      double wall_s,
      double store_s,
      long storeRows) {}

  /** Progress after each replication (run or skipped because stored). */
  public record Progress(
      String variant, int replication, int done, int total, boolean skipped, double wall_s) {}

  /** A variant ready to run: its scenario, checked. */
  private record Prepared(
      String name,
      String description,
      String source,
      String overlayJson,
      Scenario scenario,
      String yaml) {}

  /**
   * Runs what the store does not hold yet of the study in {@code file}.
   *
   * @param store a DuckDB file path or a JDBC URL; empty for {@link #DEFAULT_STORE}
   * @param replications overrides the file's count
   * @param years overrides the file's (or scenario's) measured years
   * @throws UserException naming the study or scenario field at fault, before anything is written
   */
  public RunOutcome run(
      Path file,
      Optional<String> store,
      Optional<Integer> replications,
      Optional<Double> years,
      Consumer<Progress> progress) {
    return run(file, store, replications, years, RunOptions.local(), progress);
  }

  /**
   * As {@link #run(Path, Optional, Optional, Optional, Consumer)} on the given engine: the KPIs do
   * not depend on it (docs/STUDIES.md, engines).
   *
   * @throws UserException also for an unknown engine or a bad engine option
   */
  public RunOutcome run(
      Path file,
      Optional<String> store,
      Optional<Integer> replications,
      Optional<Double> years,
      RunOptions engine,
      Consumer<Progress> progress) {
    StudyEngine eng = StudyEngines.find(engine.engine());
    String text = read(file);
    StudyFile study = parse(text, file.toString());
    int reps = replications.orElse(study.replications());
    if (reps < 1) {
      throw new UserException("replications", "{replications} must be >= 1, got " + reps);
    }
    Optional<Double> y = years.or(study::years);
    if (y.isPresent() && !(y.get() > 0)) {
      throw new UserException("years", "{years} must be > 0, got " + y.get());
    }
    String baseText = baselineText(study, file, text);
    ObjectNode base = baseTree(baseText, study.baseline());
    if (study.crmFlows() && base.path("demand") instanceof ObjectNode demand) {
      demand.put("crm_flows", true); // the CRM demand layer in the baseline and every variant
    }
    if (!study.settings().isEmpty()) {
      try {
        base = Overlay.apply(base, study.settingsOverlay());
      } catch (IllegalArgumentException e) {
        throw user(StudyFile.errorAt(text, file.toString(), "settings", e.getMessage()));
      }
    }
    List<Prepared> prepared = new ArrayList<>();
    prepared.add(
        prepare(
            StudyFile.BASELINE,
            "the baseline scenario " + study.baseline(),
            study.source(),
            "{}",
            base,
            y,
            file));
    for (int i = 0; i < study.variants().size(); i++) {
      StudyFile.Variant v = study.variants().get(i);
      ObjectNode tree;
      try {
        tree = Overlay.apply(base, v);
      } catch (IllegalArgumentException e) {
        throw user(
            StudyFile.errorAt(
                text,
                file.toString(),
                "variants[" + i + "]",
                "variant '" + v.name() + "': " + e.getMessage()));
      }
      prepared.add(prepare(v.name(), v.description(), v.source(), overlayJson(v), tree, y, file));
    }
    double measuredYears = prepared.getFirst().scenario().horizonDays() / 365.0;
    String fingerprint = fingerprint(study, prepared, measuredYears);
    long t0 = System.nanoTime();
    try (StudyStore st = openStore(store)) {
      List<StudyStore.VariantRow> rows = new ArrayList<>();
      for (int i = 0; i < prepared.size(); i++) {
        Prepared p = prepared.get(i);
        rows.add(
            new StudyStore.VariantRow(p.name(), i, p.description(), p.source(), p.overlayJson()));
      }
      st.register(
          new StudyStore.StudyRow(
              study.name(),
              fingerprint,
              study.baseline(),
              study.seed(),
              reps,
              measuredYears,
              Instant.now().toString(),
              0),
          rows,
          new StudyStore.Provenance(file.toString(), CaravanApp.VERSION));
      Map<String, Prepared> byName = new LinkedHashMap<>();
      prepared.forEach(p -> byName.put(p.name(), p));
      StudyTasks tasks =
          new StudyTasks(
              overlays,
              List.copyOf(byName.keySet()),
              prepared.stream().map(Prepared::yaml).toList(),
              y.orElse(Double.NaN),
              caravan);
      StudyRunner.Outcome o;
      try {
        o =
            StudyRunner.run(
                study.name(),
                List.copyOf(byName.keySet()),
                tasks,
                study.seed(),
                reps,
                st,
                eng,
                engine.options(),
                p ->
                    progress.accept(
                        new Progress(
                            p.variant(),
                            p.replication(),
                            p.done(),
                            p.total(),
                            p.skipped(),
                            p.wall_s())));
      } catch (StudyException e) {
        throw user(e);
      }
      return new RunOutcome(
          study.name(),
          st.location(),
          List.copyOf(byName.keySet()),
          reps,
          measuredYears,
          o.ran(),
          o.skipped(),
          (System.nanoTime() - t0) / 1e9,
          o.store_s(),
          o.rows());
    }
  }

  private Prepared prepare(
      String name,
      String description,
      String source,
      String overlay,
      ObjectNode tree,
      Optional<Double> years,
      Path file) {
    String yaml;
    try {
      yaml = YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Scenario sc;
    try {
      sc = ScenarioLoader.parse(yaml, name, caravan);
    } catch (UserException e) {
      throw new UserException(
          "study",
          file
              + ": variant '"
              + name
              + "' gives an invalid scenario: "
              + e.getMessage().replaceAll(" \\(line \\d+\\)$", ""));
    }
    if (years.isPresent()) {
      sc = sc.withYears(years.get());
    }
    return new Prepared(name, description, source, overlay, sc, yaml);
  }

  private static String overlayJson(StudyFile.Variant v) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode set = o.putObject("set");
    v.set().forEach(set::set);
    ObjectNode scale = o.putObject("scale");
    v.scale().forEach(scale::put);
    return o.toString();
  }

  /** Study identity for resuming: the seed, the years and every variant's scenario as checked. */
  private static String fingerprint(StudyFile s, List<Prepared> prepared, double years) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((s.seed() + "|" + years + "|").getBytes(StandardCharsets.UTF_8));
      for (Prepared p : prepared) {
        md.update((p.name() + "\n" + p.yaml() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StudyFile parse(String text, String name) {
    try {
      return StudyFile.parse(text, name);
    } catch (StudyException e) {
      throw user(e);
    }
  }

  private static UserException user(StudyException e) {
    return new UserException(e.field(), e.getMessage());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException("study", "study file not found: " + file);
    } catch (IOException e) {
      throw new UserException("study", "cannot read study file " + file + ": " + e.getMessage());
    }
  }

  /** The baseline: a scenario file next to the study file, or a built-in scenario. */
  private static String baselineText(StudyFile s, Path file, String text) {
    Path dir = file.toAbsolutePath().getParent();
    Path p = dir.resolve(UserPaths.of("baseline", s.baseline()));
    if (Files.isRegularFile(p)) {
      return read(p);
    }
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + s.baseline() + ".yaml")) {
      if (in == null) {
        throw user(
            StudyFile.errorAt(
                text,
                file.toString(),
                "baseline",
                "baseline '"
                    + s.baseline()
                    + "' is neither a scenario file next to the study nor a built-in scenario"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode baseTree(String yaml, String name) {
    try {
      JsonNode n = YAML.readTree(yaml);
      if (n instanceof ObjectNode o) {
        return o;
      }
    } catch (JsonProcessingException e) {
      // reported below with the scenario loader's words
    }
    throw new UserException("baseline", "baseline scenario " + name + " is not a YAML mapping");
  }

  static StudyStore openStore(Optional<String> store) {
    try {
      return StudyStore.open(store.orElse(DEFAULT_STORE));
    } catch (StudyException e) {
      throw user(e);
    }
  }

  private static <T> T withStore(
      Optional<String> store, java.util.function.Function<StudyStore, T> f) {
    try (StudyStore st = openStore(store)) {
      return f.apply(st);
    }
  }

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
  public static ArrayNode listJson(Optional<String> store) {
    return withStore(
        store,
        st -> {
          ArrayNode a = JSON.createArrayNode();
          for (StudyStore.StudyRow s : st.studies()) {
            ObjectNode o = a.addObject();
            o.put("study", s.study());
            o.put("baseline", s.baseline());
            o.put("seed", s.seed());
            o.put("replications", s.replications());
            o.put("years", s.years());
            o.put("variants", st.variants(s.study()).size());
            o.put("runs_stored", s.runs());
            o.put("runs_expected", (long) s.replications() * st.variants(s.study()).size());
            o.put("created_at", s.createdAt());
          }
          return a;
        });
  }

  /** One study with its variants, their overlays and sources, and runs stored per variant. */
  public static ObjectNode showJson(String name, Optional<String> store) {
    return withStore(
        store,
        st -> {
          StudyStore.StudyRow s = require(st, name);
          ObjectNode o = JSON.createObjectNode();
          o.put("study", s.study());
          o.put("baseline", s.baseline());
          o.put("seed", s.seed());
          o.put("replications", s.replications());
          o.put("years", s.years());
          o.put("created_at", s.createdAt());
          List<StudyStore.RunRow> runs = st.runs(name);
          ArrayNode vs = o.putArray("variants");
          for (StudyStore.VariantRow v : st.variants(name)) {
            ObjectNode vo = vs.addObject();
            vo.put("variant", v.variant());
            vo.put("description", v.description());
            vo.put("source", v.source());
            try {
              vo.set("overlay", JSON.readTree(v.overlay()));
            } catch (JsonProcessingException e) {
              vo.put("overlay", v.overlay());
            }
            vo.put(
                "runs_stored", runs.stream().filter(r -> r.variant().equals(v.variant())).count());
          }
          return o;
        });
  }

  /**
   * Every KPI of every variant against the baseline, with the paired difference and its 95 %
   * interval.
   */
  public static ObjectNode compareJson(String name, Optional<String> store) {
    return withStore(
        store,
        st -> {
          require(st, name);
          Comparison.Result r = Comparison.of(name, st);
          ObjectNode o = JSON.createObjectNode();
          o.put("study", r.study());
          o.put("baseline_replications", r.baselineReplications());
          o.put("baseline_bottleneck", r.baselineBottleneck());
          ArrayNode vs = o.putArray("variants");
          for (Comparison.VariantDiff v : r.variants()) {
            ObjectNode vo = vs.addObject();
            vo.put("variant", v.variant());
            vo.put("source", v.source());
            vo.put("replications", v.replications());
            vo.put("bottleneck", v.bottleneck());
            ArrayNode ks = vo.putArray("kpis");
            for (Comparison.KpiDiff k : v.kpis()) {
              ObjectNode ko = ks.addObject();
              ko.put("kpi", k.kpi());
              ko.put("unit", k.unit());
              num(ko, "baseline", k.baseline());
              num(ko, "variant", k.variant());
              num(ko, "diff", k.diff());
              num(ko, "ci95_half_width", k.halfWidth95());
              ko.put("pairs", k.pairs());
              ko.put("significant", k.significant());
            }
          }
          return o;
        });
  }

  /**
   * The comparison as a table: per variant its binding resource and the headline KPIs (those of
   * {@code headline}, matched as prefixes), plus every other KPI whose 95 % interval excludes zero
   * when {@code all} is set.
   */
  public static String compareTable(
      String name, Optional<String> store, List<String> headline, boolean all) {
    ObjectNode o = compareJson(name, store);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "study %s  baseline: %d replications, binds at %s%n",
            o.get("study").asText(),
            o.get("baseline_replications").asInt(),
            o.get("baseline_bottleneck").asText()));
    for (JsonNode v : o.get("variants")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%n%s  (%s)  %d replications, binds at %s%n",
              v.get("variant").asText(),
              v.get("source").asText(),
              v.get("replications").asInt(),
              v.get("bottleneck").asText()));
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-52s %14s %14s %14s %12s%n",
              "kpi",
              "baseline",
              "variant",
              "diff",
              "±95%"));
      for (JsonNode k : v.get("kpis")) {
        String kpi = k.get("kpi").asText();
        boolean head = headline.stream().anyMatch(kpi::startsWith);
        if (!head && !(all && k.get("significant").asBoolean())) {
          continue;
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-52s %14s %14s %14s %12s%n",
                kpi + " [" + k.get("unit").asText() + "]",
                fmt(k.get("baseline")),
                fmt(k.get("variant")),
                fmt(k.get("diff")),
                fmt(k.get("ci95_half_width"))));
      }
    }
    return sb.toString();
  }

  /**
   * Writes every stored KPI value of a study as CSV ({@code
   * study,variant,replication,seed,kpi,unit,value}) to {@code out}, through a temporary file moved
   * into place when complete.
   */
  public static int exportCsv(String name, Optional<String> store, Path out) {
    return withStore(
        store,
        st -> {
          require(st, name);
          Map<String, Long> seeds = new LinkedHashMap<>();
          st.runs(name)
              .forEach(r -> seeds.put(StudyStore.key(r.variant(), r.replication()), r.seed()));
          StringBuilder sb = new StringBuilder("study,variant,replication,seed,kpi,unit,value\n");
          int rows = 0;
          for (var v : st.kpis(name).entrySet()) {
            for (var k : v.getValue().entrySet()) {
              String unit = st.units(name).getOrDefault(k.getKey(), "");
              for (var r : k.getValue().entrySet()) {
                sb.append(csv(name))
                    .append(',')
                    .append(csv(v.getKey()))
                    .append(',')
                    .append(r.getKey())
                    .append(',')
                    .append(seeds.get(StudyStore.key(v.getKey(), r.getKey())))
                    .append(',')
                    .append(csv(k.getKey()))
                    .append(',')
                    .append(csv(unit))
                    .append(',')
                    .append(Double.isNaN(r.getValue()) ? "" : r.getValue())
                    .append('\n');
                rows++;
              }
            }
          }
          try {
            Path abs = out.toAbsolutePath();
            if (abs.getParent() != null) {
              Files.createDirectories(abs.getParent());
            }
            Path tmp = Files.createTempFile(abs.getParent(), ".export", ".csv");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(
                tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            throw new UserException("out", "cannot write " + out + ": " + e.getMessage());
          }
          return rows;
        });
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static void num(ObjectNode o, String f, double v) {
    if (Double.isFinite(v)) {
      o.put(f, v);
    } else {
      o.set(f, JsonNodeFactory.instance.nullNode());
    }
  }

  private static String fmt(JsonNode n) {
    return n == null || n.isNull() ? "-" : String.format(Locale.ROOT, "%.6g", n.asDouble());
  }
}
