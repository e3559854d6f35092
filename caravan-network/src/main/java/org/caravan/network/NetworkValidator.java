package org.caravan.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link NetworkSpec} before it is compiled: references resolve, values are in range,
 * every number is cited, link countries match their ends, and every node can be reached from and
 * can reach the rest. Each problem names the file, line and field it comes from.
 */
final class NetworkValidator {
  /**
   * Most departures a frequency service may have: one a minute (a period must be whole seconds).
   */
  static final int MAX_DEPARTURES_PER_WEEK = 7 * 24 * 60;

  private static final Pattern NODE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final String ISO_COUNTRY = "an ISO 3166-1 alpha-2 code";
  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern WEEKLY =
      Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]\\d|2[0-3]):([0-5]\\d)");
  private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  private final NetworkSpec spec;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, NodeSpec> nodes = new HashMap<>();
  private final Set<String> sourceIds = new HashSet<>();
  private final Map<String, LinkSpec> links = new HashMap<>();

  NetworkValidator(NetworkSpec spec) {
    this.spec = spec;
  }

  List<Problem> validate() {
    spec.sources().forEach(s -> sourceIds.add(s.id()));
    spec.nodes().forEach(n -> nodes.put(n.id(), n));
    spec.links().forEach(l -> links.put(l.id(), l));
    spec.nodes().forEach(this::checkNode);
    spec.links().forEach(this::checkLink);
    spec.transfers().forEach(this::checkTransfer);
    spec.services().forEach(this::checkService);
    if (problems.isEmpty()) {
      checkCountryCount();
      checkReachability();
    }
    return problems;
  }

  private void problem(String table, String id, String field, String message) {
    problems.add(new Problem(spec.origin(table, id, field), field, message));
  }

  /** Reports a link whose country list lacks the country of its {@code which} node. */
  private void endInCountries(String table, LinkSpec l, NodeSpec end, String which) {
    if (end != null && !l.countries().contains(end.country())) {
      problem(
          table,
          l.id(),
          "countries",
          "countries "
              + l.countries()
              + " do not include "
              + end.country()
              + ", the country of its "
              + which
              + " node "
              + end.id());
    }
  }

  /** Reports {@code value} unless it has the form {@code pattern}, which {@code expected} names. */
  private void form(
      String table, String id, String field, String value, Pattern pattern, String expected) {
    if (!pattern.matcher(value).matches()) {
      problem(table, id, field, "'" + value + "' is not " + expected);
    }
  }

  private void checkNode(NodeSpec n) {
    String t = "nodes";
    form(
        t,
        n.id(),
        "id",
        n.id(),
        NODE_ID,
        "a valid node id (UN/LOCODE without space such as KZAAU, or CC-NAME with A-Z, 0-9 and '-')");
    form(t, n.id(), "country", n.country(), COUNTRY, ISO_COUNTRY);
    if (!(n.lat() >= -90 && n.lat() <= 90)) {
      problem(t, n.id(), "lat", "latitude " + n.lat() + " is outside [-90, 90]");
    }
    if (!(n.lon() >= -180 && n.lon() <= 180)) {
      problem(t, n.id(), "lon", "longitude " + n.lon() + " is outside [-180, 180]");
    }
    nonNegative(t, n.id(), "dwell_h", n.dwell_h());
    nonNegative(t, n.id(), "dwell_sd_h", n.dwell_sd_h());
    nonNegative(t, n.id(), "dwell_out_h", n.dwell_out_h());
    nonNegative(t, n.id(), "dwell_out_sd_h", n.dwell_out_sd_h());
    nonNegative(t, n.id(), "handling_h", n.handling_h());
    nonNegative(t, n.id(), "handling_usd_teu", n.handling_usd_teu());
    positive(t, n.id(), "capacity_teu_day", n.capacity_teu_day());
    cited(t, n.id(), n.sources(), n.citedValues());
  }

  private void checkLink(LinkSpec l) {
    String t = "links";
    form(t, l.id(), "id", l.id(), SLUG, "a valid link id (letters, digits, '-', '_', '.')");
    NodeSpec from = nodes.get(l.from());
    NodeSpec to = nodes.get(l.to());
    if (from == null) {
      problem(t, l.id(), "from", "unknown node '" + l.from() + "' (not in nodes.csv)");
    }
    if (to == null) {
      problem(t, l.id(), "to", "unknown node '" + l.to() + "' (not in nodes.csv)");
    }
    if (l.from().equals(l.to())) {
      problem(t, l.id(), "to", "a link must join two different nodes");
    }
    if (!(l.distance_km() > 0)) {
      problem(t, l.id(), "distance_km", "distance must be positive, found " + l.distance_km());
    }
    if (!(l.duration_h() > 0)) {
      problem(t, l.id(), "duration_h", "duration must be positive, found " + l.duration_h());
    }
    nonNegative(t, l.id(), "duration_sd_h", l.duration_sd_h());
    nonNegative(t, l.id(), "tariff_usd_teu", l.tariff_usd_teu());
    positive(t, l.id(), "capacity_teu_day", l.capacity_teu_day());
    boolean railLike =
        l.mode() == Mode.RAIL || (l.mode() == Mode.FERRY && l.ferryType().equals("rail"));
    if (l.mode() == Mode.RAIL
        && l.gauge_mm() != 1520
        && l.gauge_mm() != 1435
        && l.gauge_mm() != 1668) {
      problem(
          t,
          l.id(),
          "gauge",
          "a rail link needs gauge 1520, 1435 or 1668, found "
              + (l.gauge_mm() == 0 ? "nothing" : l.gauge_mm()));
    } else if (!railLike && l.gauge_mm() != 0) {
      problem(t, l.id(), "gauge", "only rail links and rail ferries have a gauge");
    }
    if (!l.track().isEmpty() && !l.track().equals("single") && !l.track().equals("double")) {
      problem(t, l.id(), "track", "expected single or double, found '" + l.track() + "'");
    }
    if (!l.ferryType().isEmpty()
        && !l.ferryType().equals("rail")
        && !l.ferryType().equals("roro")) {
      problem(t, l.id(), "ferry_type", "expected rail or roro, found '" + l.ferryType() + "'");
    }
    form(t, l.id(), "toc", l.toc(), SLUG, "a valid transport operation category id");
    for (String c : l.countries()) {
      form(t, l.id(), "countries", c, COUNTRY, ISO_COUNTRY);
    }
    endInCountries(t, l, from, "start");
    endInCountries(t, l, to, "end");
    for (String p : l.passages()) {
      if (Passage.parse(p).isEmpty()) {
        problem(
            t,
            l.id(),
            "passages",
            "unknown passage '"
                + p
                + "'; expected one of "
                + Arrays.stream(Passage.values()).map(Passage::code).toList());
      }
    }
    if (l.status() == Status.OPERATIONAL
        && ((from != null && from.status() == Status.PLANNED)
            || (to != null && to.status() == Status.PLANNED))) {
      problem(
          t,
          l.id(),
          "status",
          "an operational link cannot end at a planned node; mark the link planned too");
    }
    if (!l.service().isEmpty()
        && spec.services().stream().noneMatch(s -> s.id().equals(l.service()))) {
      problem(t, l.id(), "service", "unknown service '" + l.service() + "' (not in services.csv)");
    }
    cited(t, l.id(), l.sources(), l.citedValues());
  }

  private void checkTransfer(TransferSpec tr) {
    String t = "transfers";
    String id = tr.key();
    if (!nodes.containsKey(tr.node())) {
      problem(t, id, "node", "unknown node '" + tr.node() + "' (not in nodes.csv)");
    }
    if (tr.fromClass() == tr.toClass() && tr.fromClass() != CarrierClass.SEA) {
      problem(
          t,
          id,
          "to_class",
          "a transfer joins two different carrier classes (or sea to sea: a transshipment)");
    }
    nonNegative(t, id, "time_h", tr.time_h());
    nonNegative(t, id, "cost_usd_teu", tr.cost_usd_teu());
    cited(t, id, tr.sources(), tr.citedValues());
  }

  private void checkService(ServiceSpec s) {
    String t = "services";
    if (!links.containsKey(s.link())) {
      problem(t, s.id(), "link", "unknown link '" + s.link() + "' (not in links.csv)");
    }
    switch (s.kind()) {
      case "frequency" -> {
        if (!(s.departures_per_week() > 0 && s.departures_per_week() <= MAX_DEPARTURES_PER_WEEK)) {
          problem(
              t,
              s.id(),
              "departures_per_week",
              "a frequency service needs departures_per_week > 0 and at most "
                  + MAX_DEPARTURES_PER_WEEK
                  + " (one a minute)");
        }
        if (!Double.isNaN(s.first_departure_h())
            && !(s.first_departure_h() >= 0 && s.first_departure_h() < 168)) {
          problem(
              t, s.id(), "first_departure_h", "must be in [0, 168) hours after Monday 00:00 UTC");
        }
      }
      case "timetable" -> {
        if (s.timetable().isEmpty()) {
          problem(
              t,
              s.id(),
              "timetable",
              "a timetable service needs departures such as 'Mon 18:00;Thu 06:00'");
        }
        for (String e : s.timetable()) {
          if (parseWeekly(e).isEmpty()) {
            problem(
                t,
                s.id(),
                "timetable",
                "'" + e + "' is not a weekly departure such as 'Mon 18:00'");
          }
        }
      }
      default ->
          problem(
              t,
              s.id(),
              "kind",
              "unknown value '" + s.kind() + "'; expected frequency or timetable");
    }
    positive(t, s.id(), "capacity_teu", s.capacity_teu());
    cited(t, s.id(), s.sources(), s.citedValues());
  }

  /** Seconds after Monday 00:00 of a {@code Mon 18:00} item. */
  static OptionalInt parseWeekly(String item) {
    var m = WEEKLY.matcher(item.trim());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        DAYS.indexOf(m.group(1)) * 86_400
            + Integer.parseInt(m.group(2)) * 3600
            + Integer.parseInt(m.group(3)) * 60);
  }

  /** Every given value of a row is cited, and the row names only known sources. */
  private void cited(
      String table, String id, Map<String, String> sources, List<CitedValue> values) {
    for (CitedValue v : values) {
      cited(table, id, sources, v.field(), v.group(), v.value());
    }
    knownSources(table, id, sources);
  }

  /**
   * A value that is given must be cited: by its group's source column or by the row's {@code
   * source}.
   */
  private void cited(
      String table,
      String id,
      Map<String, String> sources,
      String field,
      String group,
      double value) {
    if (Double.isNaN(value)) {
      return;
    }
    String text = sources.getOrDefault(group, sources.getOrDefault("", ""));
    if (text.isEmpty()) {
      problem(
          table,
          id,
          field,
          "value has no source: fill 'source' or '"
              + group
              + "_source' (a source id from sources.csv, or EST for an estimate)");
    }
  }

  /** Every id in every source column must be defined in sources.csv. */
  private void knownSources(String table, String id, Map<String, String> sources) {
    for (var e : sources.entrySet()) {
      String column = e.getKey().isEmpty() ? "source" : e.getKey() + "_source";
      for (String sid : e.getValue().split("\\+")) {
        String s = sid.trim();
        if (!sourceIds.contains(s)) {
          problem(table, id, column, "unknown source id '" + s + "' (not in sources.csv)");
        }
      }
    }
  }

  private void nonNegative(String table, String id, String field, double v) {
    if (!Double.isNaN(v) && v < 0) {
      problem(table, id, field, "must not be negative, found " + v);
    }
  }

  private void positive(String table, String id, String field, double v) {
    if (!Double.isNaN(v) && v <= 0) {
      problem(table, id, field, "must be positive, found " + v);
    }
  }

  private void checkCountryCount() {
    Set<String> all = new HashSet<>();
    spec.nodes().forEach(n -> all.add(n.country()));
    spec.links().forEach(l -> all.addAll(l.countries()));
    if (all.size() > 64) {
      problems.add(
          new Problem(
              Origin.UNKNOWN,
              "country",
              "at most 64 countries are supported, found " + all.size()));
    }
  }

  /**
   * Every node must reach, and be reached from, the node with the most links: a node outside that
   * strongly connected component could never be both an origin and a destination.
   */
  private void checkReachability() {
    int n = spec.nodes().size();
    if (n == 0) {
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(spec.nodes().get(i).id(), i);
    }
    // directed edges as two int arrays, then CSR both ways (count and prefix sum)
    int m = 0;
    for (LinkSpec l : spec.links()) {
      m += l.directed() ? 1 : 2;
    }
    int[] from = new int[m];
    int[] to = new int[m];
    int[] degree = new int[n];
    int k = 0;
    for (LinkSpec l : spec.links()) {
      int a = index.get(l.from());
      int b = index.get(l.to());
      degree[a]++;
      degree[b]++;
      from[k] = a;
      to[k++] = b;
      if (!l.directed()) {
        from[k] = b;
        to[k++] = a;
      }
    }
    int hub = 0;
    for (int i = 1; i < n; i++) {
      if (degree[i] > degree[hub]) {
        hub = i;
      }
    }
    boolean[] fwd = reach(hub, from, to, n);
    boolean[] bwd = reach(hub, to, from, n);
    String hubId = spec.nodes().get(hub).id();
    for (int i = 0; i < n; i++) {
      String id = spec.nodes().get(i).id();
      String why;
      if (!fwd[i] && !bwd[i]) {
        why = "is unreachable: no links join it to the rest of the network (e.g. " + hubId + ")";
      } else if (!fwd[i]) {
        why = "cannot be reached from " + hubId + " (check the direction of its links)";
      } else if (!bwd[i]) {
        why = "cannot reach " + hubId + " (check the direction of its links)";
      } else {
        continue;
      }
      problem("nodes", id, "id", "node " + id + " " + why);
    }
  }

  /**
   * Nodes reachable from {@code start} along edges {@code tail[e] -> head[e]} (breadth first over
   * CSR).
   */
  private static boolean[] reach(int start, int[] tail, int[] head, int n) {
    int[] first = new int[n + 1];
    for (int t : tail) {
      first[t + 1]++;
    }
    for (int i = 0; i < n; i++) {
      first[i + 1] += first[i];
    }
    int[] adj = new int[tail.length];
    int[] fill = java.util.Arrays.copyOf(first, n);
    for (int e = 0; e < tail.length; e++) {
      adj[fill[tail[e]]++] = head[e];
    }
    boolean[] seen = new boolean[n];
    int[] queue = new int[n];
    int qh = 0;
    int qt = 0;
    seen[start] = true;
    queue[qt++] = start;
    while (qh < qt) {
      int v = queue[qh++];
      for (int i = first[v]; i < first[v + 1]; i++) {
        if (!seen[adj[i]]) {
          seen[adj[i]] = true;
          queue[qt++] = adj[i];
        }
      }
    }
    return seen;
  }
}
