package org.caravan.routing;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Origin;
import org.caravan.network.Problem;
import org.caravan.network.io.TextFiles;
import org.caravan.network.io.TextFiles.PackedTable;

/**
 * Seasonal closure risks ({@code data/routing/seasonal-risk.csv}): Caspian storms on the crossings,
 * a border closure at a node. Each risk adds to the variance of a route that crosses it, by month
 * of the year.
 *
 * <p>Design. Closures of mean length {@code D} start as a Poisson process of rate {@code r}; a
 * container that arrives during one waits for the rest of it, so its extra delay {@code X} is 0
 * with probability {@code 1 - rD} and uniform on {@code [0, D]} otherwise, {@code E[X^2] = r D^3 /
 * 3}. The plan's mean time is left as the deterministic schedule says and the route's spread grows
 * by {@code E[X^2]} (its mean square deviation from the plan), so the promised p95 arrival accounts
 * for the risk. The month is the departure's, fixed per query, which keeps the variance additive
 * and the label search exact.
 */
public record SeasonalRisks(List<Risk> risks) {
  /** Classpath location of the default table (packed from {@code data/routing}). */
  public static final String DEFAULT_RESOURCE = "org/caravan/routing/seasonal-risk.csv";

  private static final double DAYS_PER_MONTH = 365.25 / 12;

  /** No risks. */
  public static final SeasonalRisks NONE = new SeasonalRisks(List.of());

  /**
   * One risk: a sea crossing between two of {@code nodes} or passing through one of them.
   *
   * @param variance_s2 extra variance per pass, by month 0 (January) to 11
   */
  public record Risk(
      String id, boolean crossing, List<String> nodes, long[] variance_s2, String source) {}

  public SeasonalRisks {
    risks = List.copyOf(risks);
  }

  private static final PackedTable<Risk> TABLE =
      new PackedTable<>(DEFAULT_RESOURCE, "data/routing/seasonal-risk.csv", SeasonalRisks::risk);

  /** The default table from the class path. */
  public static SeasonalRisks loadDefault() {
    return new SeasonalRisks(TABLE.readDefault());
  }

  /** Reads a risk table; problems name the file, line and field. */
  public static SeasonalRisks read(String name, Reader reader) throws IOException {
    return new SeasonalRisks(TABLE.read(name, reader));
  }

  /** One risk of the table, or empty after adding its problems. */
  private static Optional<Risk> risk(CSVRecord rec, Origin o, List<Problem> problems) {
    String kind = rec.get("kind");
    if (!kind.equals("crossing") && !kind.equals("node")) {
      problems.add(
          new Problem(o, "kind", "unknown kind '" + kind + "'; expected crossing or node"));
      return Optional.empty();
    }
    double rate = number(rec, "events_per_month", o, problems);
    double days = number(rec, "duration_days", o, problems);
    if (Double.isNaN(rate) || Double.isNaN(days)) {
      return Optional.empty();
    }
    long[] var = new long[12];
    boolean ok = true;
    for (String m : rec.get("months").split(";")) {
      int month;
      try {
        month = Integer.parseInt(m.trim());
      } catch (NumberFormatException e) {
        month = 0;
      }
      if (month < 1 || month > 12) {
        problems.add(new Problem(o, "months", "month must be 1-12, found '" + m.trim() + "'"));
        ok = false;
        break;
      }
      double d_s = days * 86_400;
      var[month - 1] = Math.round(rate / (DAYS_PER_MONTH * 86_400) * d_s * d_s * d_s / 3);
    }
    if (!TextFiles.hasSource(rec, o, problems, "risk") || !ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Risk(
            rec.get("id"),
            kind.equals("crossing"),
            List.of(rec.get("nodes").split(";")),
            var,
            rec.get("source")));
  }

  private static double number(CSVRecord rec, String field, Origin o, List<Problem> problems) {
    try {
      double v = Double.parseDouble(rec.get(field));
      if (v >= 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Problem(o, field, "expected a number >= 0, found '" + rec.get(field) + "'"));
    return Double.NaN;
  }

  /**
   * Extra variance per link (sea and ferry crossings between two nodes of a crossing risk) for a
   * month, or null when no link is at risk. Node ids the network does not have are ignored (a risk
   * table may cover nodes an overlay removed).
   */
  long[] linkVariance_s2(Network net, int month) {
    long[] out = null;
    for (Risk r : risks) {
      if (!r.crossing() || r.variance_s2()[month] == 0) {
        continue;
      }
      boolean[] in = members(net, r);
      for (int l = 0; l < net.linkCount(); l++) {
        Mode m = net.linkMode(l);
        if ((m == Mode.SEA || m == Mode.FERRY) && in[net.linkFrom(l)] && in[net.linkTo(l)]) {
          out = out == null ? new long[net.linkCount()] : out;
          out[l] += r.variance_s2()[month];
        }
      }
    }
    return out;
  }

  /** Extra variance per node passed for a month, or null when no node is at risk. */
  long[] nodeVariance_s2(Network net, int month) {
    long[] out = null;
    for (Risk r : risks) {
      if (r.crossing() || r.variance_s2()[month] == 0) {
        continue;
      }
      boolean[] in = members(net, r);
      for (int v = 0; v < in.length; v++) {
        if (in[v]) {
          out = out == null ? new long[net.nodeCount()] : out;
          out[v] += r.variance_s2()[month];
        }
      }
    }
    return out;
  }

  private static boolean[] members(Network net, Risk r) {
    boolean[] in = new boolean[net.nodeCount()];
    for (String id : r.nodes()) {
      OptionalInt v = net.findNode(id.trim());
      v.ifPresent(i -> in[i] = true);
    }
    return in;
  }

  @Override
  public String toString() {
    return "SeasonalRisks" + Arrays.toString(risks.stream().map(Risk::id).toArray());
  }
}
