package org.caravan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.caravan.network.io.SafeOutput;
import org.caravan.scenario.UserException;
import org.caravan.study.Comparison;
import org.caravan.study.StudyStore;

/**
 * {@code caravan study report}: one self-contained HTML file (no external URL, no script; charts
 * are inline SVG) with the study's provenance, a forest plot per headline KPI (every variant's
 * paired difference from the baseline with its 95 % interval), each variant's binding resource and
 * KPI table, and the most congested queue series per variant. The numbers are those of {@code study
 * compare --json} (the same {@link Comparison}); each table cell carries the exact value in a
 * {@code data-value} attribute. The markup is well-formed XML (XHTML syntax), so tools and tests
 * can parse it. Written through {@link SafeOutput}: a new file, or with {@code force} only a file
 * this command wrote before (it carries the generator mark), replaced atomically.
 */
public final class StudyReport {
  /** The headline KPIs (prefixes of KPI names), also the comparison table's. */
  public static final List<String> HEADLINE =
      List.of(
          "throughput.all.",
          "throughput.middle.",
          "throughput.northern.",
          "transit.all.",
          "transit.middle.",
          "transit.northern.",
          "co2e.all.");

  /** The mark a report carries, so that {@code --force} replaces reports only. */
  static final String GENERATOR = "caravan study report";

  private static final int SERIES_CHARTS = 3;
  private static final String[] COLOURS = {
    "#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#c44536",
    "#7f7f7f", "#a0c4ff"
  };

  private StudyReport() {}

  /** What was written. */
  public record Written(Path file, int variants, int kpis) {}

  /**
   * Writes the report of study {@code name} to {@code out}.
   *
   * @param force replace {@code out} if it is an earlier report
   * @throws UserException for an unknown study or an output that cannot be used
   */
  public static Written write(String name, Optional<String> store, Path out, boolean force) {
    checkForeign(out, force);
    String html;
    Comparison.Result r;
    try (StudyStore st = StudyService.openStore(store)) {
      StudyStore.StudyRow s = StudyViews.require(st, name);
      r = Comparison.of(name, st);
      html = html(s, st.provenance(name), st.location(), r, series(st, name));
    }
    SafeOutput.File f;
    try {
      f = SafeOutput.file(out, force, "--out");
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    try {
      Files.writeString(f.staging(), html, StandardCharsets.UTF_8);
      f.commit();
    } catch (IOException e) {
      f.abort();
      throw new UserException("out", "--out " + out + ": cannot write (" + e.getMessage() + ")");
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    int kpis = r.variants().isEmpty() ? 0 : r.variants().getFirst().kpis().size();
    return new Written(out, r.variants().size(), kpis);
  }

  /** With {@code force}, an existing file is replaced only if it is a report. */
  private static void checkForeign(Path out, boolean force) {
    if (!force || !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      String head = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
      if (head.contains("<meta name=\"generator\" content=\"" + GENERATOR + "\"")) {
        return;
      }
    } catch (IOException e) {
      // refused below
    }
    throw new UserException(
        "out",
        "--out "
            + out
            + ": file exists and is not a caravan study report; not replacing it (give a new name)");
  }

  /** The most congested series (largest baseline mean), each variant's per-period means. */
  private static Map<String, List<StudyStore.SeriesPoint>> series(StudyStore st, String name) {
    record Ranked(String series, double mean, List<StudyStore.SeriesPoint> points) {}
    List<Ranked> ranked = new ArrayList<>();
    for (String s : st.seriesNames(name)) {
      List<StudyStore.SeriesPoint> pts = st.seriesMeans(name, s);
      double m =
          pts.stream()
              .filter(p -> p.variant().equals("baseline") && !Double.isNaN(p.mean()))
              .mapToDouble(StudyStore.SeriesPoint::mean)
              .average()
              .orElse(0);
      ranked.add(new Ranked(s, m, pts));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::mean).reversed().thenComparing(Ranked::series));
    Map<String, List<StudyStore.SeriesPoint>> out = new LinkedHashMap<>();
    ranked.stream().limit(SERIES_CHARTS).forEach(k -> out.put(k.series(), k.points()));
    return out;
  }

  static String html(
      StudyStore.StudyRow s,
      StudyStore.Provenance p,
      String store,
      Comparison.Result r,
      Map<String, List<StudyStore.SeriesPoint>> series) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"generator\" content=\"" + GENERATOR + "\"/>")
        .append("<title>Study ")
        .append(esc(s.study()))
        .append("</title><style>")
        .append(
            "body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1100px}"
                + "table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px"
                + " solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}"
                + ".sig{font-weight:bold}.note{color:#555}svg{display:block;margin:.5em 0}")
        .append("</style></head><body>\n");
    b.append("<h1>Study ").append(esc(s.study())).append("</h1>\n");
    b.append("<h2>Provenance</h2><table id=\"provenance\">");
    row(b, "study", s.study());
    row(b, "file", p.file());
    row(b, "baseline", s.baseline());
    row(b, "seed", Long.toString(s.seed()));
    row(b, "replications", Integer.toString(s.replications()));
    row(b, "replications stored", Integer.toString(s.runs()));
    row(b, "years", num(s.years()));
    row(b, "version", "caravan " + (p.version().isEmpty() ? "unknown" : p.version()));
    row(b, "created", s.createdAt());
    row(b, "store", store);
    b.append("</table>\n<p class=\"note\">Each variant against the baseline: the mean paired")
        .append(" difference over replications with common random numbers and its 95 % interval")
        .append(" (paired t; docs/STUDIES.md). Bold: the interval excludes zero.</p>\n");
    forests(b, r);
    for (Comparison.VariantDiff v : r.variants()) {
      variant(b, v);
    }
    seriesCharts(b, r, series);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void forests(StringBuilder b, Comparison.Result r) {
    if (r.variants().isEmpty()) {
      return;
    }
    b.append("<h2>Headline KPIs</h2>\n");
    for (Comparison.KpiDiff k : r.variants().getFirst().kpis()) {
      if (!headline(k.kpi())) {
        continue;
      }
      List<String> names = new ArrayList<>();
      List<Comparison.KpiDiff> ds = new ArrayList<>();
      for (Comparison.VariantDiff v : r.variants()) {
        v.kpis().stream()
            .filter(x -> x.kpi().equals(k.kpi()))
            .findFirst()
            .ifPresent(
                x -> {
                  names.add(v.variant());
                  ds.add(x);
                });
      }
      forest(b, k.kpi(), k.unit(), names, ds);
    }
  }

