package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.simulation.corridor.Bottleneck;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorRunner;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;
import org.caravan.study.Overlay;
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

  StudyService(Caravan caravan) {
    this.caravan = caravan;
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
      double wall_s) {}

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
    String text = read(file);
    Plan plan =
        plan(
            text,
            file.toString(),
            Optional.of(file.toAbsolutePath().getParent()),
            replications,
            years,
            Integer.MAX_VALUE);
    try (StudyStore st = openStore(store)) {
      return run(plan, st, progress);
    }
  }

  /**
   * A study checked and ready to run: every variant applied and loaded as a scenario. Made by
   * {@link #plan}, run by {@link #run(Plan, ResultsStore, Consumer)}.
   */
  public static final class Plan {
    private final StudyFile study;
    private final List<Prepared> prepared;
    private final int replications;
    private final double years;

    private Plan(StudyFile study, List<Prepared> prepared, int replications, double years) {
      this.study = study;
      this.prepared = prepared;
      this.replications = replications;
      this.years = years;
    }

    /** The study's name, its key in the store. */
    public String study() {
      return study.name();
    }

    public int replications() {
      return replications;
    }

    /** Measured years per replication. */
    public double years() {
      return years;
    }

    /** The study seed (replication r uses its r-th seed in every variant). */
    public long seed() {
      return study.seed();
    }

    /** Variants (with the baseline) × replications. */
    public int runs() {
      return prepared.size() * replications;
    }
  }

  /**
   * Checks a study given as text (uploaded, or a shipped one: {@link ShippedStudies}). Its baseline
   * must be a built-in scenario: there is no folder to resolve a scenario file in.
   *
   * @param origin names the text in messages (e.g. {@code request body})
   * @param maxRuns refuse a study of more variant × replication runs
   * @throws UserException naming the study or scenario field at fault
   */
  public Plan plan(
      String text,
      String origin,
      Optional<Integer> replications,
      Optional<Double> years,
      int maxRuns) {
    return plan(text, origin, Optional.empty(), replications, years, maxRuns);
  }

  /** Runs what the store does not hold yet of a planned study. */
  public RunOutcome run(Plan plan, ResultsStore store, Consumer<Progress> progress) {
    return run(plan, store.studyStore(), progress);
  }

  private Plan plan(
      String text,
      String origin,
      Optional<Path> dir,
      Optional<Integer> replications,
      Optional<Double> years,
      int maxRuns) {
    StudyFile study = parse(text, origin);
    int reps = replications.orElse(study.replications());
    if (reps < 1) {
      throw new UserException("replications", "{replications} must be >= 1, got " + reps);
    }
    Optional<Double> y = years.or(study::years);
    if (y.isPresent() && !(y.get() > 0)) {
      throw new UserException("years", "{years} must be > 0, got " + y.get());
    }
    long runs = (long) reps * (study.variants().size() + 1);
    if (runs > maxRuns) {
      throw new UserException(
          "replications",
          origin
              + ": "
              + runs
              + " runs (variants with the baseline x replications); at most "
              + maxRuns
              + " here: lower {replications} or run it with caravan study run");
    }
    String baseText = baselineText(study, dir, origin, text);
    ObjectNode base = baseTree(baseText, study.baseline());
    if (study.crmFlows() && base.path("demand") instanceof ObjectNode demand) {
      demand.put("crm_flows", true); // the CRM demand layer in the baseline and every variant
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
            origin));
    for (int i = 0; i < study.variants().size(); i++) {
      StudyFile.Variant v = study.variants().get(i);
      ObjectNode tree;
      try {
        tree = Overlay.apply(base, v);
      } catch (IllegalArgumentException e) {
        throw user(
            StudyFile.errorAt(
                text,
                origin,
                "variants[" + i + "]",
                "variant '" + v.name() + "': " + e.getMessage()));
      }
      prepared.add(prepare(v.name(), v.description(), v.source(), overlayJson(v), tree, y, origin));
    }
    double measuredYears = prepared.getFirst().scenario().horizonDays() / 365.0;
    return new Plan(study, List.copyOf(prepared), reps, measuredYears);
  }

  private RunOutcome run(Plan plan, StudyStore st, Consumer<Progress> progress) {
    StudyFile study = plan.study;
    List<Prepared> prepared = plan.prepared;
    int reps = plan.replications;
    double measuredYears = plan.years;
    String fingerprint = fingerprint(study, prepared, measuredYears);
    long t0 = System.nanoTime();
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
        rows);
    Map<String, Prepared> byName = new LinkedHashMap<>();
    prepared.forEach(p -> byName.put(p.name(), p));
    StudyRunner.Outcome o =
        StudyRunner.run(
            study.name(),
            List.copyOf(byName.keySet()),
            v -> model(byName.get(v).scenario()),
            study.seed(),
            reps,
            st,
            p ->
                progress.accept(
                    new Progress(
                        p.variant(),
                        p.replication(),
                        p.done(),
                        p.total(),
                        p.skipped(),
                        p.wall_s())));
    return new RunOutcome(
        study.name(),
        st.location(),
        List.copyOf(byName.keySet()),
        reps,
        measuredYears,
        o.ran(),
        o.skipped(),
        (System.nanoTime() - t0) / 1e9);
  }

  private StudyRunner.VariantModel model(Scenario sc) {
    CorridorSpec spec = new ModelBuilder(caravan).build(sc).spec();
    return seed -> {
      CorridorResult r = CorridorRunner.run(spec, 1, seed, 1, done -> {});
      List<StudyStore.KpiValue> kpis = new ArrayList<>(r.kpis().size());
      for (KpiStat k : r.kpis()) {
        kpis.add(new StudyStore.KpiValue(k.name(), k.unit(), k.mean()));
      }
      String bottleneck = r.bottlenecks().isEmpty() ? "none" : label(r.bottlenecks().getFirst());
      return new StudyRunner.Replication(kpis, bottleneck);
    };
  }

  private static String label(Bottleneck b) {
    return b.kind().name().toLowerCase(Locale.ROOT) + ":" + b.id();
  }

  private Prepared prepare(
      String name,
      String description,
      String source,
      String overlay,
      ObjectNode tree,
      Optional<Double> years,
      String origin) {
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
          origin
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
  private static String baselineText(StudyFile s, Optional<Path> dir, String origin, String text) {
    if (dir.isPresent()) {
      Path p = dir.get().resolve(s.baseline());
      if (Files.isRegularFile(p)) {
        return read(p);
      }
    }
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + s.baseline() + ".yaml")) {
      if (in == null) {
        throw user(
            StudyFile.errorAt(
                text,
                origin,
                "baseline",
                "baseline '"
                    + s.baseline()
                    + (dir.isPresent()
                        ? "' is neither a scenario file next to the study nor a built-in scenario"
                        : "' is not a built-in scenario")));
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

  private static StudyStore openStore(Optional<String> store) {
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

  /**
   * The stored studies as JSON: name, baseline, seed, replications asked, years, runs stored,
   * variants.
   */
  public static ArrayNode listJson(Optional<String> store) {
    return withStore(store, StudyViews::listJson);
  }

  /** As {@link #listJson(Optional)} on an open store. */
  public static ArrayNode listJson(ResultsStore store) {
    return StudyViews.listJson(store.studyStore());
  }

  /** One study with its variants, their overlays and sources, and runs stored per variant. */
  public static ObjectNode showJson(String name, Optional<String> store) {
    return withStore(store, st -> StudyViews.showJson(name, st));
  }

  /** Whether a study of this name is in the store. */
  public static boolean exists(String name, ResultsStore store) {
    return store.studyStore().study(name).isPresent();
  }

  /** As {@link #showJson(String, Optional)} on an open store. */
  public static ObjectNode showJson(String name, ResultsStore store) {
    return StudyViews.showJson(name, store.studyStore());
  }

  /**
   * Every KPI of every variant against the baseline, with the paired difference and its 95 %
   * interval, and the bottleneck that binds in each.
   */
  public static ObjectNode compareJson(String name, Optional<String> store) {
    return withStore(store, st -> StudyViews.compareJson(name, st));
  }

  /** As {@link #compareJson(String, Optional)} on an open store. */
  public static ObjectNode compareJson(String name, ResultsStore store) {
    return StudyViews.compareJson(name, store.studyStore());
  }

  /**
   * {@link #compareJson} plus, per variant, the nodes and links it changes ({@code changes}) and
   * how the baseline's origin–destination pairs route on the network it leaves ({@code routes}).
   */
  public ObjectNode compareWithRoutes(String name, Optional<String> store) {
    return withStore(store, st -> compareAnnotated(name, st, true));
  }

  /**
   * {@link #compareJson} plus, per variant, the nodes and links it changes, without routing (which
   * takes minutes for a closure on a busy machine): what the web page shows.
   */
  public ObjectNode compareWithChanges(String name, ResultsStore store) {
    return compareAnnotated(name, store.studyStore(), false);
  }

  private ObjectNode compareAnnotated(String name, StudyStore st, boolean withRoutes) {
    ObjectNode o = StudyViews.compareJson(name, st);
    Map<String, JsonNode> overlays = new LinkedHashMap<>();
    for (StudyStore.VariantRow v : st.variants(name)) {
      try {
        overlays.put(v.variant(), JSON.readTree(v.overlay()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("study " + name + ": stored overlay is not JSON", e);
      }
    }
    String baseline = StudyViews.require(st, name).baseline();
    VariantRoutes.annotate(o, baseline, overlays, caravan, withRoutes);
    return o;
  }

  /**
   * A comparison ({@link #compareWithRoutes}) as a table: per variant its binding resource, the
   * headline KPIs and the routes it moves.
   */
  public static String table(ObjectNode comparison, List<String> headline, boolean all) {
    return StudyViews.compareTable(comparison, headline, all);
  }

  /**
   * The comparison as a table: per variant its binding resource and the headline KPIs (those of
   * {@code headline}, matched as prefixes), plus every other KPI whose 95 % interval excludes zero
   * when {@code all} is set.
   */
  public static String compareTable(
      String name, Optional<String> store, List<String> headline, boolean all) {
    return StudyViews.compareTable(compareJson(name, store), headline, all);
  }

  /**
   * Writes every stored KPI value of a study ({@code
   * study,variant,replication,seed,kpi,unit,value}) as CSV or Parquet to {@code out}: a new file,
   * or with {@code force} an existing file, written through a hidden sibling renamed into place
   * (docs/STUDIES.md).
   *
   * @param format {@code csv} or {@code parquet}
   * @return the number of KPI values written
   */
  public static int export(
      String name, Optional<String> store, String format, Path out, boolean force) {
    return withStore(store, st -> StudyExports.toFile(name, st, format, out, force));
  }

  /** As {@link #export} with format {@code csv}. */
  public static int exportCsv(String name, Optional<String> store, Path out, boolean force) {
    return export(name, store, "csv", out, force);
  }

  /**
   * A study's export as bytes, for a download: CSV text or a Parquet file.
   *
   * @param format {@code csv} or {@code parquet}
   */
  public static byte[] exportBytes(String name, ResultsStore store, String format) {
    return StudyExports.toBytes(name, store.studyStore(), format);
  }
}
