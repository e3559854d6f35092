package org.caravan.scenario.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Season;
import org.caravan.routing.ExpectedWaits;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.ResolvedScenario;
import org.caravan.scenario.sim.ResolvedScenario.CrossingChange;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.scenario.sim.Wagonload;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;

/**
 * The waits the simulation measured, as the router reads them ({@link ExpectedWaits}): one row per
 * resource with its mean and spread, written from a run of the calibrated default scenario ({@code
 * data/validation/waits.csv}, generating command in its header) and read when the network is
 * opened.
 *
 * <ul>
 *   <li>{@code pass}: a border or gauge-change gate; mean = queue before the gate + dwell; the
 *       router uses it instead of the node's {@code dwell_h};
 *   <li>{@code exit}: the same for trains leaving the country by a border with an outbound stop of
 *       its own ({@code dwell_out_h}, {@link org.caravan.network.Network#outbound}); written only
 *       when a simulated flow leaves that way (the default scenario's flows are all westbound, so
 *       eastbound routes take the network's outbound stop);
 *   <li>{@code board}: forming a block train at a node, per destination and corridor (the
 *       simulation forms one train per remaining path, so the Northern and the Middle Corridor
 *       trains from Xi'an to Duisburg are two trains with two waits), plus unit-weighted averages
 *       over the corridors (destination given, corridor empty) and over the destinations leaving
 *       the node (both empty) for a router that does not know the corridor;
 *   <li>{@code departure}: waiting for a vessel of a crossing (yard) plus the vessel's waits for a
 *       berth at both ends; the router uses it instead of the timetable wait;
 *   <li>{@code wagonload}: the wagon-group marshalling of the wagonload flows leaving a node
 *       ({@link org.caravan.scenario.sim.Wagonload}), in hours per 1,000 km of their first rail
 *       section (so {@code mean_h} and {@code sd_h} are per 1,000 km here): the unit-weighted mean
 *       of the flows' measured marshalling over their sections' lengths; the router adds it per km
 *       of its first rail leg to cargo that boards there, and at the other stations of the country
 *       (not its borders) the mean of the country's rows.
 * </ul>
 *
 * Spread: the dwell's own standard deviation for the dwell part; for queueing parts the simulation
 * keeps only means per resource, so their standard deviation is taken equal to the mean (an
 * exponential wait, the usual heavy-traffic approximation, Kingman 1961) — an estimate, said so in
 * the file.
 */
public final class WaitTable {
  /** The built-in table, packed from {@code data/validation/waits.csv}. */
  public static final String RESOURCE = "/org/caravan/scenario/validation/waits.csv";

  /** The {@code season} column of the rows for the whole year (else a {@link Season} code). */
  static final String ALL = "all";

  /** Columns of the file. */
  public static final List<String> COLUMNS =
      List.of(
          "kind",
          "node",
          "link",
          "destination",
          "corridor",
          "season",
          "mean_h",
          "sd_h",
          "resource");

  /**
   * One row.
   *
   * @param destination for {@code board}: the cargo's destination (block trains form per
   *     destination), or empty for the average over all destinations leaving the node
   * @param corridor for {@code board}: the corridor label of the train (a flow's corridor), or
   *     empty for the average over the corridors
   */
  public record Row(
      String kind,
      String node,
      String link,
      String destination,
      String corridor,
      String season,
      double mean_h,
      double sd_h,
      String resource) {}

  private WaitTable() {}

  /**
   * A formation pool of the simulation by its resource label ({@code <node>><next>:rail to
   * <destination> on <corridor>}, a {@code #n} suffix telling apart pools of the same name).
   */
  record FormationPool(String node, String destination, String corridor) {
    static FormationPool parse(String label) {
      String s = label.replaceFirst(" #\\d+$", "");
      int on = s.lastIndexOf(" on ");
      int to = s.lastIndexOf(" to ", on);
      return new FormationPool(
          s.substring(0, s.indexOf('>')), s.substring(to + 4, on), s.substring(on + 4));
    }
  }

