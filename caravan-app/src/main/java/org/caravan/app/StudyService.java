package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.study.LocalEngine;
import org.caravan.study.StudyEngine;
import org.caravan.study.StudyException;
import org.caravan.study.StudyRunner;
import org.caravan.study.StudyStore;

/**
 * Corridor studies (docs/STUDIES.md): run a study file's baseline and variants with common random
 * numbers into a results store, and list, show, compare and export stored studies. A study is
 * checked whole before anything runs ({@link StudyPlan}); reading is done by {@link StudyViews},
 * exports by {@link StudyExports}, routes under each variant by {@link VariantRoutes}. The reading
 * methods are static: they need the store, not the network. Thread-safe.
 */
public final class StudyService {
  /** The store used when none is given: a DuckDB file under the working directory. */
  public static final String DEFAULT_STORE = "out/studies.duckdb";

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
    StudyPlan plan = StudyPlan.of(file, replications, years, caravan);
    try (StudyStore st = openStore(store)) {
      return run(plan, st, eng, engine.options(), progress);
    }
  }

  /**
   * Checks a study given as text (uploaded, or a shipped one: {@link ShippedStudies}). Its baseline
   * must be a built-in scenario: there is no folder to resolve a scenario file in.
   *
   * @param origin names the text in messages and in the store's provenance (e.g. {@code
   *     study_yaml})
   * @param maxRuns refuse a study of more variant × replication runs
   * @throws UserException naming the study or scenario field at fault
   */
  public StudyPlan plan(
      String text,
      String origin,
      Optional<Integer> replications,
      Optional<Double> years,
      int maxRuns) {
    return StudyPlan.of(text, origin, Optional.empty(), replications, years, maxRuns, caravan);
  }

  /** Runs what the store does not hold yet of a planned study, on the local engine. */
  public RunOutcome run(StudyPlan plan, ResultsStore store, Consumer<Progress> progress) {
    RunOptions local = RunOptions.local();
    return run(
        plan, store.studyStore(), StudyEngines.find(local.engine()), local.options(), progress);
  }

  private RunOutcome run(
      StudyPlan plan,
      StudyStore st,
      StudyEngine eng,
      Map<String, String> options,
      Consumer<Progress> progress) {
    long t0 = System.nanoTime();
    List<StudyPlan.Prepared> prepared = plan.prepared();
    List<StudyStore.VariantRow> rows = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      StudyPlan.Prepared p = prepared.get(i);
      rows.add(
          new StudyStore.VariantRow(p.name(), i, p.description(), p.source(), p.overlayJson()));
    }
    st.register(
        new StudyStore.StudyRow(
            plan.study(),
            plan.fingerprint(),
            plan.file().baseline(),
            plan.seed(),
            plan.replications(),
            plan.years(),
            Instant.now().toString(),
            0),
        rows,
        new StudyStore.Provenance(plan.origin(), CaravanApp.VERSION));
    List<String> names = prepared.stream().map(StudyPlan.Prepared::name).toList();
    StudyTasks tasks =
        new StudyTasks(
            overlays,
            names,
            prepared.stream().map(StudyPlan.Prepared::yaml).toList(),
            plan.yearsOverride().orElse(Double.NaN),
            caravan);
    StudyRunner.Outcome o;
    try {
      o =
          StudyRunner.run(
              plan.study(),
              names,
              tasks,
              plan.seed(),
              plan.replications(),
              st,
              eng,
              options,
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
      throw StudyPlan.user(e);
    }
    return new RunOutcome(
        plan.study(),
        st.location(),
        names,
        plan.replications(),
        plan.years(),
        o.ran(),
        o.skipped(),
        (System.nanoTime() - t0) / 1e9,
        o.store_s(),
        o.rows());
  }

  static StudyStore openStore(Optional<String> store) {
    StoreLocation at = StoreLocation.of(store);
    try {
      return StudyStore.open(at.jdbcUrl(), at.given());
    } catch (StudyException e) {
      throw StudyPlan.user(e);
    }
  }

  private static <T> T withStore(Optional<String> store, Function<StudyStore, T> f) {
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

  /** As {@link #showJson(String, Optional)} on an open store. */
  public static ObjectNode showJson(String name, ResultsStore store) {
    return StudyViews.showJson(name, store.studyStore());
  }

  /** Whether a study of this name is in the store. */
  public static boolean exists(String name, ResultsStore store) {
    return store.studyStore().study(name).isPresent();
  }

  /**
   * Every KPI of every variant against the baseline, with the paired difference and its 95 %
   * interval, and the bottleneck that binds in each.
   */
  public static ObjectNode compareJson(String name, Optional<String> store) {
    return withStore(store, st -> StudyViews.compareJson(name, st));
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
   * A comparison ({@link #compareJson} or {@link #compareWithRoutes}) as a table: per variant its
   * binding resource, the headline KPIs (those of {@code headline}, matched as prefixes), every
   * other KPI whose 95 % interval excludes zero when {@code all} is set, and the routes it moves.
   */
  public static String table(ObjectNode comparison, List<String> headline, boolean all) {
    return StudyViews.compareTable(comparison, headline, all);
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

  /**
   * A study's export as bytes, for a download: CSV text or a Parquet file.
   *
   * @param format {@code csv} or {@code parquet}
   */
  public static byte[] exportBytes(String name, ResultsStore store, String format) {
    return StudyExports.toBytes(name, store.studyStore(), format);
  }
}
