package org.caravan.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Expands a sweep into variants: {@code grid} takes every combination of the parameters' {@code
 * values}; {@code lhs} draws {@code samples} points by Latin hypercube sampling over each
 * parameter's [{@code min}, {@code max}] — each range cut into {@code samples} equal strata, one
 * uniform draw per stratum, the strata of each parameter in an independent random order (McKay,
 * Beckman and Conover, Technometrics 21(2), 1979) — seeded from the study seed, so the same file
 * gives the same points. Variants are named {@code <sweep>-001}, {@code -002}, … and set each
 * parameter's path to the point's value.
 */
final class Sweeps {
  private static final int MAX_POINTS = 10_000;

  private Sweeps() {}

  static List<StudyFile.RawVariant> expand(
      StudyFile.RawSweep s, String at, long seed, StudyFile.Lines lines) {
    if (s.name() == null || s.name().isBlank()) {
      throw lines.error(at + ".name", at + ".name is required");
    }
    if (s.source() == null || s.source().isBlank()) {
      throw lines.error(at + ".source", at + ".source is required");
    }
    List<StudyFile.RawParameter> ps = s.parameters() == null ? List.of() : s.parameters();
    if (ps.isEmpty()) {
      throw lines.error(at + ".parameters", at + ".parameters: at least one parameter is required");
    }
    for (int j = 0; j < ps.size(); j++) {
      if (ps.get(j).path() == null) {
        throw lines.error(
            at + ".parameters[" + j + "].path", at + ".parameters[" + j + "].path is required");
      }
      try {
        Overlay.parsePath(ps.get(j).path());
      } catch (IllegalArgumentException e) {
        throw lines.error(
            at + ".parameters[" + j + "].path",
            at + ".parameters[" + j + "]: bad path '" + ps.get(j).path() + "': " + e.getMessage());
      }
    }
    List<double[]> points =
        switch (s.kind() == null ? "" : s.kind()) {
          case "grid" -> grid(ps, at, lines);
          case "lhs" -> lhs(ps, s.samples(), at, seed, lines);
          default ->
              throw lines.error(
                  at + ".kind", at + ".kind must be grid or lhs, got '" + s.kind() + "'");
        };
    List<StudyFile.RawVariant> out = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      Map<String, JsonNode> set = new LinkedHashMap<>();
      StringBuilder d = new StringBuilder(s.description() == null ? "" : s.description() + ": ");
      for (int j = 0; j < ps.size(); j++) {
        double v = points.get(k)[j];
        boolean integer = Boolean.TRUE.equals(ps.get(j).integer());
        set.put(
            ps.get(j).path(),
            integer
                ? JsonNodeFactory.instance.numberNode(Math.round(v))
                : JsonNodeFactory.instance.numberNode(v));
        d.append(j == 0 ? "" : ", ")
            .append(ps.get(j).path())
            .append(" = ")
            .append(integer ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.6g", v));
      }
      out.add(
          new StudyFile.RawVariant(
              String.format(Locale.ROOT, "%s-%03d", s.name(), k + 1),
              d.toString(),
              s.source(),
              set,
              null));
    }
    return out;
  }

  private static List<double[]> grid(
      List<StudyFile.RawParameter> ps, String at, StudyFile.Lines lines) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[ps.size()]);
    for (int j = 0; j < ps.size(); j++) {
      List<Double> vs = ps.get(j).values();
      if (vs == null || vs.isEmpty()) {
        throw lines.error(
            at + ".parameters[" + j + "].values",
            at + ".parameters[" + j + "].values: a grid needs a list of values");
      }
      List<double[]> next = new ArrayList<>();
      for (double[] p : out) {
        for (Double v : vs) {
          double[] q = p.clone();
          q[j] = v;
          next.add(q);
        }
      }
      out = next;
      if (out.size() > MAX_POINTS) {
        throw lines.error(at, at + ": more than " + MAX_POINTS + " grid points");
      }
    }
    return out;
  }

  private static List<double[]> lhs(
      List<StudyFile.RawParameter> ps,
      Integer samples,
      String at,
      long seed,
      StudyFile.Lines lines) {
    if (samples == null || samples < 1 || samples > MAX_POINTS) {
      throw lines.error(at + ".samples", at + ".samples must be 1.." + MAX_POINTS + " for lhs");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < samples; k++) {
      out.add(new double[ps.size()]);
    }
    for (int j = 0; j < ps.size(); j++) {
      StudyFile.RawParameter p = ps.get(j);
      if (p.min() == null || p.max() == null || !(p.max() >= p.min())) {
        throw lines.error(
            at + ".parameters[" + j + "]",
            at + ".parameters[" + j + "]: lhs needs min and max with max >= min");
      }
      int[] perm = new int[samples];
      for (int k = 0; k < samples; k++) {
        perm[k] = k;
      }
      for (int k = samples - 1; k > 0; k--) { // Fisher-Yates
        int r = rnd.nextInt(k + 1);
        int t = perm[k];
        perm[k] = perm[r];
        perm[r] = t;
      }
      for (int k = 0; k < samples; k++) {
        double u = (perm[k] + rnd.nextDouble()) / samples;
        out.get(k)[j] = p.min() + u * (p.max() - p.min());
      }
    }
    return out;
  }
}