  /**
   * The rows measured by a run, plus for every crossing the scenario names that carried nothing its
   * zero-load wait: half the longer of the timetable and the vessel headway (round trip / fleet),
   * so the router does not see an idle one-vessel line as free; and for every border the scenario
   * names that no train crossed, its dwell (a calibrated Altynkol dwell reaches the router even
   * when the simulated trains all cross at Dostyk). Deterministic order (the model's resource
   * order).
   */
  /** The row kind of a border gate's passage: {@code exit} leaving outbound, else {@code pass}. */
  static String passKind(CorridorSpec.Gate g) {
    return g.kind() == CorridorSpec.GateKind.EXIT ? "exit" : "pass";
  }

  public static List<Row> measure(SimulationService.Run run, Network network) {
    CorridorResult r = run.result();
    CorridorSpec spec = run.model().spec();
    List<Row> rows = new ArrayList<>();
    for (CorridorSpec.Gate g : spec.gates()) {
      if (!g.kind().border()) {
        continue;
      }
      double q = mean(r, "resource.border." + g.id() + ".mean_wait_h");
      double dwell = g.delayMean_s() / 3600;
      double sd = Math.sqrt(Math.pow(g.delaySd_s() / 3600, 2) + q * q);
      rows.add(new Row(passKind(g), g.node(), "", "", "", ALL, q + dwell, sd, "border " + g.id()));
    }
    rows.addAll(boardRows(pools(r), ALL));
    rows.addAll(wagonloadRows(run, network));
    for (CorridorSpec.Crossing x : spec.crossings()) {
      if (mean(r, "resource.fleet." + x.id() + ".utilisation") <= 0) {
        continue;
      }
      String from = spec.ports().get(x.fromPort()).node();
      String link = crossingLink(x);
      DepartureWait w = departureWait(r, spec, x, network);
      double m = w.total_h();
      rows.add(
          new Row(
              "departure",
              from,
              link,
              "",
              "",
              ALL,
              m,
              Math.max(w.queue_h(), x.handlingSd_s() / 3600),
              "yard + berths + vessel handling of " + x.id()));
    }
    // A border the scenario names that no simulated train crossed: its dwell at zero load (the
    // scenario's value, else the network's), so a calibrated dwell reaches the router there too.
    Map<String, ResolvedScenario.Border> borders = run.scenario().model().capacities().borders();
    for (String id : borders.keySet().stream().sorted().toList()) {
      OptionalInt node = network.findNode(id);
      boolean measured =
          rows.stream().anyMatch(w -> w.kind().equals("pass") && w.node().equals(id));
      if (measured || node.isEmpty()) {
        continue;
      }
      ResolvedScenario.Border b = borders.get(id);
      double dwell = b.dwell_s().orElse(network.dwell_s(node.getAsInt())) / 3600;
      double sd = b.dwellSd_s().orElse(network.dwellSd_s(node.getAsInt())) / 3600;
      rows.add(
          new Row("pass", id, "", "", "", ALL, dwell, sd, "zero-load estimate for border " + id));
    }
    Map<String, CrossingChange> changes = run.scenario().model().capacities().crossings();
    for (CrossingChange c : changes.keySet().stream().sorted().map(changes::get).toList()) {
      boolean measured =
          rows.stream().anyMatch(w -> w.kind().equals("departure") && w.link().equals(c.link()));
      Optional<Integer> l = linkIndex(network, c.link());
      if (measured || l.isEmpty()) {
        continue;
      }
      int li = l.get();
      double sail = c.sail_s().orElse(network.duration_s(li)) / 3600.0;
      double handling = c.handling_s().orElse(ModelBuilder.DEFAULT_HANDLING_H * 3600) / 3600.0;
      int fleet = c.fleet().orElse(1);
      double timetable = c.timetable_s().orElse(0) / 3600.0;
      double headway = (2 * sail + 2 * handling) / fleet;
      double m = Math.max(timetable, headway) / 2;
      rows.add(
          new Row(
              "departure",
              network.nodeId(network.linkFrom(li)),
              c.link(),
              "",
              "",
              ALL,
              m,
              m,
              "zero-load estimate for " + c.link() + " (fleet " + fleet + ")"));
    }
    rows.addAll(SeasonalWaits.measure(r, spec, network));
    return rows;
  }

