package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.study.Overlay;
import org.caravan.study.StudyException;
import org.caravan.study.StudyFile;

/**
 * A study checked and ready to run: the file parsed, every variant applied to the baseline's YAML
 * tree and loaded by {@link ScenarioLoader} (so it passes the normal scenario checks), all before
 * anything is written. Made by {@link #of}; run by {@link StudyService}. Immutable.
 */
public final class StudyPlan {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A variant ready to run: its scenario, checked, and the YAML it was loaded from. */
  record Prepared(
      String name,
      String description,
      String source,
      String overlayJson,
      Scenario scenario,
      String yaml) {}

  private final StudyFile study;
  private final List<Prepared> prepared;
  private final int replications;
  private final Optional<Double> yearsOverride;
  private final String origin;

  private StudyPlan(
      StudyFile study,
      List<Prepared> prepared,
      int replications,
      Optional<Double> yearsOverride,
      String origin) {
    this.study = study;
    this.prepared = List.copyOf(prepared);
    this.replications = replications;
    this.yearsOverride = yearsOverride;
    this.origin = origin;
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
    return prepared.getFirst().scenario().horizonDays() / 365.0;
  }

  /** The study seed (replication r uses its r-th seed in every variant). */
  public long seed() {
    return study.seed();
  }

  /** Variants (with the baseline) × replications. */
  public int runs() {
    return prepared.size() * replications;
  }

  StudyFile file() {
    return study;
  }

  List<Prepared> prepared() {
    return prepared;
  }

  /** The years override the variants were loaded with (the file's or the caller's). */
  Optional<Double> yearsOverride() {
    return yearsOverride;
  }

  /** Where the study came from: its file, or the name of the text in messages. */
  String origin() {
    return origin;
  }

  /** Reads and checks a study file; its baseline may be a scenario file next to it. */
  static StudyPlan of(
      Path file, Optional<Integer> replications, Optional<Double> years, Caravan caravan) {
    return of(
        read(file),
        file.toString(),
        Optional.of(file.toAbsolutePath().getParent()),
        replications,
        years,
        Integer.MAX_VALUE,
        caravan);
  }

  /**
   * Checks a study given as text.
   *
   * @param origin names the text in messages
   * @param dir the folder a baseline scenario file is looked up in; empty: built-in scenarios only
   * @param maxRuns refuse a study of more variant × replication runs
   * @throws UserException naming the study or scenario field at fault
   */
  static StudyPlan of(
      String text,
      String origin,
      Optional<Path> dir,
      Optional<Integer> replications,
      Optional<Double> years,
      int maxRuns,
      Caravan caravan) {
    StudyFile study;
    try {
      study = StudyFile.parse(text, origin);
    } catch (StudyException e) {
      throw user(e);
    }
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
    ObjectNode base = baseTree(baselineText(study, dir, origin, text), study.baseline());
    if (study.crmFlows() && base.path("demand") instanceof ObjectNode demand) {
      demand.put("crm_flows", true); // the CRM demand layer in the baseline and every variant
    }
    if (!study.settings().isEmpty()) {
      try {
        base = Overlay.apply(base, study.settingsOverlay());
      } catch (IllegalArgumentException e) {
        throw user(StudyFile.errorAt(text, origin, "settings", e.getMessage()));
      }
    }
    List<Prepared> prepared = new ArrayList<>();
    String baseDescription = "the baseline scenario " + study.baseline();
    prepared.add(
        prepare(
            StudyFile.BASELINE, baseDescription, study.source(), "{}", base, y, origin, caravan));
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
      String overlay = overlayJson(v);
      prepared.add(
          prepare(v.name(), v.description(), v.source(), overlay, tree, y, origin, caravan));
    }
    return new StudyPlan(study, prepared, reps, y, origin);
  }

  /** Study identity for resuming: the seed, the years and every variant's scenario as checked. */
  String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((study.seed() + "|" + years() + "|").getBytes(StandardCharsets.UTF_8));
      for (Prepared p : prepared) {
        md.update((p.name() + "\n" + p.yaml() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Prepared prepare(
      String name,
      String description,
      String source,
      String overlay,
      ObjectNode tree,
      Optional<Double> years,
      String origin,
      Caravan caravan) {
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

  static UserException user(StudyException e) {
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
      Path p = dir.get().resolve(UserPaths.of("baseline", s.baseline()));
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
}
