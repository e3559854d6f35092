package org.caravan.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caravan.network.io.JsonPaths;

/**
 * A study file (docs/STUDIES.md): a baseline scenario and named variants, each an overlay of the
 * baseline's YAML tree. Parsing is strict: unknown keys, wrong types, duplicate or badly formed
 * names and malformed overlay paths are {@link StudyException}s naming the field and its line.
 *
 * @param baseline a built-in scenario name or a scenario file path relative to the study file
 * @param years measured years per replication, empty for the scenario's horizon
 * @param crmFlows {@code crm_flows: true}: the baseline (and so every variant) carries the
 *     critical-raw-material demand layer ({@code demand.crm_flows}, docs/CRM.md)
 * @param settings path → value set in the baseline scenario before anything else, so the baseline
 *     and every variant share them (e.g. the model's {@code reactions})
 */
public record StudyFile(
    String name,
    String description,
    String baseline,
    long seed,
    int replications,
    Optional<Double> years,
    String source,
    List<Variant> variants,
    boolean crmFlows,
    Map<String, JsonNode> settings) {

  /** The name the baseline carries in the store and in comparisons. */
  public static final String BASELINE = "baseline";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * A variant: values set (or scaled) by path in the baseline scenario tree.
   *
   * @param set path → new value (a scalar, list or object)
   * @param scale path → factor for numeric fields
   */
  public record Variant(
      String name,
      String description,
      String source,
      Map<String, JsonNode> set,
      Map<String, Double> scale) {}

  /** The file as written, before checks. */
  record Raw(
      String name,
      String description,
      String baseline,
      Long seed,
      Integer replications,
      Double years,
      String source,
      List<RawVariant> variants,
      List<RawSweep> sweeps,
      Boolean crmFlows,
      Map<String, JsonNode> settings) {}

  record RawSweep(
      String name,
      String kind,
      Integer samples,
      String source,
      String description,
      List<RawParameter> parameters) {}

  record RawParameter(String path, List<Double> values, Double min, Double max, Boolean integer) {}

  record RawVariant(
      String name,
      String description,
      String source,
      Map<String, JsonNode> set,
      Map<String, Double> scale) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Parses and checks study text; {@code file} names it in messages. */
  public static StudyFile parse(String yaml, String file) {
    Raw raw;
    try {
      raw = YAML.readValue(yaml, Raw.class);
    } catch (UnrecognizedPropertyException e) {
      String field = JsonPaths.field(e, "study");
      // Records are bound from a buffer, so the parser's location is the object's end: look the key
      // up instead.
      int at = new Lines(yaml, file).lineOf(field);
      throw new StudyException(
          field,
          file
              + ": unknown field '"
              + field
              + "'"
              + (at > 0 ? " at line " + at : JsonPaths.atLine(e.getLocation()))
              + JsonPaths.knownFields(e));
    } catch (JsonMappingException e) {
      String field = JsonPaths.field(e, "study");
      throw new StudyException(
          field,
          file
              + ": bad value for '"
              + field
              + "'"
              + JsonPaths.atLine(e.getLocation())
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (JsonProcessingException e) {
      throw new StudyException(
          "study",
          file
              + ": not valid YAML"
              + JsonPaths.atLine(e.getLocation())
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (raw == null) {
      throw new StudyException("study", file + ": study file is empty");
    }
    Lines lines = new Lines(yaml, file);
    String name = require(raw.name(), "name", lines);
    if (!NAME.matcher(name).matches()) {
      throw lines.error("name", "name must match [A-Za-z0-9._-]{1,64}, got '" + name + "'");
    }
    String baseline = require(raw.baseline(), "baseline", lines);
    int reps = raw.replications() == null ? 10 : raw.replications();
    if (reps < 1) {
      throw lines.error("replications", "replications must be >= 1, got " + reps);
    }
    if (raw.years() != null && !(raw.years() > 0)) {
      throw lines.error("years", "years must be > 0, got " + raw.years());
    }
    List<RawVariant> rawVariants =
        new java.util.ArrayList<>(raw.variants() == null ? List.of() : raw.variants());
    int declared = rawVariants.size();
    long seed = raw.seed() == null ? 1 : raw.seed();
    if (raw.sweeps() != null) {
      for (int i = 0; i < raw.sweeps().size(); i++) {
        rawVariants.addAll(
            Sweeps.expand(raw.sweeps().get(i), "sweeps[" + i + "]", seed + i, lines));
      }
    }
    if (rawVariants.isEmpty()) {
      throw lines.error("variants", "variants: at least one variant or sweep is required");
    }
    Map<String, JsonNode> settings =
        raw.settings() == null ? Map.of() : new LinkedHashMap<>(raw.settings());
    for (String p : settings.keySet()) {
      checkPath(p, "settings", lines);
    }
    Set<String> seen = new HashSet<>();
    List<Variant> vs = new java.util.ArrayList<>();
    for (int i = 0; i < rawVariants.size(); i++) {
      RawVariant rv = rawVariants.get(i);
      String at = i < declared ? "variants[" + i + "]" : "sweeps (variant " + rv.name() + ")";
      String vn = require(rv.name(), at + ".name", lines);
      if (!NAME.matcher(vn).matches() || vn.equals(BASELINE)) {
        throw lines.error(
            at + ".name",
            at
                + ".name must match [A-Za-z0-9._-]{1,64} and not be '"
                + BASELINE
                + "', got '"
                + vn
                + "'");
      }
      if (!seen.add(vn)) {
        throw lines.error(at + ".name", "duplicate variant name '" + vn + "'");
      }
      require(rv.source(), at + ".source", lines);
      Map<String, JsonNode> set = rv.set() == null ? Map.of() : new LinkedHashMap<>(rv.set());
      Map<String, Double> scale = rv.scale() == null ? Map.of() : new LinkedHashMap<>(rv.scale());
      if (set.isEmpty() && scale.isEmpty()) {
        throw lines.error(at, at + ": a variant must set or scale at least one value");
      }
      for (String p : set.keySet()) {
        checkPath(p, at + ".set", lines);
      }
      for (Map.Entry<String, Double> e : scale.entrySet()) {
        checkPath(e.getKey(), at + ".scale", lines);
        if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
          throw lines.error(
              at + ".scale." + e.getKey(),
              at + ".scale['" + e.getKey() + "'] must be a number >= 0");
        }
      }
      vs.add(
          new Variant(
              vn, rv.description() == null ? "" : rv.description(), rv.source(), set, scale));
    }
    return new StudyFile(
        name,
        raw.description() == null ? "" : raw.description(),
        baseline,
        seed,
        reps,
        Optional.ofNullable(raw.years()),
        raw.source() == null ? "" : raw.source(),
        List.copyOf(vs),
        Boolean.TRUE.equals(raw.crmFlows()),
        settings);
  }

  /** The study's settings as a variant that sets them (for {@link Overlay#apply}). */
  public Variant settingsOverlay() {
    return new Variant("settings", "", source, settings, Map.of());
  }

  /** The baseline followed by the variants, in file order. */
  public List<String> variantNames() {
    List<String> out = new java.util.ArrayList<>();
    out.add(BASELINE);
    variants.forEach(v -> out.add(v.name()));
    return out;
  }

  private static void checkPath(String p, String at, Lines lines) {
    try {
      Overlay.parsePath(p);
    } catch (IllegalArgumentException e) {
      throw lines.error(at + "." + p, at + ": bad path '" + p + "': " + e.getMessage());
    }
  }

  private static String require(String v, String field, Lines lines) {
    if (v == null || v.isBlank()) {
      throw lines.error(field, field + " is required");
    }
    return v;
  }

  /** Finds the line of a field path by walking the YAML tokens, which carry locations. */
  static final class Lines {
    private final String file;
    private final Map<String, Integer> lines = new java.util.HashMap<>();

    Lines(String yaml, String file) {
      this.file = file;
      try (com.fasterxml.jackson.core.JsonParser p = YAML.getFactory().createParser(yaml)) {
        com.fasterxml.jackson.core.JsonToken t;
        while ((t = p.nextToken()) != null) {
          // A START token already carries the context it opens; its position belongs to the
          // enclosing one.
          com.fasterxml.jackson.core.JsonStreamContext ctx =
              t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
          if (ctx != null
              && (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME || ctx.inArray())) {
            lines.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
          }
        }
      } catch (java.io.IOException e) {
        // already parsed once; no lines then
      }
    }

    /** The line of {@code field} or of its closest enclosing field, 0 if unknown. */
    int lineOf(String field) {
      // Overlay paths contain dots and brackets of their own: keep the key after set/scale whole.
      java.util.regex.Matcher m =
          Pattern.compile("^variants\\[(\\d+)](?:\\.(set|scale)(?:\\.(.*))?|\\.(\\w+))?$")
              .matcher(field);
      String ptr;
      if (m.matches()) {
        ptr =
            "/variants/"
                + m.group(1)
                + (m.group(2) != null
                    ? "/"
                        + m.group(2)
                        + (m.group(3) != null
                            ? "/" + m.group(3).replace("~", "~0").replace("/", "~1")
                            : "")
                    : m.group(4) != null ? "/" + m.group(4) : "");
      } else {
        ptr = "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
      }
      for (String p = ptr; !p.isEmpty(); p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
        Integer l = lines.get(p);
        if (l != null) {
          return l;
        }
      }
      return 0;
    }

    StudyException error(String field, String message) {
      int l = lineOf(field);
      return new StudyException(field, file + ": " + message + (l > 0 ? " (line " + l + ")" : ""));
    }
  }

  /** An error about {@code field} of this study text, with its line. */
  public static StudyException errorAt(String yaml, String file, String field, String message) {
    return new Lines(yaml, file).error(field, message);
  }
}