  /**
   * The {@code wagonload} rows: per origin node, the unit-weighted mean of its wagonload flows'
   * measured marshalling per 1,000 km of their first rail section, and its spread ({@link
   * org.caravan.scenario.sim.Wagonload#SD_SHARE} of the mean, as the simulation draws it).
   */
  static List<Row> wagonloadRows(SimulationService.Run run, Network network) {
    CorridorResult r = run.result();
    CorridorSpec spec = run.model().spec();
    Map<String, double[]> byNode = new LinkedHashMap<>();
    List<org.caravan.routing.Route> plans = run.model().plans();
    for (int f = 0; f < spec.flows().size() && f < plans.size(); f++) {
      CorridorSpec.Flow fl = spec.flows().get(f);
      if (!fl.wagonload()) {
        continue;
      }
      String res = "resource.marshalling." + fl.marshallingId();
      double perUnit_h = mean(r, res + ".mean_wait_h");
      double unitHours = mean(r, res + ".wait_unit_hours_per_year");
      long length_m = Wagonload.firstSection(network, plans.get(f)).length_m();
      if (perUnit_h <= 0 || length_m <= 0) {
        continue;
      }
      double units = unitHours / perUnit_h;
      double[] acc = byNode.computeIfAbsent(fl.from(), x -> new double[2]);
      acc[0] += perUnit_h / (length_m / 1e6) * units;
      acc[1] += units;
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : byNode.entrySet()) {
      double rate = e.getValue()[0] / e.getValue()[1];
      rows.add(
          new Row(
              "wagonload",
              e.getKey(),
              "",
              "",
              "",
              ALL,
              rate,
              rate * Wagonload.SD_SHARE,
              "wagon-group marshalling from "
                  + e.getKey()
                  + ", hours per 1000 km of the first rail leg"));
    }
    return rows;
  }

  /** One formation pool's mean wait per unit and the units it formed into trains. */
  record PoolWait(FormationPool pool, double mean_h, double units) {}

  /**
   * The formation pools of a run that made anyone wait: mean wait per unit and units per year (from
   * the pool's unit-hours of waiting per year and its mean wait).
   */
  static List<PoolWait> pools(CorridorResult r) {
    List<PoolWait> pools = new ArrayList<>();
    for (KpiStat k : r.kpis()) {
      String n = k.name();
      if (n.startsWith("resource.formation.") && n.endsWith(".wait_unit_hours_per_year")) {
        String res =
            n.substring(
                "resource.formation.".length(), n.length() - ".wait_unit_hours_per_year".length());
        double perUnit = mean(r, "resource.formation." + res + ".mean_wait_h");
        if (perUnit > 0) {
          pools.add(new PoolWait(FormationPool.parse(res), perUnit, k.mean() / perUnit));
        }
      }
    }
    return pools;
  }

