package org.caravan.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.app.CaravanApp;
import org.caravan.app.RouteViews;
import org.caravan.app.RouteViews.RouteView;
import org.caravan.scenario.RouteQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan route FROM TO}: door-to-door routes, the Pareto set by time, cost, CO2e and
 * reliability.
 */
@Command(
    name = "route",
    sortOptions = false,
    description = {
      "Door-to-door routes between two places: every route no other beats on transit time, cost, CO2e and reliability.",
      "Places are names, aliases, UN/LOCODEs or lat,lon (a road leg to a terminal within 300 km, in the point's country if one is).",
      "Prices follow the dated rate tables of the --depart day (named in the output)."
    })
final class RouteCommand extends OpensNetwork implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FROM")
  String from;

  @Parameters(index = "1", paramLabel = "TO")
  String to;

  @Mixin RouteOptions.Cargo cargo;
  @Mixin RouteOptions.Departure departure;
  @Mixin RouteOptions.Limits limits;
  @Mixin RouteOptions.Search search;

  @Mixin
  Formats.Output output =
      new Formats.Output("geojson", "GeoJSON output: one LineString per route.");

  @Override
  public Integer call() {
    Optional<LocalDate> day = departure.day();
    output.check();
    RouteQuery q = RouteOptions.query(from, to, cargo, day, limits, search);
    CaravanApp app = network.open();
    PrintWriter out = out();
    if (output.ownFormat) {
      out.println(Json.write(app.routes().planGeoJson(q, search.includePlanned)));
      return 0;
    }
    RouteViews.Answer answer = app.routes().plan(q, search.includePlanned);
    if (output.json) {
      out.println(Json.write(answer));
      return 0;
    }
    printTable(out, answer, q.limits());
    return 0;
  }

  /**
   * A column of the route summary table: its header, the format of its values (the header takes
   * their width and alignment) and the value, together so that header and rows cannot drift apart.
   */
  private record Column(String header, String format, Function<RouteView, Object> value) {
    String headerFormat() {
      return format.replaceAll("(\\.\\d+)?[a-z]$", "s");
    }
  }

  /** The summary table, one route a row (the two spaces before the countries are the format's). */
  private static final List<Column> SUMMARY =
      List.of(
          new Column("#", "%-3d", RouteView::rank),
          new Column("CORRIDOR", "%-9s", RouteView::corridor),
          new Column("DAYS", "%6.1f", RouteView::transitDays),
          new Column("COST_USD", "%9.0f", RouteView::costUsd),
          new Column("CO2E_KG", "%9.0f", RouteView::co2eKg),
          new Column("CO2E_RANGE", "%11s", r -> range(r.co2eRangeKg())),
          new Column("G/TKM", "%6.1f", RouteView::co2eGPerTkm),
          new Column("P95_DAYS", "%8.1f", r -> r.reliability().p95TransitDays()),
          new Column("KM", "%9.0f", RouteView::distanceKm),
          new Column("COUNTRIES", " %s", r -> String.join(" ", r.countries())));

  /** One line of the summary table: each column's cell, space-separated. */
  private static String row(Function<Column, String> cell) {
    return SUMMARY.stream().map(cell).collect(Collectors.joining(" "));
  }

  private static void printTable(PrintWriter out, RouteViews.Answer a, RouteQuery.Limits asked) {
    out.printf(
        "%s -> %s, departing %s, %s TEU (%s t) %s cargo: %d route%s (%s)%n",
        a.from(),
        a.to(),
        LocalDate.ofInstant(a.departure(), ZoneOffset.UTC),
        fmt(a.teu()),
        fmt(a.tonnes()),
        a.cargo(),
        a.routes().size(),
        a.routes().size() == 1 ? "" : "s",
        (!asked.via().isEmpty()
                ? "fastest through " + String.join(", ", asked.via())
                : a.objective().equals("pareto")
                    ? (a.epsilon() > 0
                            ? "Pareto set within " + Math.round(a.epsilon() * 100) + " %"
                            : "exact Pareto set")
                        + " by time, cost, CO2e, reliability"
                    : "best by " + a.objective())
            + asked
                .corridor()
                .map(c -> " on the " + c.trim().toLowerCase(Locale.ROOT) + " corridor")
                .orElse(""));
    out.println(prices(a.prices()));
    if (a.labelCapHit()) {
      out.println(
          "note: the label cap was reached; the set may miss routes (run without --label-cap for the exact set)");
    }
    out.println();
    out.println(row(c -> String.format(c.headerFormat(), c.header())));
    for (RouteView r : a.routes()) {
      out.println(row(c -> String.format(c.format(), c.value().apply(r))));
    }
    for (RouteView r : a.routes()) {
      out.println();
      out.printf(
          "Route %d (%s): %.1f days, %.0f USD, %.0f kg CO2e WTW (%s; WTT %.0f + TTW %.0f; %.1f g/tkm), "
              + "%d transshipments%s%n",
          r.rank(),
          r.corridor(),
          r.transitDays(),
          r.costUsd(),
          r.co2eKg(),
          range(r.co2eRangeKg()),
          r.co2eWttKg(),
          r.co2eTtwKg(),
          r.co2eGPerTkm(),
          r.transshipments(),
          r.passages().isEmpty() ? "" : ", via " + String.join(", ", r.passages()));
      for (RouteViews.LegView l : a.routes().get(r.rank() - 1).legs()) {
        out.printf(
            "  %-5s %-22s -> %-22s %7.0f km %6.1f h%s%s%s%s %8.0f USD %7.0f kg (WTT %.0f TTW %.0f, %s, %.1f g/tkm)  %s%n",
            l.mode(),
            trim(l.fromName()),
            trim(l.toName()),
            l.distanceKm(),
            l.durationH(),
            l.waitH() > 0 ? String.format(" (+%.1f h wait)", l.waitH()) : "",
            l.transferH() > 0 ? String.format(" (+%.1f h transfer)", l.transferH()) : "",
            l.dwellH() > 0
                ? String.format(
                    " (+%.1f h at borders and stops%s)",
                    l.dwellH(),
                    l.heldH() > 0
                        ? String.format(", of which held %.1f h by a border episode", l.heldH())
                        : "")
                : "",
            l.marshalH() > 0
                ? String.format(" (+%.1f h wagon-group marshalling)", l.marshalH())
                : "",
            l.costUsd(),
            l.co2eKg(),
            l.co2eWttKg(),
            l.co2eTtwKg(),
            range(l.co2eRangeKg()),
            l.co2eGPerTkm(),
            String.join(" ", l.countries()));
      }
      for (RouteViews.HubView h : r.hubs()) {
        out.printf(
            "  hub   %-22s %-11s %-17s %7.1f kg (WTT %.1f TTW %.1f, %s)%n",
            trim(h.name()),
            h.role(),
            h.hoc(),
            h.co2eKg(),
            h.co2eWttKg(),
            h.co2eTtwKg(),
            range(h.co2eRangeKg()));
      }
      if (!r.borders().isEmpty()) {
        out.println("  borders/gauge points: " + String.join(", ", r.borders()));
      }
    }
    if (!a.published().isEmpty()) {
      out.println();
      out.printf(
          "Published figures for %s -> %s (data/validation/targets.csv; set against the model in"
              + " docs/VALIDATION.md):%n",
          a.from(), a.to());
      for (RouteViews.Published p : a.published()) {
        out.println(published(p));
      }
    }
  }

  /**
   * One published figure: id, corridor, quantity and range, kind with what qualifies it (one block
   * train, the month the trips left, a model input), source and year.
   */
  static String published(RouteViews.Published p) {
    List<String> kind = new ArrayList<>(List.of(p.kind()));
    if (p.blockTrain()) {
      kind.add("one block train");
    }
    if (!p.departed().isEmpty()) {
      kind.add("left " + p.departed());
    }
    if (p.modelInput()) {
      kind.add("a model input");
    }
    return String.format(
        Locale.ROOT,
        "  %-4s %-18s %-15s %-22s %s (%s, %s)",
        p.id(),
        p.corridor() + (p.via().isEmpty() ? "" : " via " + String.join(",", p.via())),
        p.quantity(),
        fmt(p.low()) + "-" + fmt(p.high()) + " " + p.unit(),
        String.join(", ", kind),
        p.source(),
        p.year().isEmpty() ? "undated" : p.year());
  }

  /**
   * One sea-lane switch in force, as the text outputs print it ({@code route}, {@code crm risk}):
   * the day, the switch, its period and evidence, and the passages sailed round.
   */
  static String seaLanes(
      String date,
      String name,
      String id,
      String validFrom,
      String validTo,
      String kind,
      List<String> avoid) {
    return String.format(
        "sea lanes for %s: %s (%s %s..%s, %s; avoids %s)",
        date, name, id, validFrom, validTo, kind, String.join(", ", avoid));
  }

  /**
   * One line naming the dated rate tables that priced the routes and the day that picked them, one
   * more for each sea-lane switch in force that day and each border episode met, and one naming the
   * season whose simulated waits were charged.
   */
  static String prices(RouteViews.Prices p) {
    StringBuilder lanes = new StringBuilder();
    for (RouteViews.LaneUse u : p.lanes()) {
      lanes
          .append(System.lineSeparator())
          .append(
              seaLanes(
                  p.date(),
                  u.name(),
                  u.id(),
                  u.validFrom(),
                  u.validTo(),
                  u.kind(),
                  u.avoidPassages()));
    }
    for (RouteViews.EpisodeUse e : p.episodes()) {
      lanes
          .append(System.lineSeparator())
          .append(
              String.format(
                  Locale.ROOT,
                  "border episode met: %s (%s %s..%s, %s at %s%s; %s, %s)",
                  e.name(),
                  e.id(),
                  e.validFrom(),
                  e.validTo(),
                  e.kind().equals("congestion")
                      ? String.format(
                          Locale.ROOT,
                          "congestion +%.1f d (sd %.1f)",
                          e.delayDays(),
                          e.delaySdDays())
                      : "closed",
                  String.join(", ", e.nodes()),
                  e.toward().isEmpty() ? "" : " toward " + e.toward(),
                  e.evidence(),
                  e.source()));
    }
    lanes
        .append(System.lineSeparator())
        .append(
            "waits for "
                + p.date()
                + ": borders, train formation and Caspian sailings as the calibrated simulation"
                + " measured them in "
                + p.waitsSeason()
                + " (data/validation/waits.csv)");
    if (p.tables().isEmpty()) {
      return "prices: undated tariffs of the network files (no dated rate table covers "
          + p.date()
          + ")"
          + lanes;
    }
    List<String> uses = new ArrayList<>();
    for (RouteViews.RateUse u : p.tables()) {
      uses.add(u.table() + " " + u.period() + " (" + u.kind() + ")");
    }
    return "prices for "
        + p.date()
        + ": "
        + String.join(", ", uses)
        + " (sources in --json); other links undated"
        + lanes;
  }

  private static String range(List<Double> r) {
    return String.format("%.0f-%.0f", r.get(0), r.get(1));
  }

  private static String trim(String s) {
    return s.length() <= 22 ? s : s.substring(0, 21) + "…";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
