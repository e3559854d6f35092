package org.caravan.scenario.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.Status;
import org.caravan.network.io.JsonPaths;
import org.caravan.scenario.BindingErrors;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.CorridorLabels;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;

/**
 * Reads and checks scenario files. Parsing is strict: an unknown key, a value of the wrong type, an
 * unknown node or link, a negative rate or a non-positive horizon is a {@link UserException} naming
 * the field (as a path such as {@code demand.flows[2].teu_per_year}) and, for syntax and
 * unknown-key errors, the line. Stateless; thread-safe.
 */
public final class ScenarioLoader {
  /** Classpath folder of the built-in scenarios (packed from {@code data/scenarios}). */
  public static final String RESOURCE_DIR = "/org/caravan/scenario/scenarios/";

  /** The built-in default scenario. */
  public static final String DEFAULT = "default-2024";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ScenarioLoader() {}

  /**
   * Loads a scenario file, or a built-in scenario when {@code file} is a bare name such as {@code
   * default-2024}.
   */
  public static Scenario load(String fileOrName, Caravan caravan) {
    Path p = UserPaths.of("scenario", fileOrName);
    if (!Files.exists(p) && !fileOrName.contains("/") && !fileOrName.endsWith(".yaml")) {
      return loadResource(fileOrName, caravan);
    }
    try {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      String base = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      return parse(text, base, caravan);
    } catch (NoSuchFileException e) {
      throw new UserException("scenario", "scenario file not found: " + fileOrName);
    } catch (IOException e) {
      throw new UserException(
          "scenario", "cannot read scenario file " + fileOrName + ": " + e.getMessage());
    }
  }