  /**
   * The {@code board} rows of one season (or of the year, {@value #ALL}): per node, per node and
   * destination, per node, destination and corridor, each the unit-weighted mean wait of its pools.
   */
  static List<Row> boardRows(List<PoolWait> pools, String season) {
    Map<String, double[]> node = new LinkedHashMap<>();
    Map<String, double[]> to = new LinkedHashMap<>();
    Map<String, double[]> on = new LinkedHashMap<>();
    for (PoolWait w : pools) {
      FormationPool p = w.pool();
      for (double[] acc :
          List.of(
              node.computeIfAbsent(p.node(), x -> new double[2]),
              to.computeIfAbsent(p.node() + "|" + p.destination(), x -> new double[2]),
              on.computeIfAbsent(
                  p.node() + "|" + p.destination() + "|" + p.corridor(), x -> new double[2]))) {
        acc[0] += w.mean_h() * w.units();
        acc[1] += w.units();
      }
    }
    String tail = season.equals(ALL) ? "" : ", " + season;
    List<Row> rows = new ArrayList<>();
    for (Map<String, double[]> level : List.of(node, to, on)) {
      for (Map.Entry<String, double[]> e : level.entrySet()) {
        String[] k = e.getKey().split("\\|", -1);
        double m = e.getValue()[1] > 0 ? e.getValue()[0] / e.getValue()[1] : 0;
        String label =
            switch (k.length) {
              case 1 -> "formation at " + k[0] + ", all destinations";
              case 2 -> "formation at " + k[0] + " to " + k[1] + " (all corridors)";
              default -> "formation at " + k[0] + " to " + k[1] + " on " + k[2];
            };
        rows.add(
            new Row(
                "board",
                k[0],
                "",
                k.length > 1 ? k[1] : "",
                k.length > 2 ? k[2] : "",
                season,
                m,
                m,
                label + tail));
      }
    }
    return rows;
  }

  /**
   * The router's transfer from the crossing's carrier to rail at the arrival port, hours (0 if
   * none).
   */
  private static double arrivalLift_h(Network network, String from, String link, String to) {
    int v = network.getNode(to);
    for (int i = network.firstOut(network.getNode(from));
        i < network.endOut(network.getNode(from));
        i++) {
      int l = network.outLink(i);
      if (network.link(l).id().equals(link)) {
        for (int j = network.firstOut(v); j < network.endOut(v); j++) {
          int r = network.outLink(j);
          if (network.linkMode(r) == Mode.RAIL) {
            int t = network.transfer_s(v, network.linkClass(l), network.linkClass(r));
            return t < 0 ? 0 : t / 3600.0;
          }
        }
      }
    }
    return 0;
  }

  /** The network link id a crossing sails ({@code KZAAU-AZ-ALAT-ferry[KZAAU>AZ-ALAT]}). */
  static String crossingLink(CorridorSpec.Crossing x) {
    return x.id().substring(0, x.id().indexOf('['));
  }

