package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.caravan.scenario.sim.SimulationOutput;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;
import org.caravan.simulation.corridor.Layout;

/**
 * The results document of a finished run (the web app's job results): the summary {@code caravan
 * simulate --json} prints (parsed back, so the two never drift apart) with three additions for
 * charts: transit-time histograms per corridor, the resource table of {@code resources.csv} and the
 * queue-length series of {@code queues.csv}. Stateless.
 */
final class SimulationResults {
  /** Bins of each transit-time histogram. */
  static final int HISTOGRAM_BINS = 40;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SimulationResults() {}

  /** The results document of a finished run. */
  static ObjectNode results(SimulationService.Run run) {
    CorridorResult r = run.result();
    ObjectNode out;
    try {
      out =
          (ObjectNode)
              RouteViews.JSON.readTree(
                  SimulationOutput.summaryJson(run.scenario(), run.model(), r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the simulation summary is not JSON", e);
    }
    out.set("transit_histograms", histograms(r));
    out.set("resources", resources(r));
    Map<String, String> seriesOf = seriesOfResources(r);
    out.set("queues", queues(r));
    for (JsonNode b : out.path("bottlenecks")) {
      String series = seriesOf.get(b.path("kind").asText() + "." + b.path("id").asText());
      ((ObjectNode) b).put("queue_series", series);
    }
    return out;
  }

  /**
   * Histograms of door-to-door days per corridor (and {@code all}) on one common set of bins, so
   * corridors can be drawn together. The bins span the 0.5th to the 99.5th percentile of all units;
   * units outside are counted in the first or last bin. Counts are units, summed over replications.
   */
  static ObjectNode histograms(CorridorResult r) {
    ObjectNode out = NODES.objectNode();
    Histogram all = r.allTransit();
    if (all.getTotalCount() == 0) {
      out.put("start_days", 0).put("bin_days", 1).set("corridors", NODES.objectNode());
      return out;
    }
    double lo = all.getValueAtPercentile(0.5) / 1440.0;
    double hi = all.getValueAtPercentile(99.5) / 1440.0;
    double width = niceWidth(Math.max(hi - lo, 1) / HISTOGRAM_BINS);
    double start = Math.floor(lo / width) * width;
    int bins = Math.max(1, Math.min(HISTOGRAM_BINS + 2, (int) Math.ceil((hi - start) / width)));
    out.set("start_days", num(start));
    out.set("bin_days", num(width));
    ObjectNode cors = out.putObject("corridors");
    List<String> names = new ArrayList<>(r.layout().corridors());
    for (int c = 0; c < names.size(); c++) {
      long[] counts = binCounts(r.corridorTransit()[c], start, width, bins);
      ArrayNode a = cors.putArray(names.get(c));
      for (long n : counts) {
        a.add(n);
      }
    }
    ArrayNode a = out.putArray("all");
    for (long n : binCounts(all, start, width, bins)) {
      a.add(n);
    }
    return out;
  }

  private static long[] binCounts(Histogram h, double start, double width, int bins) {
    long[] counts = new long[bins];
    for (HistogramIterationValue v : h.recordedValues()) {
      double days = h.medianEquivalentValue(v.getValueIteratedTo()) / 1440.0;
      int b = (int) Math.floor((days - start) / width);
      counts[Math.max(0, Math.min(bins - 1, b))] += v.getCountAtValueIteratedTo();
    }
    return counts;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code w}. */
  static double niceWidth(double w) {
    double p = Math.pow(10, Math.floor(Math.log10(w)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= w - 1e-12) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * Every resource with utilisation, waiting and mean queue, mean and 95 % CI half-width (as
   * resources.csv).
   */
  static ArrayNode resources(CorridorResult r) {
    ArrayNode out = NODES.arrayNode();
    for (Layout.ResourceRef ref : r.layout().resources()) {
      String p = "resource." + ref.kind().code() + "." + ref.id();
      ObjectNode o = out.addObject();
      o.put("kind", ref.kind().code());
      o.put("id", ref.id());
      stat(o, "utilisation", r, p + ".utilisation");
      stat(o, "wait_unit_hours_per_year", r, p + ".wait_unit_hours_per_year");
      stat(o, "mean_wait_h", r, p + ".mean_wait_h");
      stat(o, "mean_queue", r, p + ".mean_queue");
    }
    return out;
  }

  private static void stat(ObjectNode o, String name, CorridorResult r, String kpi) {
    KpiStat k = r.kpi(kpi).orElse(null);
    o.set(name, k == null ? NODES.nullNode() : num(k.mean()));
    o.set(name + "_ci95", k == null ? NODES.nullNode() : num(k.halfWidth95()));
  }

  /**
   * Queue-length series averaged over replications, sampled every {@code interval_days} from {@code
   * start_day} (negative: the warm-up) on; largest mean first.
   */
  static ObjectNode queues(CorridorResult r) {
    CorridorSpec spec = r.layout().spec();
    ObjectNode out = NODES.objectNode();
    double interval = spec.sampleInterval_s() / 86_400.0;
    out.set("interval_days", num(interval));
    out.set("start_day", num(-spec.warmup_s() / 86_400.0));
    out.put("samples", r.layout().samples());
    List<String> names = r.layout().seriesNames();
    record S(String name, double mean, double max, double[] values) {}
    List<S> series = new ArrayList<>();
    for (int s = 0; s < names.size(); s++) {
      double[] v = r.seriesMean()[s];
      double sum = 0;
      double max = 0;
      for (double x : v) {
        sum += x;
        max = Math.max(max, x);
      }
      series.add(new S(names.get(s), v.length == 0 ? 0 : sum / v.length, max, v));
    }
    series.sort(Comparator.comparingDouble(S::mean).reversed().thenComparing(S::name));
    ArrayNode a = out.putArray("series");
    for (S s : series) {
      ObjectNode o = a.addObject();
      int dot = s.name().indexOf('.');
      o.put("name", s.name());
      o.put("measure", s.name().substring(0, dot));
      o.put("id", s.name().substring(dot + 1));
      o.set("mean", num(s.mean()));
      o.set("max", num(s.max()));
      ArrayNode vs = o.putArray("values");
      for (double x : s.values()) {
        vs.add(round(x, 4));
      }
    }
    return out;
  }

  /**
   * Resource {@code kind.id} → the name of the queue series that shows it, where the model samples
   * one.
   */
  static Map<String, String> seriesOfResources(CorridorResult r) {
    CorridorSpec spec = r.layout().spec();
    Map<String, String> m = new HashMap<>();
    for (String s : r.layout().seriesNames()) {
      if (s.startsWith("border_trains_queued.")) {
        m.put("border." + s.substring("border_trains_queued.".length()), s);
      } else if (s.startsWith("vessels_waiting_berth.")) {
        m.put("berth." + s.substring("vessels_waiting_berth.".length()), s);
      }
    }
    for (CorridorSpec.Crossing x : spec.crossings()) {
      m.put("yard." + x.id(), "yard_units." + spec.ports().get(x.fromPort()).node());
    }
    return m;
  }

  private static JsonNode num(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return NODES.nullNode();
    }
    return NODES.numberNode(new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros());
  }

  private static double round(double x, int digits) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
      return 0;
    }
    return new BigDecimal(x).round(new MathContext(digits)).doubleValue();
  }
}
