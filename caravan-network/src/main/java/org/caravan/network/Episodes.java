package org.caravan.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.NetworkFiles;
import org.caravan.network.io.TextFiles;

/**
 * Dated land episodes ({@code data/network/episodes.csv}): a border that was congested or closed in
 * a known period, as the China–Kazakhstan border congestion of April–May 2024 (RF-CONG24) or
 * Poland's closure of its Belarus crossings in September 2025 (TE25). The land counterpart of the
 * dated sea-lane switches ({@link LaneSwitches}); the router and the simulation both read it, so a
 * route planned for a date and a simulated year that contains the date meet the same border.
 *
 * <p>One row per episode: {@code id, name, nodes, toward, valid_from, valid_to, kind, delay_days,
 * delay_sd_days, evidence, source, notes}. {@code toward}, when given, is the country a train
 * leaves the node for (the westbound congestion does not hold eastbound trains). Validation
 * collects every problem with file, line and field. Immutable.
 *
 * <p>Design. One rule, {@link #release_s}, says when a train that reaches the node at {@code t} may
 * go on, and it is first-in-first-out (a later arrival never leaves earlier), which keeps the
 * router's time-dependent label search exact (Dean, "Shortest paths in FIFO time-dependent
 * networks", 2004) and the simulation's queues in order. A {@code closure} holds every train that
 * arrives while it lasts until it ends. A {@code congestion} adds its delay {@code D} to every
 * train that arrives in the period, and a train that arrives after it, before {@code end + D},
 * waits behind that backlog until {@code end + D}: {@code release(t) = min(t + D, end + D)} on
 * {@code [start, end + D)}, else {@code t}. The spread of the delay ({@code delay_sd_days}) adds to
 * a route's variance.
 */
public final class Episodes {
  /** Classpath location of the default file (packed from {@code data/network}). */
  public static final String DEFAULT_EPISODES = "org/caravan/network/default/episodes.csv";

  /** No episodes. */
  public static final Episodes NONE = new Episodes(List.of());