  /** The forward index of the network link with this id. */
  static Optional<Integer> linkIndex(Network network, String id) {
    for (int l = 0; l < network.linkCount(); l++) {
      if (!network.isReverse(l) && network.link(l).id().equals(id)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The file text: a header naming how it was made, then the rows. */
  public static String csv(List<Row> rows, String header) {
    StringBuilder sb = new StringBuilder();
    for (String line : header.split("\n")) {
      sb.append("# ").append(line).append('\n');
    }
    sb.append(String.join(",", COLUMNS)).append('\n');
    for (Row w : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%s,%s,%s,%s,%.2f,%.2f,%s%n",
              w.kind(),
              w.node(),
              w.link(),
              w.destination(),
              w.corridor(),
              w.season(),
              w.mean_h(),
              w.sd_h(),
              w.resource()));
    }
    return sb.toString();
  }

  /** The built-in table as the router reads it without a corridor, if the build packed one. */
  public static Optional<ExpectedWaits> loadDefault(Network network) {
    return defaultRows().map(rows -> waits(rows, network));
  }

  /** The rows of the built-in table, if the build packed one. */
  public static Optional<List<Row>> defaultRows() {
    try (InputStream in = WaitTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(read(new InputStreamReader(in, StandardCharsets.UTF_8), "waits.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table; comment lines start with {@code #}. Errors name the file, line and field. */
  public static List<Row> read(Reader reader, String name) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(reader, format)) {
      if (!p.getHeaderNames().equals(COLUMNS)) {
        throw new UserException("waits", name + ": header must be " + String.join(",", COLUMNS));
      }
      for (CSVRecord c : p) {
        int line = (int) c.getParser().getCurrentLineNumber();
        String kind = c.get("kind");
        if (!List.of("pass", "exit", "board", "departure", "wagonload").contains(kind)) {
          throw new UserException(
              "kind", name + ":" + line + ": field 'kind': unknown kind '" + kind + "'");
        }
        String season = c.get("season");
        if (!season.equals(ALL) && Season.parse(season).isEmpty()) {
          throw new UserException(
              "season",
              name
                  + ":"
                  + line
                  + ": field 'season': unknown season '"
                  + season
                  + "' (all, winter, spring, summer or autumn)");
        }
        rows.add(
            new Row(
                kind,
                c.get("node"),
                c.get("link"),
                c.get("destination"),
                c.get("corridor"),
                season,
                number(c, "mean_h", name, line),
                number(c, "sd_h", name, line),
                c.get("resource")));
      }
    }
    return rows;
  }

  private static double number(CSVRecord c, String field, String name, int line) {
    try {
      double d = Double.parseDouble(c.get(field));
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UserException(
          field,
          name + ":" + line + ": field '" + field + "': not a number >= 0: '" + c.get(field) + "'");
    }
  }

  /**
   * The rows as arrays over the network's nodes and links, for a router that does not know the
   * corridor: formation waits averaged over the corridors. Rows naming unknown nodes or links are
   * skipped.
   */
  public static ExpectedWaits waits(List<Row> rows, Network network) {
    return waits(rows, network, "");
  }

  /**
   * The rows as the router reads them for cargo on {@code corridor} (a corridor label, empty for
   * none): a formation wait of that corridor replaces the average over the corridors for its node
   * and destination, so the router charges the train the simulation forms for the corridor.
   */
  public static ExpectedWaits waits(List<Row> rows, Network network, String corridor) {
    return WaitArrays.of(rows, network, corridor);
  }

  /**
   * The simulated wait for a crossing's sailing as a shipper sees it.
   *
   * @param queue_h the yard wait for a vessel and the berth waits at both ports
   * @param total_h from arrival at the port to the vessel's departure: the queue plus the time on
   *     board while the vessel loads and unloads, less the lift the router charges at the arrival
   *     port
   */
  record DepartureWait(double queue_h, double total_h) {}

  /**
   * The one home of the sailing-wait rule: the wait table's {@code departure} rows and the
   * validation's {@code wait_days} both use it.
   */
  static DepartureWait departureWait(
      CorridorResult r, CorridorSpec spec, CorridorSpec.Crossing x, Network network) {
    return departureWait(res -> mean(r, res + ".mean_wait_h"), spec, x, network);
  }

  /**
   * The same rule with each resource's mean wait read by {@code meanWait_h} (from the prefix of the
   * resource's KPIs, {@code resource.yard.<crossing>}, to hours): a season's waits use it.
   */
  static DepartureWait departureWait(
      ToDoubleFunction<String> meanWait_h,
      CorridorSpec spec,
      CorridorSpec.Crossing x,
      Network network) {
    String from = spec.ports().get(x.fromPort()).node();
    String to = spec.ports().get(x.toPort()).node();
    double queue =
        meanWait_h.applyAsDouble("resource.yard." + x.id())
            + meanWait_h.applyAsDouble("resource.berth." + from)
            + meanWait_h.applyAsDouble("resource.berth." + to);
    String link = crossingLink(x);
    // The simulation holds the cargo on board while the vessel loads and unloads; the router
    // charges the lift at the arrival port instead, so the difference belongs to the wait for the
    // sailing.
    double handling = 2 * x.handlingMean_s() / 3600 - arrivalLift_h(network, from, link, to);
    return new DepartureWait(queue, queue + Math.max(0, handling));
  }

  private static double mean(CorridorResult r, String kpi) {
    return r.kpi(kpi).map(KpiStat::mean).orElse(0.0);
  }
}
