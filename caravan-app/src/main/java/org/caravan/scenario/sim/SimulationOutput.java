package org.caravan.scenario.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.caravan.network.Episodes;
import org.caravan.network.io.SafeOutput;
import org.caravan.simulation.corridor.Bottleneck;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;
import org.caravan.simulation.corridor.Layout;

/**
 * Writes a run's result files: {@code summary.json}, {@code kpis.csv}, {@code transit.csv}, {@code
 * resources.csv}, {@code bottlenecks.csv}, {@code queues.csv}, {@code flows.csv} and {@code
 * replications.csv}. Everything is a function of the result (no clock, no host names), and numbers
 * are printed with fixed formats, so the same seed gives byte-identical files. Files are written to
 * a staging folder next to the target and moved into place at the end ({@link SafeOutput}), so a
 * failed run leaves no partial output and no user file is ever replaced. Stateless.
 */
public final class SimulationOutput {
  /** Names of the files written, in writing order. */
  public static final List<String> FILES =
      List.of(
          "summary.json",
          "kpis.csv",
          "transit.csv",
          "resources.csv",
          "bottlenecks.csv",
          "queues.csv",
          "flows.csv",
          "replications.csv");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SimulationOutput() {}

  /**
   * Writes all files into a new or empty folder {@code dir}; see {@link #write(SafeOutput.Folder,
   * Scenario, ModelBuilder.Built, CorridorResult)}.
   */
  public static void write(Path dir, Scenario sc, ModelBuilder.Built built, CorridorResult r) {
    write(SafeOutput.folder(dir, false, "{out}"), sc, built, r);
  }