  private static final long DAY_S = 86_400;

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "nodes",
          "toward",
          "valid_from",
          "valid_to",
          "kind",
          "delay_days",
          "delay_sd_days",
          "evidence",
          "source",
          "notes");

  /** What an episode does to a train that meets it. */
  public enum Kind {
    /** The border is shut: trains wait until it opens. */
    CLOSURE,
    /** The border is slow: trains lose the episode's delay, and the backlog drains after it. */
    CONGESTION;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One episode (both dates inclusive).
   *
   * @param toward ISO country a train leaves the node for, empty for both directions
   * @param delay_s a congestion's mean delay per train (0 for a closure)
   * @param delaySd_s its standard deviation
   * @param evidence {@code observed} (reported while it happened) or {@code estimate}
   */
  public record Episode(
      String id,
      String name,
      List<String> nodes,
      Optional<String> toward,
      LocalDate validFrom,
      LocalDate validTo,
      Kind kind,
      long delay_s,
      long delaySd_s,
      String evidence,
      String source,
      String notes) {
    public Episode {
      nodes = List.copyOf(nodes);
    }

    /** First second of the period, UTC. */
    public long start_s() {
      return validFrom.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** First second after the period (its last day inclusive), UTC. */
    public long end_s() {
      return validTo.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * Whether the episode holds a train that leaves its node for a node in {@code nextCountry}: any
     * train when it has no {@code toward} country (the array form is {@link Compiled#bound}).
     */
    public boolean holdsToward(String nextCountry) {
      return toward.map(c -> c.equals(nextCountry)).orElse(true);
    }

    /** When a train that reaches one of the episode's nodes at {@code t} may go on. */
    public long release_s(long t) {
      return Episodes.release_s(kind, start_s(), end_s(), delay_s, t);
    }
  }

  /**
   * The one rule: when a train that reaches a node at {@code t} may go on, for an episode of {@code
   * kind} from {@code start_s} (inclusive) to {@code end_s} (exclusive) with delay {@code delay_s}
   * (congestion only). Non-decreasing in {@code t} (first in, first out).
   */
  public static long release_s(Kind kind, long start_s, long end_s, long delay_s, long t) {
    if (t < start_s) {
      return t;
    }
    return switch (kind) {
      case CLOSURE -> t < end_s ? end_s : t;
      case CONGESTION -> t < end_s + delay_s ? Math.min(t + delay_s, end_s + delay_s) : t;
    };
  }

  private final List<Episode> episodes;

  private Episodes(List<Episode> episodes) {
    this.episodes = List.copyOf(episodes);
  }

  public List<Episode> episodes() {
    return episodes;
  }

  /**
   * The episodes that hold a train reaching their node on {@code day} (a congestion's backlog
   * included).
   */
  public List<Episode> on(LocalDate day) {
    long t = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    return episodes.stream().filter(e -> e.release_s(t) > t).toList();
  }

  /** The default file packed in the jar, its nodes and source ids checked against the network. */
  public static Episodes readDefault(NetworkSpec network) {
    return TextFiles.readResource(
        DEFAULT_EPISODES, "data/network/episodes.csv", (name, r) -> read(name, () -> r, network));
  }

  /**
   * The default file plus the {@code episodes.csv} of each overlay (a directory holding one, or the
   * file itself): what-if closures and congestions a planner adds, e.g. another closure of the
   * Poland-Belarus border. Ids must be unique across the files.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static Episodes readWith(NetworkSpec network, List<Path> overlays) {
    List<Episode> all = new ArrayList<>(readDefault(network).episodes());
    List<Problem> problems = new ArrayList<>();
    for (Path p : overlays) {
      Path file = Files.isDirectory(p) ? p.resolve(NetworkFiles.EPISODES_FILE) : p;
      if (!Files.isRegularFile(file)
          || !file.getFileName().toString().endsWith(NetworkFiles.EPISODES_FILE)) {
        continue;
      }
      try {
        for (Episode e : read(file.toString(), () -> TextFiles.open(file), network).episodes()) {
          if (all.stream().anyMatch(q -> q.id().equals(e.id()))) {
            problems.add(
                new Problem(
                    new Origin(file.toString(), 0),
                    "id",
                    "episode id '" + e.id() + "' is already defined (default or earlier overlay)"));
          }
          all.add(e);
        }
      } catch (NetworkException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return new Episodes(all);
  }

  /**
   * Reads and checks an episodes file.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static Episodes read(String name, RateTables.Opener opener, NetworkSpec network) {
    Set<String> sourceIds = DatedRows.sourceIds(network);
    Set<String> nodeIds = new HashSet<>();
    Set<String> countries = new HashSet<>();
    network
        .nodes()
        .forEach(
            n -> {
              nodeIds.add(n.id());
              countries.add(n.country());
            });
    return new Episodes(
        DatedRows.read(
            name,
            opener,
            COLUMNS,
            (rec, o, before, problems) -> {
              Optional<Episode> e = row(rec, o, sourceIds, nodeIds, countries, problems);
              if (e.isPresent() && before.stream().anyMatch(q -> q.id().equals(e.get().id()))) {
                problems.add(
                    new Problem(o, "id", "episode id '" + e.get().id() + "' is used twice"));
              }
              return e;
            }));
  }

  private static Optional<Episode> row(
      CSVRecord rec,
      Origin o,
      Set<String> sourceIds,
      Set<String> nodeIds,
      Set<String> countries,
      List<Problem> bad) {
    int before = bad.size();
    String id = DatedRows.cell(rec, "id");
    if (!id.matches("[A-Z0-9][A-Z0-9-]*")) {
      bad.add(new Problem(o, "id", "episode id '" + id + "' must be [A-Z0-9-]"));
    }
    List<String> nodes = new ArrayList<>();
    for (String n : DatedRows.cell(rec, "nodes").split(";")) {
      if (n.isBlank()) {
        continue;
      }
      if (!nodeIds.contains(n.trim())) {
        bad.add(new Problem(o, "nodes", "unknown node '" + n.trim() + "'"));
      }
      nodes.add(n.trim());
    }
    if (nodes.isEmpty() && bad.size() == before) {
      bad.add(new Problem(o, "nodes", "an episode needs at least one node"));
    }
    String toward = DatedRows.cell(rec, "toward");
    if (!toward.isEmpty() && !countries.contains(toward)) {
      bad.add(
          new Problem(o, "toward", "country '" + toward + "' has no node in the network (ISO 2)"));
    }
    Optional<LocalDate> from = DatedRows.date(rec, "valid_from", o, bad);
    Optional<LocalDate> to = DatedRows.date(rec, "valid_to", o, bad);
    DatedRows.checkPeriod(from, to, o, bad);
    Kind kind = null;
    try {
      kind = Kind.valueOf(DatedRows.cell(rec, "kind").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      bad.add(
          new Problem(
              o,
              "kind",
              "expected closure or congestion, found '" + DatedRows.cell(rec, "kind") + "'"));
    }
    double delay = days(rec, "delay_days", o, bad);
    double sd = days(rec, "delay_sd_days", o, bad);
    if (kind == Kind.CONGESTION && !(delay > 0)) {
      bad.add(new Problem(o, "delay_days", "a congestion needs a delay above 0 days"));
    }
    if (kind == Kind.CLOSURE && delay > 0) {
      bad.add(
          new Problem(
              o, "delay_days", "a closure holds trains until it ends; leave the delay empty"));
    }
    String evidence = DatedRows.cell(rec, "evidence");
    if (!evidence.equals("observed") && !evidence.equals("estimate")) {
      bad.add(
          new Problem(o, "evidence", "expected observed or estimate, found '" + evidence + "'"));
    }
    String source = DatedRows.cell(rec, "source");
    DatedRows.checkSource(source, "episode", sourceIds, o, bad);
    if (bad.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Episode(
            id,
            DatedRows.cell(rec, "name"),
            nodes,
            toward.isEmpty() ? Optional.empty() : Optional.of(toward),
            from.orElseThrow(),
            to.orElseThrow(),
            kind,
            Math.round(Math.max(0, delay) * DAY_S),
            Math.round(Math.max(0, sd) * DAY_S),
            evidence,
            source,
            DatedRows.cell(rec, "notes")));
  }

  /** A non-negative number of days, 0 when the cell is empty; NaN after adding a problem. */
  private static double days(CSVRecord rec, String column, Origin o, List<Problem> bad) {
    String s = DatedRows.cell(rec, column);
    if (s.isEmpty()) {
      return 0;
    }
    try {
      double d = Double.parseDouble(s);
      if (d >= 0 && d <= 365) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    bad.add(new Problem(o, column, "expected days in [0, 365], found '" + s + "'"));
    return Double.NaN;
  }

  /**
   * The episodes compiled for one network's node indices: the search and the simulation ask {@link
   * #release_s} at every node they pass, so a node without episodes answers from one array read.
   */
  public Compiled compile(Network network) {
    int n = network.nodeCount();
    int[] first = new int[n + 1];
    List<int[]> pairs = new ArrayList<>(); // {node, episode}
    for (int e = 0; e < episodes.size(); e++) {
      for (String id : episodes.get(e).nodes()) {
        int v = network.findNode(id).orElse(-1);
        if (v >= 0) {
          pairs.add(new int[] {v, e});
        }
      }
    }
    pairs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    int[] ep = new int[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      first[pairs.get(i)[0] + 1]++;
      ep[i] = pairs.get(i)[1];
    }
    for (int v = 0; v < n; v++) {
      first[v + 1] += first[v];
    }
    int m = episodes.size();
    long[] start = new long[m];
    long[] end = new long[m];
    long[] delay = new long[m];
    long[] var = new long[m];
    int[] toward = new int[m];
    Kind[] kinds = new Kind[m];
    for (int e = 0; e < m; e++) {
      Episode x = episodes.get(e);
      start[e] = x.start_s();
      end[e] = x.end_s();
      delay[e] = x.delay_s();
      var[e] = x.delaySd_s() * x.delaySd_s();
      toward[e] = x.toward().map(c -> network.findCountry(c).orElse(-2)).orElse(-1);
      kinds[e] = x.kind();
    }
    return new Compiled(network, first, ep, start, end, delay, var, toward, kinds);
  }

  /** Episodes by node index; immutable. */
  public static final class Compiled {
    private final Network network;
    private final int[] first;
    private final int[] episode;
    private final long[] start;
    private final long[] end;
    private final long[] delay;
    private final long[] var;
    private final int[] toward;
    private final Kind[] kind;

    private Compiled(
        Network network,
        int[] first,
        int[] episode,
        long[] start,
        long[] end,
        long[] delay,
        long[] var,
        int[] toward,
        Kind[] kind) {
      this.network = network;
      this.first = first;
      this.episode = episode;
      this.start = start;
      this.end = end;
      this.delay = delay;
      this.var = var;
      this.toward = toward;
      this.kind = kind;
    }

    /** True when some episode names {@code node}. */
    public boolean any(int node) {
      return node + 1 < first.length && first[node + 1] > first[node];
    }

    /**
     * When a train that reaches {@code node} at {@code t} and leaves it for {@code next} may go on:
     * the latest release of the episodes there that hold a train bound that way.
     */
    public long release_s(int node, int next, long t) {
      if (!any(node)) {
        return t;
      }
      long r = t;
      for (int i = first[node]; i < first[node + 1]; i++) {
        int e = episode[i];
        if (bound(e, next)) {
          r = Math.max(r, Episodes.release_s(kind[e], start[e], end[e], delay[e], t));
        }
      }
      return r;
    }

    /** The variance the episodes that hold such a train at {@code t} add, seconds squared. */
    public long variance_s2(int node, int next, long t) {
      if (!any(node)) {
        return 0;
      }
      long v = 0;
      for (int i = first[node]; i < first[node + 1]; i++) {
        int e = episode[i];
        if (bound(e, next) && Episodes.release_s(kind[e], start[e], end[e], delay[e], t) > t) {
          v += var[e];
        }
      }
      return v;
    }

    /**
     * True when episode {@code e} (an index into {@link Episodes#episodes}) holds a train that
     * leaves its node for node {@code next}: it has no {@code toward}, or {@code next} is in that
     * country: {@link Episode#holdsToward} on node and country indices, which the search and the
     * simulation (per leg and gate) ask.
     */
    public boolean bound(int e, int next) {
      return toward[e] == -1 || (next >= 0 && network.nodeCountry(next) == toward[e]);
    }

    /** Ids of the episodes of {@code all} compiled here that name {@code node}, for reports. */
    public int[] episodesAt(int node) {
      return any(node) ? Arrays.copyOfRange(episode, first[node], first[node + 1]) : new int[0];
    }
  }
}