  /** Loads a built-in scenario by name. */
  public static Scenario loadResource(String name, Caravan caravan) {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
      if (in == null) {
        throw new UserException(
            "scenario", "no scenario file or built-in scenario named '" + name + "'");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, caravan);
    } catch (IOException e) {
      // A packed resource that cannot be read is a broken jar, not a user error.
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Parses and checks scenario text.
   *
   * @param defaultName the name used when the file has no {@code name}
   */
  public static Scenario parse(String yaml, String defaultName, Caravan caravan) {
    ScenarioFile f = read(yaml);
    try {
      ScenarioLimits.check(f);
      return new Checker(withPlanned(f, caravan)).check(f, defaultName);
    } catch (UserException e) {
      int line = lineOf(yaml, e.field());
      throw line > 0 ? new UserException(e.field(), e.getMessage() + " (line " + line + ")") : e;
    }
  }

  /**
   * The parsed file of a scenario file or built-in name, unchecked: what {@code caravan calibrate}
   * edits and writes back (it resolves each edit with {@link #resolve}).
   */
  public static ScenarioFile readFile(String fileOrName) {
    Path p = Path.of(fileOrName);
    if (!Files.exists(p) && !fileOrName.contains("/") && !fileOrName.endsWith(".yaml")) {
      try (InputStream in =
          ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + fileOrName + ".yaml")) {
        if (in == null) {
          throw new UserException(
              "scenario", "no scenario file or built-in scenario named '" + fileOrName + "'");
        }
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return read(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserException(
          "scenario", "cannot read scenario file " + fileOrName + ": " + e.getMessage());
    }
  }

  /** Checks and resolves a parsed (possibly edited) scenario file, as {@link #parse} does. */
  public static Scenario resolve(ScenarioFile f, String defaultName, Caravan caravan) {
    ScenarioLimits.check(f);
    return new Checker(withPlanned(f, caravan)).check(f, defaultName);
  }

  /**
   * The network a scenario is checked and built on: with the planned links its {@code
   * network.include_planned} names (and the planned nodes at their ends), so its flows, ports and
   * closures may name them.
   *
   * @throws UserException naming {@code network.include_planned[i]} for an id that is not a planned
   *     link
   */
  private static Caravan withPlanned(ScenarioFile f, Caravan caravan) {
    List<String> ids =
        f.network() == null || f.network().includePlanned() == null
            ? List.of()
            : f.network().includePlanned();
    Caravan today = caravan.withPlannedLinks(Set.of());
    Set<String> planned = new TreeSet<>();
    for (LinkSpec l : today.files().links()) {
      if (l.status() == Status.PLANNED) {
        planned.add(l.id());
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      if (!planned.contains(ids.get(i))) {
        throw new UserException(
            "network.include_planned[" + i + "]",
            "'"
                + ids.get(i)
                + "' is not a planned link of the network; planned links: "
                + String.join(", ", planned));
      }
    }
    return today.withPlannedLinks(Set.copyOf(ids));
  }

  private static ScenarioFile read(String yaml) {
    ScenarioFile f;
    try {
      f = YAML.readValue(yaml, ScenarioFile.class);
    } catch (JsonMappingException e) {
      // An unknown field lists the known ones; a bad value says what was expected.
      String field = JsonPaths.field(e, "scenario");
      boolean unknown = e instanceof UnrecognizedPropertyException;
      throw new UserException(
          field,
          (unknown ? "unknown field '" : "bad value for '")
              + field
              + "'"
              + JsonPaths.atLine(e.getLocation())
              + (unknown
                  ? JsonPaths.knownFields((UnrecognizedPropertyException) e)
                  : ": " + BindingErrors.describe(e)));
    } catch (JsonProcessingException e) {
      throw new UserException(
          "scenario",
          "scenario is not valid YAML"
              + JsonPaths.atLine(e.getLocation())
              + ": "
              + BindingErrors.describe(e));
    }
    if (f == null) {
      throw new UserException("scenario", "scenario file is empty");
    }
    return f;
  }

  /**
   * The line of a field given as a path such as {@code demand.flows[2].teu_per_year}, or of its
   * closest enclosing field; 0 if not found. Reads the text again with the streaming parser, which
   * knows token locations (the bound records do not).
   */
  static int lineOf(String yaml, String field) {
    String pointer = "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    java.util.Map<String, Integer> lines = new java.util.HashMap<>();
    try (com.fasterxml.jackson.core.JsonParser p = YAML.getFactory().createParser(yaml)) {
      com.fasterxml.jackson.core.JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
            || p.getParsingContext().inArray()) {
          String ptr = p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(ptr, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      return 0;
    }
    for (String ptr = pointer;
        !ptr.isEmpty();
        ptr = ptr.substring(0, Math.max(0, ptr.lastIndexOf('/')))) {
      Integer line = lines.get(ptr);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  /** Semantic checks, field by field. */
  private static final class Checker {
    private final Caravan caravan;
    private final Network network;
    private final CorridorLabels corridors;

    Checker(Caravan caravan) {
      this.caravan = caravan;
      this.network = caravan.network();
      this.corridors = CorridorLabels.forFlows(caravan.corridors());
    }

    Scenario check(ScenarioFile f, String defaultName) {
      String name = f.name() == null ? defaultName : f.name();
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new UserException(
            "name", "name must use letters, digits, '.', '_' or '-', got '" + name + "'");
      }
      LocalDate start;
      try {
        start = f.startDate() == null ? LocalDate.of(2024, 1, 1) : LocalDate.parse(f.startDate());
      } catch (DateTimeParseException e) {
        throw new UserException(
            "start_date", "start_date must be YYYY-MM-DD, got '" + f.startDate() + "'");
      }
      double horizon = f.horizonDays() == null ? 365 : f.horizonDays();
      positive("horizon_days", horizon);
      double warm = f.warmupDays() == null ? 0 : f.warmupDays();
      nonNegative("warmup_days", warm);
      int reps = f.replications() == null ? 10 : f.replications();
      if (reps < 1) {
        throw new UserException("replications", "replications must be >= 1, got " + reps);
      }
      if (f.sampleIntervalH() != null) {
        positive("sample_interval_h", f.sampleIntervalH());
      }
      if (f.formation() != null) {
        if (f.formation().trainCapacityUnits() != null && f.formation().trainCapacityUnits() < 1) {
          throw new UserException(
              "formation.train_capacity_units",
              "formation.train_capacity_units must be >= 1, got "
                  + f.formation().trainCapacityUnits());
        }
        nonNegative("formation.timetable_h", f.formation().timetableH());
      }
      checkDemand(f.demand());
      checkReactions(f);
      checkNetwork(f.network());
      if (f.storms() != null) {
        for (int i = 0; i < f.storms().size(); i++) {
          checkStorm("storms[" + i + "]", f.storms().get(i));
        }
      }
      if (f.disruptions() != null) {
        for (int i = 0; i < f.disruptions().size(); i++) {
          checkDisruption("disruptions[" + i + "]", f.disruptions().get(i));
        }
      }
      ResolvedScenario model = ScenarioResolver.resolve(f, id -> network.nodeId(node("node", id)));
      return new Scenario(
          name,
          start.atStartOfDay(ZoneOffset.UTC).toInstant(),
          Math.round(horizon * 86_400),
          Math.round(warm * 86_400),
          reps,
          f.seed() == null ? 1L : f.seed(),
          model);
    }

    private void checkDemand(ScenarioFile.Demand d) {
      if (d == null || d.flows() == null || d.flows().isEmpty()) {
        throw new UserException("demand.flows", "demand.flows must list at least one flow");
      }
      if (d.seasonality() != null) {
        if (d.seasonality().size() != 12) {
          throw new UserException(
              "demand.seasonality",
              "demand.seasonality needs 12 monthly factors, got " + d.seasonality().size());
        }
        for (int i = 0; i < 12; i++) {
          nonNegative("demand.seasonality[" + i + "]", d.seasonality().get(i));
        }
      }
      if (d.growthPerYear() != null && !(d.growthPerYear() > -1)) {
        throw new UserException(
            "demand.growth_per_year",
            "demand.growth_per_year must be > -1, got " + d.growthPerYear());
      }
      positive("demand.teu_mass_t", d.teuMassT());
      positive("demand.wagon_mass_t", d.wagonMassT());
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < d.flows().size(); i++) {
        String p = "demand.flows[" + i + "]";
        ScenarioFile.FlowFile fl = d.flows().get(i);
        if (fl.id() == null || fl.id().isBlank()) {
          throw new UserException(p + ".id", p + ".id is missing");
        }
        if (!ids.add(fl.id())) {
          throw new UserException(p + ".id", p + ".id '" + fl.id() + "' is used twice");
        }
        node(p + ".from", fl.from());
        node(p + ".to", fl.to());
        String cargo = fl.cargo() == null ? "container" : fl.cargo();
        switch (cargo) {
          case "container" -> {
            require(p + ".teu_per_year", fl.teuPerYear(), "container flows");
            if (fl.tonnesPerYear() != null) {
              throw new UserException(
                  p + ".tonnes_per_year",
                  p + ".tonnes_per_year is for wagon flows; give teu_per_year");
            }
          }
          case "wagon" -> {
            require(p + ".tonnes_per_year", fl.tonnesPerYear(), "wagon flows");
            if (fl.teuPerYear() != null) {
              throw new UserException(
                  p + ".teu_per_year",
                  p + ".teu_per_year is for container flows; give tonnes_per_year");
            }
          }
          default ->
              throw new UserException(
                  p + ".cargo", p + ".cargo must be 'container' or 'wagon', got '" + cargo + "'");
        }
        if (fl.service() != null && !Set.of("train", "wagonload").contains(fl.service())) {
          throw new UserException(
              p + ".service",
              p + ".service must be 'train' or 'wagonload', got '" + fl.service() + "'");
        }
        nonNegative(p + ".teu_per_year", fl.teuPerYear());
        nonNegative(p + ".tonnes_per_year", fl.tonnesPerYear());
        if (fl.growthPerYear() != null && !(fl.growthPerYear() > -1)) {
          throw new UserException(
              p + ".growth_per_year",
              p + ".growth_per_year must be > -1, got " + fl.growthPerYear());
        }
        if (fl.corridor() != null && !corridors.contains(fl.corridor())) {
          throw new UserException(
              p + ".corridor",
              p
                  + ".corridor must be "
                  + corridors.describe()
                  + " (data/network/corridors.csv), got '"
                  + fl.corridor()
                  + "'");
        }
      }
    }

    /** The closure rules are words; empty returns are for container flows. */
    private static void checkReactions(ScenarioFile f) {
      if (f.reactions() != null) {
        onClosure("reactions.on_closure", f.reactions().onClosure());
      }
      List<ScenarioFile.FlowFile> flows = f.demand().flows();
      for (int i = 0; i < flows.size(); i++) {
        String p = "demand.flows[" + i + "]";
        onClosure(p + ".on_closure", flows.get(i).onClosure());
        if ("wagon".equals(flows.get(i).cargo()) && flows.get(i).emptyReturnShare() != null) {
          throw new UserException(
              p + ".empty_return_share",
              p + ".empty_return_share is for container flows (wagons are not repositioned)");
        }
      }
    }

    private static void onClosure(String field, String word) {
      if (word != null && !Set.of("wait", "reroute").contains(word)) {
        throw new UserException(field, field + " must be 'wait' or 'reroute', got '" + word + "'");
      }
    }

    private void checkNetwork(ScenarioFile.NetworkChanges n) {
      if (n == null) {
        return;
      }
      if (n.lines() != null) {
        positive("network.lines.single_track_paths_per_day", n.lines().singleTrackPathsPerDay());
        positive("network.lines.double_track_paths_per_day", n.lines().doubleTrackPathsPerDay());
        positive("network.lines.teu_per_train", n.lines().teuPerTrain());
        positive(
            "network.lines.default_border_trains_per_day", n.lines().defaultBorderTrainsPerDay());
      }
      list(
          n.borders(),
          (i, b) -> {
            String p = "network.borders[" + i + "]";
            node(p + ".node", b.node());
            positive(p + ".trains_per_day", b.trainsPerDay());
            nonNegative(p + ".dwell_h", b.dwellH());
            nonNegative(p + ".dwell_sd_h", b.dwellSdH());
          });
      list(
          n.ports(),
          (i, b) -> {
            String p = "network.ports[" + i + "]";
            node(p + ".node", b.node());
            if (b.berths() != null && b.berths() < 1) {
              throw new UserException(p + ".berths", p + ".berths must be >= 1, got " + b.berths());
            }
            if (b.yardTeu() != null && b.yardTeu() < 1) {
              throw new UserException(
                  p + ".yard_teu", p + ".yard_teu must be >= 1, got " + b.yardTeu());
            }
          });
      list(
          n.crossings(),
          (i, c) -> {
            String p = "network.crossings[" + i + "]";
            LinkSpec l = link(p + ".link", c.link());
            if (l.mode() != org.caravan.network.Mode.FERRY
                && l.mode() != org.caravan.network.Mode.SEA) {
              throw new UserException(
                  p + ".link",
                  p
                      + ".link '"
                      + c.link()
                      + "' is a "
                      + l.mode()
                      + " link, not a ferry or sea link");
            }
            if (c.fleet() != null && c.fleet() < 1) {
              throw new UserException(p + ".fleet", p + ".fleet must be >= 1, got " + c.fleet());
            }
            if (c.capacityUnits() != null && c.capacityUnits() < 1) {
              throw new UserException(
                  p + ".capacity_units",
                  p + ".capacity_units must be >= 1, got " + c.capacityUnits());
            }
            if (c.lowWaterDerating() != null
                && !(c.lowWaterDerating() >= 0 && c.lowWaterDerating() <= 0.9)) {
              throw new UserException(
                  p + ".low_water_derating",
                  p + ".low_water_derating must be in 0..0.9, got " + c.lowWaterDerating());
            }
            positive(p + ".sail_h", c.sailH());
            nonNegative(p + ".sail_sd_h", c.sailSdH());
            nonNegative(p + ".handling_h", c.handlingH());
            nonNegative(p + ".handling_sd_h", c.handlingSdH());
            nonNegative(p + ".timetable_h", c.timetableH());
          });
      list(n.doubleTrack(), (i, id) -> link("network.double_track[" + i + "]", id));
    }

    private void checkStorm(String p, ScenarioFile.StormFile s) {
      if (s.ports() == null || s.ports().isEmpty()) {
        throw new UserException(p + ".ports", p + ".ports must list at least one port");
      }
      for (int i = 0; i < s.ports().size(); i++) {
        node(p + ".ports[" + i + "]", s.ports().get(i));
      }
      if (s.eventsPerSeason() == null) {
        throw new UserException(p + ".events_per_season", p + ".events_per_season is missing");
      }
      nonNegative(p + ".events_per_season.winter", s.eventsPerSeason().winter());
      nonNegative(p + ".events_per_season.spring", s.eventsPerSeason().spring());
      nonNegative(p + ".events_per_season.summer", s.eventsPerSeason().summer());
      nonNegative(p + ".events_per_season.autumn", s.eventsPerSeason().autumn());
      ScenarioFile.Durations d = s.durationDays();
      if (d == null || d.min() == null || d.mode() == null || d.max() == null) {
        throw new UserException(p + ".duration_days", p + ".duration_days needs min, mode and max");
      }
      if (!(d.min() >= 0 && d.min() <= d.mode() && d.mode() <= d.max() && d.max() > 0)) {
        throw new UserException(
            p + ".duration_days",
            p + ".duration_days must have 0 <= min <= mode <= max and max > 0");
      }
    }

    private void checkDisruption(String p, ScenarioFile.Disruption d) {
      if (!"port_closure".equals(d.kind()) && !"border_closure".equals(d.kind())) {
        throw new UserException(
            p + ".kind",
            p + ".kind must be port_closure or border_closure, got '" + d.kind() + "'");
      }
      if (d.nodes() == null || d.nodes().isEmpty()) {
        throw new UserException(p + ".nodes", p + ".nodes must list at least one node");
      }
      for (int i = 0; i < d.nodes().size(); i++) {
        node(p + ".nodes[" + i + "]", d.nodes().get(i));
      }
      require(p + ".start_day", d.startDay(), "disruptions");
      nonNegative(p + ".start_day", d.startDay());
      require(p + ".duration_days", d.durationDays(), "disruptions");
      positive(p + ".duration_days", d.durationDays());
    }

    private interface Item<T> {
      void check(int i, T t);
    }

    private static <T> void list(List<T> items, Item<T> check) {
      if (items != null) {
        for (int i = 0; i < items.size(); i++) {
          check.check(i, items.get(i));
        }
      }
    }

    private int node(String field, String id) {
      if (id == null || id.isBlank()) {
        throw new UserException(field, field + " is missing");
      }
      var exact = network.findNode(id);
      if (exact.isPresent()) {
        return exact.getAsInt();
      }
      try {
        return caravan.resolvePlace(field, id);
      } catch (UserException e) {
        throw new UserException(
            field,
            "unknown node '"
                + id
                + "' in "
                + field
                + " ("
                + e.getMessage().replaceFirst("^unknown place '[^']*' in [^;]*; ", "")
                + ")");
      }
    }

    private LinkSpec link(String field, String id) {
      if (id == null) {
        throw new UserException(field, field + " is missing");
      }
      return network.spec().links().stream()
          .filter(l -> l.id().equals(id))
          .findFirst()
          .orElseThrow(() -> new UserException(field, "unknown link '" + id + "' in " + field));
    }

    private static void require(String field, Object v, String what) {
      if (v == null) {
        throw new UserException(field, field + " is required for " + what);
      }
    }

    private static void positive(String field, Double v) {
      if (v != null && !(v > 0)) {
        throw new UserException(field, field + " must be > 0, got " + fmt(v));
      }
    }

    private static void nonNegative(String field, Double v) {
      if (v != null && !(v >= 0)) {
        throw new UserException(field, field + " must be >= 0, got " + fmt(v));
      }
    }

    private static String fmt(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15
          ? String.valueOf((long) v)
          : String.format(Locale.ROOT, "%s", v);
    }
  }
}