  /** A forest plot: one row per variant, the difference as a dot and its interval as a bar. */
  private static void forest(
      StringBuilder b, String kpi, String unit, List<String> names, List<Comparison.KpiDiff> ds) {
    double lo = 0;
    double hi = 0;
    for (Comparison.KpiDiff d : ds) {
      double hw = Double.isFinite(d.halfWidth95()) ? d.halfWidth95() : 0;
      if (Double.isFinite(d.diff())) {
        lo = Math.min(lo, d.diff() - hw);
        hi = Math.max(hi, d.diff() + hw);
      }
    }
    if (hi - lo <= 0) {
      hi = lo + 1;
    }
    int left = 220;
    int width = 420;
    int rowH = 20;
    int h = 30 + rowH * ds.size();
    double fLo = lo;
    double span = hi - lo;
    DoubleUnaryOperator x = v -> left + (v - fLo) / span * width;
    b.append("<figure class=\"forest\" data-kpi=\"").append(esc(kpi)).append("\">");
    b.append("<figcaption>").append(esc(kpi)).append(" [").append(esc(unit)).append("]");
    b.append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(left + width + 20)
        .append("\" height=\"")
        .append(h)
        .append("\" role=\"img\">");
    double zero = x.applyAsDouble(0);
    b.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"%d\"",
                zero,
                zero,
                h - 20))
        .append(" stroke=\"#999\" stroke-dasharray=\"3,3\"/>");
    for (int i = 0; i < ds.size(); i++) {
      Comparison.KpiDiff d = ds.get(i);
      int y = 15 + i * rowH;
      b.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"12\">", y + 4))
          .append(esc(names.get(i)))
          .append("</text>");
      if (!Double.isFinite(d.diff())) {
        continue;
      }
      String colour = d.significant() ? "#d1495b" : "#1b6ca8";
      if (Double.isFinite(d.halfWidth95())) {
        b.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                x.applyAsDouble(d.diff() - d.halfWidth95()),
                y,
                x.applyAsDouble(d.diff() + d.halfWidth95()),
                y,
                colour));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"><title>%s: %s ± %s</title></circle>",
              x.applyAsDouble(d.diff()),
              y,
              colour,
              esc(names.get(i)),
              num(d.diff()),
              num(d.halfWidth95())));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " text-anchor=\"end\">%s</text>",
            left,
            h - 5,
            num(lo),
            left + width,
            h - 5,
            num(hi)));
    b.append("</svg></figure>\n");
  }

  private static void variant(StringBuilder b, Comparison.VariantDiff v) {
    b.append("<section class=\"variant\" data-variant=\"").append(esc(v.variant())).append("\">");
    b.append("<h2>").append(esc(v.variant())).append("</h2>");
    b.append("<p>").append(esc(v.description())).append(" <span class=\"note\">source: ");
    b.append(esc(v.source()))
        .append("; ")
        .append(v.replications())
        .append(" replications</span></p>");
    b.append("<p>Binding resource: <code class=\"bottleneck\">")
        .append(esc(v.bottleneck()))
        .append("</code></p>");
    List<Comparison.KpiDiff> main = new ArrayList<>();
    List<Comparison.KpiDiff> rest = new ArrayList<>();
    for (Comparison.KpiDiff k : v.kpis()) {
      (headline(k.kpi()) || k.significant() ? main : rest).add(k);
    }
    table(b, main);
    b.append("<details><summary>")
        .append(rest.size())
        .append(" other KPIs (interval includes zero)</summary>");
    table(b, rest);
    b.append("</details></section>\n");
  }

  private static void table(StringBuilder b, List<Comparison.KpiDiff> ks) {
    b.append("<table class=\"kpis\"><thead><tr><th>KPI</th><th>unit</th><th>baseline</th>")
        .append(
            "<th>variant</th><th>difference</th><th>± 95 %</th><th>pairs</th></tr></thead><tbody>");
    for (Comparison.KpiDiff k : ks) {
      b.append("<tr data-kpi=\"").append(esc(k.kpi())).append('"');
      b.append(k.significant() ? " class=\"sig\">" : ">");
      b.append("<td>")
          .append(esc(k.kpi()))
          .append("</td><td>")
          .append(esc(k.unit()))
          .append("</td>");
      cell(b, "baseline", k.baseline());
      cell(b, "variant", k.variant());
      cell(b, "diff", k.diff());
      cell(b, "ci95_half_width", k.halfWidth95());
      b.append("<td>").append(k.pairs()).append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  private static void seriesCharts(
      StringBuilder b, Comparison.Result r, Map<String, List<StudyStore.SeriesPoint>> series) {
    if (series.isEmpty()) {
      return;
    }
    b.append("<h2>Most congested queues</h2><p class=\"note\">30-day means of the queue length")
        .append(" over each variant's replications (measured window).</p>\n");
    List<String> variants = new ArrayList<>();
    variants.add("baseline");
    r.variants().forEach(v -> variants.add(v.variant()));
    for (Map.Entry<String, List<StudyStore.SeriesPoint>> e : series.entrySet()) {
      lineChart(b, e.getKey(), variants, e.getValue());
    }
  }

  private static void lineChart(
      StringBuilder b, String name, List<String> variants, List<StudyStore.SeriesPoint> pts) {
    double maxX = 1;
    double minX = Double.POSITIVE_INFINITY;
    double maxY = 0;
    for (StudyStore.SeriesPoint p : pts) {
      minX = Math.min(minX, p.start_day());
      maxX = Math.max(maxX, p.start_day());
      if (Double.isFinite(p.mean())) {
        maxY = Math.max(maxY, p.mean());
      }
    }
    if (maxY <= 0) {
      maxY = 1;
    }
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    int w = 640;
    int h = 220;
    int left = 50;
    int legend = 180;
    b.append("<figure class=\"series\" data-series=\"").append(esc(name)).append("\"><figcaption>");
    b.append(esc(name)).append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    b.append(w + legend).append("\" height=\"").append(h + 30).append("\" role=\"img\">");
    b.append(
        String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-size=\"11\">%s</text>", num(maxY)));
    b.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"11\">0</text>", h));
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">day %s</text><text x=\"%d\" y=\"%d\""
                + " font-size=\"11\" text-anchor=\"end\">day %s</text>",
            left,
            h + 20,
            num(minX),
            w,
            h + 20,
            num(maxX)));
    for (int v = 0; v < variants.size(); v++) {
      String variant = variants.get(v);
      String colour = COLOURS[v % COLOURS.length];
      StringBuilder path = new StringBuilder();
      for (StudyStore.SeriesPoint p : pts) {
        if (p.variant().equals(variant) && Double.isFinite(p.mean())) {
          double x = left + (p.start_day() - minX) / (maxX - minX) * (w - left);
          double y = h - p.mean() / maxY * (h - 10);
          path.append(path.isEmpty() ? "" : " ")
              .append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
      }
      b.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"1.5\"");
      b.append(" points=\"").append(path).append("\"/>");
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
              w + 10,
              15 + 14 * v,
              colour,
              esc(variant)));
    }
    b.append("</svg></figure>\n");
  }

  private static boolean headline(String kpi) {
    return HEADLINE.stream().anyMatch(kpi::startsWith);
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  private static void cell(StringBuilder b, String field, double v) {
    b.append("<td data-field=\"").append(field).append("\" data-value=\"");
    b.append(Double.isFinite(v) ? Double.toString(v) : "").append("\">");
    b.append(Double.isFinite(v) ? num(v) : "n/a").append("</td>");
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }

  /** Escapes text and attribute values (XML's five). */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