  /**
   * Writes all files into the prepared target's staging folder and commits them (see {@link
   * SafeOutput}: a failed write leaves the target as it was and removes only the staging folder).
   */
  public static void write(
      SafeOutput.Folder out, Scenario sc, ModelBuilder.Built built, CorridorResult r) {
    Path tmp = out.staging();
    try {
      Files.writeString(
          tmp.resolve("summary.json"), summaryJson(sc, built, r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("kpis.csv"), kpisCsv(r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("transit.csv"), transitCsv(r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("resources.csv"), resourcesCsv(r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("bottlenecks.csv"), bottlenecksCsv(r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("queues.csv"), queuesCsv(r), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("flows.csv"), flowsCsv(built, r), StandardCharsets.UTF_8);
      Files.writeString(
          tmp.resolve("replications.csv"), replicationsCsv(r), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw new SafeOutput.OutputException(
          "{out}",
          "{out} "
              + out.target()
              + ": cannot write results ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
    out.commit();
  }

  /** The summary as JSON text (also what {@code caravan simulate --json} prints). */
  public static String summaryJson(Scenario sc, ModelBuilder.Built built, CorridorResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", sc.name());
    m.put("start_date", LocalDate.ofInstant(sc.start(), ZoneOffset.UTC).toString());
    m.put("warmup_days", sc.warmupDays());
    m.put("horizon_days", sc.horizonDays());
    m.put("replications", r.replications());
    m.put("seed", r.seed());
    Map<String, Object> cons = new LinkedHashMap<>();
    cons.put("units_created", r.unitsCreated());
    cons.put("units_delivered", r.unitsDelivered());
    cons.put("units_inside_at_end", r.unitsInside());
    cons.put("balanced", r.unitsCreated() == r.unitsDelivered() + r.unitsInside());
    m.put("conservation", cons);
    m.put("events", r.events());
    Map<String, Object> transit = new LinkedHashMap<>();
    transit.put("all", hist(r.allTransit()));
    List<String> cors = r.layout().corridors();
    for (int c = 0; c < cors.size(); c++) {
      transit.put(cors.get(c), hist(r.corridorTransit()[c]));
    }
    m.put("transit_days", transit);
    Map<String, Object> kpis = new LinkedHashMap<>();
    for (KpiStat k : r.kpis()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("mean", num(k.mean()));
      v.put("ci95", num(k.halfWidth95()));
      v.put("unit", k.unit());
      kpis.put(k.name(), v);
    }
    m.put("kpis", kpis);
    List<Object> bn = new ArrayList<>();
    for (Bottleneck b : r.bottlenecks().subList(0, Math.min(15, r.bottlenecks().size()))) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("rank", b.rank());
      v.put("kind", b.kind().code());
      v.put("id", b.id());
      v.put("share", num(b.share()));
      v.put("wait_unit_hours_per_year", num(b.waitUnitHoursPerYear()));
      v.put("utilisation", num(b.utilisation()));
      v.put("mean_wait_h", num(b.meanWait_h()));
      bn.add(v);
    }
    m.put("bottlenecks", bn);
    List<Object> fl = new ArrayList<>();
    for (ModelBuilder.FlowRoute f : built.routes()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("flow", f.flow());
      v.put("corridor", f.corridor());
      v.put("legs", f.legs());
      v.put("router_transit_days", num(f.routerTransitDays()));
      v.put("co2e_kg_per_unit", num(f.co2ePerUnit_g() / 1000));
      fl.add(v);
    }
    m.put("flows", fl);
    try {
      return JSON.writeValueAsString(m) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> hist(Histogram h) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("count", h.getTotalCount());
    if (h.getTotalCount() > 0) {
      v.put("p50", num(days(h.getValueAtPercentile(50))));
      v.put("p95", num(days(h.getValueAtPercentile(95))));
      v.put("max", num(days(h.getMaxValue())));
      v.put("mean", num(h.getMean() / 1440.0));
    }
    return v;
  }

  private static double days(long minutes) {
    return minutes / 1440.0;
  }

  /** A number rounded to 6 significant digits for output, or null for NaN. */
  private static Object num(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return null;
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros();
  }

  private static String f(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "";
    }
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  static String kpisCsv(CorridorResult r) {
    StringBuilder sb = new StringBuilder("kpi,unit,mean,ci95_half_width,sd,min,max,n\n");
    for (KpiStat k : r.kpis()) {
      sb.append(k.name())
          .append(',')
          .append(k.unit())
          .append(',')
          .append(f(k.mean()))
          .append(',')
          .append(f(k.halfWidth95()))
          .append(',')
          .append(f(k.sd()))
          .append(',')
          .append(f(k.min()))
          .append(',')
          .append(f(k.max()))
          .append(',')
          .append(k.n())
          .append('\n');
    }
    return sb.toString();
  }

  static String transitCsv(CorridorResult r) {
    StringBuilder sb =
        new StringBuilder(
            "group,name,count,p10_days,p50_days,p90_days,p95_days,p99_days,max_days,mean_days\n");
    row(sb, "all", "all", r.allTransit());
    List<String> cors = r.layout().corridors();
    for (int c = 0; c < cors.size(); c++) {
      row(sb, "corridor", cors.get(c), r.corridorTransit()[c]);
    }
    List<CorridorSpec.Flow> flows = r.layout().spec().flows();
    for (int i = 0; i < flows.size(); i++) {
      row(sb, "flow", flows.get(i).id(), r.flowTransit()[i]);
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String group, String name, Histogram h) {
    sb.append(group).append(',').append(name).append(',').append(h.getTotalCount());
    if (h.getTotalCount() == 0) {
      sb.append(",,,,,,,\n");
      return;
    }
    for (double p : new double[] {10, 50, 90, 95, 99}) {
      sb.append(',').append(f(days(h.getValueAtPercentile(p))));
    }
    sb.append(',')
        .append(f(days(h.getMaxValue())))
        .append(',')
        .append(f(h.getMean() / 1440.0))
        .append('\n');
  }

  static String resourcesCsv(CorridorResult r) {
    StringBuilder sb =
        new StringBuilder(
            "kind,id,utilisation,utilisation_ci95,wait_unit_hours_per_year,wait_ci95,mean_wait_h,mean_wait_ci95,mean_queue\n");
    for (Layout.ResourceRef ref : r.layout().resources()) {
      String p = "resource." + ref.kind().code() + "." + ref.id();
      KpiStat u = r.kpi(p + ".utilisation").orElseThrow();
      KpiStat w = r.kpi(p + ".wait_unit_hours_per_year").orElseThrow();
      KpiStat mw = r.kpi(p + ".mean_wait_h").orElseThrow();
      KpiStat q = r.kpi(p + ".mean_queue").orElseThrow();
      sb.append(ref.kind().code())
          .append(',')
          .append(csv(ref.id()))
          .append(',')
          .append(f(u.mean()))
          .append(',')
          .append(f(u.halfWidth95()))
          .append(',')
          .append(f(w.mean()))
          .append(',')
          .append(f(w.halfWidth95()))
          .append(',')
          .append(f(mw.mean()))
          .append(',')
          .append(f(mw.halfWidth95()))
          .append(',')
          .append(f(q.mean()))
          .append('\n');
    }
    return sb.toString();
  }

  static String bottlenecksCsv(CorridorResult r) {
    StringBuilder sb =
        new StringBuilder("rank,kind,id,share,wait_unit_hours_per_year,utilisation,mean_wait_h\n");
    for (Bottleneck b : r.bottlenecks()) {
      sb.append(b.rank())
          .append(',')
          .append(b.kind().code())
          .append(',')
          .append(csv(b.id()))
          .append(',')
          .append(f(b.share()))
          .append(',')
          .append(f(b.waitUnitHoursPerYear()))
          .append(',')
          .append(f(b.utilisation()))
          .append(',')
          .append(f(b.meanWait_h()))
          .append('\n');
    }
    return sb.toString();
  }

  static String queuesCsv(CorridorResult r) {
    List<String> names = r.layout().seriesNames();
    StringBuilder sb = new StringBuilder("day");
    for (String n : names) {
      sb.append(',').append(csv(n));
    }
    sb.append('\n');
    double interval_d = r.layout().spec().sampleInterval_s() / 86_400.0;
    double warm_d = r.layout().spec().warmup_s() / 86_400.0;
    for (int j = 0; j < r.layout().samples(); j++) {
      sb.append(f(j * interval_d - warm_d));
      for (int s = 0; s < names.size(); s++) {
        sb.append(',').append(f(r.seriesMean()[s][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String flowsCsv(ModelBuilder.Built built, CorridorResult r) {
    StringBuilder sb =
        new StringBuilder(
            "flow,corridor,from,to,cargo,units_per_year_demand,co2e_kg_per_unit,"
                + "router_transit_days,legs,leg_end_cumulative_days\n");
    List<CorridorSpec.Flow> flows = built.spec().flows();
    for (int i = 0; i < flows.size(); i++) {
      CorridorSpec.Flow fl = flows.get(i);
      ModelBuilder.FlowRoute fr = built.routes().get(i);
      List<String> cum = new ArrayList<>();
      for (double x : r.flowLegCumulativeMean_s()[i]) {
        cum.add(f(x / 86_400));
      }
      sb.append(fl.id())
          .append(',')
          .append(fl.corridor())
          .append(',')
          .append(fl.from())
          .append(',')
          .append(fl.to())
          .append(',')
          .append(fl.cargo())
          .append(',')
          .append(f(fl.unitsPerYear()))
          .append(',')
          .append(f(fl.co2ePerUnit_g() / 1000))
          .append(',')
          .append(f(fr.routerTransitDays()))
          .append(',')
          .append(csv(String.join(" | ", fr.legs())))
          .append(',')
          .append(csv(String.join(" | ", cum)))
          .append('\n');
    }
    return sb.toString();
  }

  static String replicationsCsv(CorridorResult r) {
    List<String> cols = new ArrayList<>();
    for (String c :
        List.of(
            "throughput.all.teu_per_year",
            "throughput.all.tonnes_per_year",
            "transit.all.p50_days",
            "transit.all.p95_days",
            "co2e.all.tonnes_per_year",
            "storm.closed_days_per_year")) {
      cols.add(c);
    }
    for (String c : r.layout().corridors()) {
      cols.add("throughput." + c + ".tonnes_per_year");
      cols.add("transit." + c + ".p95_days");
    }
    StringBuilder sb = new StringBuilder("replication,seed");
    List<Integer> idx = new ArrayList<>();
    for (String c : cols) {
      sb.append(',').append(c);
      for (int i = 0; i < r.kpis().size(); i++) {
        if (r.kpis().get(i).name().equals(c)) {
          idx.add(i);
        }
      }
    }
    sb.append('\n');
    for (int rep = 0; rep < r.replications(); rep++) {
      sb.append(rep).append(',').append(r.replicationSeeds()[rep]);
      for (int i : idx) {
        sb.append(',').append(f(r.perReplication()[rep][i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * The summary table printed by {@code caravan simulate}: throughput, transit and CO2e per
   * corridor, top bottlenecks.
   */
  public static String summaryTable(SimulationService.Run run, Path dir, double wall_s) {
    java.io.StringWriter sw = new java.io.StringWriter();
    java.io.PrintWriter o = new java.io.PrintWriter(sw);
    CorridorResult r = run.result();
    Scenario sc = run.scenario();
    o.printf(
        java.util.Locale.ROOT,
        "scenario %s: %d replications x %.0f days (+%.0f warm-up), seed %d, %.1f s wall%n",
        sc.name(),
        r.replications(),
        sc.horizonDays(),
        sc.warmupDays(),
        r.seed(),
        wall_s);
    o.printf(
        java.util.Locale.ROOT,
        "%-12s %14s %14s %10s %10s %14s%n",
        "corridor",
        "TEU/yr",
        "Mt/yr",
        "p50 d",
        "p95 d",
        "kt CO2e/yr");
    List<String> rows = new ArrayList<>(List.of("all"));
    rows.addAll(r.layout().corridors());
    for (String c : rows) {
      o.printf(
          java.util.Locale.ROOT,
          "%-12s %14s %14s %10s %10s %14s%n",
          c,
          pm(r, "throughput." + c + ".teu_per_year", 1),
          pm(r, "throughput." + c + ".tonnes_per_year", 1e6),
          pm(r, "transit." + c + ".p50_days", 1),
          pm(r, "transit." + c + ".p95_days", 1),
          pm(r, "co2e." + c + ".tonnes_per_year", 1e3));
    }
    o.println("top bottlenecks (share of all waiting):");
    for (Bottleneck b : r.bottlenecks().subList(0, Math.min(5, r.bottlenecks().size()))) {
      o.printf(
          java.util.Locale.ROOT,
          "  %d. %-10s %-48s %5.1f %%  mean wait %.1f h%n",
          b.rank(),
          b.kind().code(),
          b.id(),
          100 * b.share(),
          b.meanWait_h());
    }
    heldBy(run).forEach(line -> o.println(line));
    o.printf(
        java.util.Locale.ROOT,
        "units: %d created, %d delivered, %d inside at the end%n",
        r.unitsCreated(),
        r.unitsDelivered(),
        r.unitsInside());
    o.println("files: " + dir.toAbsolutePath().normalize());
    o.flush();
    return sw.toString();
  }

  /**
   * One line per dated border episode that held trains in the run (data/network/episodes.csv), so a
   * slower spring in the results names its cause.
   */
  static List<String> heldBy(SimulationService.Run run) {
    Map<String, CorridorSpec.Hold> first = new LinkedHashMap<>();
    for (CorridorSpec.Hold h : run.model().spec().hazards().holds()) {
      first.putIfAbsent(h.id(), h);
    }
    long t0 = run.scenario().start().getEpochSecond();
    List<String> lines = new ArrayList<>();
    for (CorridorSpec.Hold h : first.values()) {
      LocalDate from = LocalDate.ofInstant(Instant.ofEpochSecond(t0 + h.start_s()), ZoneOffset.UTC);
      LocalDate to = LocalDate.ofInstant(Instant.ofEpochSecond(t0 + h.end_s() - 1), ZoneOffset.UTC);
      lines.add(
          String.format(
              java.util.Locale.ROOT,
              "dated border episode: %s %s..%s, %s",
              h.id(),
              from,
              to,
              h.kind() == Episodes.Kind.CONGESTION
                  ? String.format(
                      java.util.Locale.ROOT,
                      "congestion +%.1f d (sd %.1f) per train",
                      h.delay_s() / 86_400.0,
                      h.delaySd_s() / 86_400.0)
                  : "closed"));
    }
    return lines;
  }

  private static String pm(CorridorResult r, String name, double scale) {
    java.util.Optional<KpiStat> k = r.kpi(name);
    if (k.isEmpty() || Double.isNaN(k.get().mean())) {
      return "-";
    }
    KpiStat s = k.get();
    String mean = fmtShort(s.mean() / scale);
    return Double.isNaN(s.halfWidth95()) ? mean : mean + "±" + fmtShort(s.halfWidth95() / scale);
  }

  private static String fmtShort(double x) {
    double a = Math.abs(x);
    return String.format(java.util.Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", x);
  }

  /** Formats a number like the files do (6 significant digits), for tables on the terminal. */
  public static String format(double x) {
    return f(x);
  }
}
