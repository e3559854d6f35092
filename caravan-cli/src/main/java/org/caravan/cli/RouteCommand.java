package org.caravan.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.app.CaravanApp;
import org.caravan.app.RouteViews;
import org.caravan.scenario.Choices;
import org.caravan.scenario.RouteQuery;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(names = "--teu", description = "Containers in TEU.")
  Double teu;

  @Option(names = "--feu", description = "Containers in FEU (forty-foot; 1 FEU = 2 TEU).")
  Double feu;

  @Option(names = "--tonnes", description = "Gross cargo mass in tonnes (default 10 t per TEU).")
  Double tonnes;

  @Option(
      names = "--cargo",
      defaultValue = "general",
      completionCandidates = Choices.CargoClasses.class,
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  String cargo;

  @Option(names = "--un-class", description = "UN hazard class 1-9 for --cargo dg.")
  Integer unClass;

  @Option(names = "--depart", description = "Departure date, YYYY-MM-DD (UTC; default today).")
  String depart;

  @Option(
      names = "--avoid-country",
      split = ",",
      paramLabel = "CC",
      description = "Countries to avoid, e.g. RU,BY.")
  List<String> avoidCountries = new ArrayList<>();

  @Option(
      names = "--avoid-passage",
      split = ",",
      paramLabel = "PASSAGE",
      completionCandidates = Choices.Passages.class,
      description = "Sea passages to avoid: ${COMPLETION-CANDIDATES}.")
  List<String> avoidPassages = new ArrayList<>();

  @Option(
      names = "--modes",
      split = ",",
      paramLabel = "MODE",
      completionCandidates = Choices.Modes.class,
      description = "Allowed modes: ${COMPLETION-CANDIDATES} (default all).")
  List<String> modes = new ArrayList<>();

  @Option(
      names = "--max-transshipments",
      description = "At most this many changes of carrier (gauge, ship, truck).")
  Integer maxTransshipments;

  @Option(names = "--max-days", description = "Door-to-door time limit in days.")
  Double maxDays;

  @Option(names = "--max-budget", description = "Cost limit in USD for the whole cargo.")
  Double maxBudget;

  @Option(
      names = "--objective",
      defaultValue = "pareto",
      completionCandidates = Choices.Objectives.class,
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = {"-k", "--alternatives"},
      defaultValue = "1",
      description = "With a single objective: the k best routes (default ${DEFAULT-VALUE}).")
  int alternatives;

  @Option(
      names = "--label-cap",
      defaultValue = "0",
      description = "Labels kept per node (0 = exact Pareto set).")
  int labelCap;

  @Option(
      names = "--include-planned",
      description =
          "Also route over planned infrastructure (links and nodes with status planned, e.g. the China-Kyrgyzstan-Uzbekistan railway, Anaklia).")
  boolean includePlanned;

  @Option(
      names = "--epsilon",
      description =
          "Thinning of the Pareto set, 0 = every Pareto route (default 0.1: leave out routes within 10 %% of a returned one on every criterion; the fastest, cheapest, lowest-CO2e and most reliable always stay).")
  Double epsilon;

  @Option(names = "--json", description = "JSON output (documented in docs/CLI.md).")
  boolean json;

  @Option(names = "--geojson", description = "GeoJSON output: one LineString per route.")
  boolean geojson;

  @Option(
      names = "--format",
      paramLabel = "table|json|geojson",
      description = "Output format (default table; " + "--json and --geojson are the same).")
  void format(String f) {
    String v = Formats.check(spec, f, "table", "json", "geojson");
    json = v.equals("json");
    geojson = v.equals("geojson");
  }

  @Override
  public Integer call() {
    Optional<LocalDate> day;
    try {
      day = Optional.ofNullable(depart).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw new UserException("depart", "{depart} '" + depart + "' is not a date like 2026-12-01");
    }
    if (json && geojson) {
      throw new UserException("json", "choose {json} or {geojson}, not both");
    }
    RouteQuery q =
        new RouteQuery(
            from,
            to,
            Optional.ofNullable(teu),
            Optional.ofNullable(feu),
            Optional.ofNullable(tonnes),
            cargo,
            Optional.ofNullable(unClass),
            day,
            avoidCountries,
            avoidPassages,
            modes,
            Optional.ofNullable(maxTransshipments),
            Optional.ofNullable(maxDays),
            Optional.ofNullable(maxBudget),
            objective,
            alternatives,
            labelCap,
            Optional.ofNullable(epsilon));
    CaravanApp app = network.open();
    PrintWriter out = out();
    if (geojson) {
      out.println(Json.write(app.routes().planGeoJson(q, includePlanned)));
      return 0;
    }
    RouteViews.Answer answer = app.routes().plan(q, includePlanned);
    if (json) {
      out.println(Json.write(answer));
      return 0;
    }
    printTable(out, answer);
    return 0;
  }

  private static void printTable(PrintWriter out, RouteViews.Answer a) {
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
        a.objective().equals("pareto")
            ? (a.epsilon() > 0
                    ? "Pareto set within " + Math.round(a.epsilon() * 100) + " %"
                    : "exact Pareto set")
                + " by time, cost, CO2e, reliability"
            : "best by " + a.objective());
    out.println(prices(a.prices()));
    if (a.labelCapHit()) {
      out.println(
          "note: the label cap was reached; the set may miss routes (run without --label-cap for the exact set)");
    }
    out.println();
    out.printf(
        "%-3s %-9s %6s %9s %9s %11s %6s %8s %9s  %s%n",
        "#",
        "CORRIDOR",
        "DAYS",
        "COST_USD",
        "CO2E_KG",
        "CO2E_RANGE",
        "G/TKM",
        "P95_DAYS",
        "KM",
        "COUNTRIES");
    for (RouteViews.RouteView r : a.routes()) {
      out.printf(
          "%-3d %-9s %6.1f %9.0f %9.0f %11s %6.1f %8.1f %9.0f  %s%n",
          r.rank(),
          r.corridor(),
          r.transitDays(),
          r.costUsd(),
          r.co2eKg(),
          range(r.co2eRangeKg()),
          r.co2eGPerTkm(),
          r.reliability().p95TransitDays(),
          r.distanceKm(),
          String.join(" ", r.countries()));
    }
    for (RouteViews.RouteView r : a.routes()) {
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
            "  %-5s %-22s -> %-22s %7.0f km %6.1f h%s%s %8.0f USD %7.0f kg (WTT %.0f TTW %.0f, %s, %.1f g/tkm)  %s%n",
            l.mode(),
            trim(l.fromName()),
            trim(l.toName()),
            l.distanceKm(),
            l.durationH(),
            l.waitH() > 0 ? String.format(" (+%.1f h wait)", l.waitH()) : "",
            l.transferH() > 0 ? String.format(" (+%.1f h transfer)", l.transferH()) : "",
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
  }

  /**
   * One line naming the dated rate tables that priced the routes and the day that picked them, and
   * one more for each sea-lane switch in force that day.
   */
  static String prices(RouteViews.Prices p) {
    StringBuilder lanes = new StringBuilder();
    for (RouteViews.LaneUse u : p.lanes()) {
      lanes
          .append(System.lineSeparator())
          .append("sea lanes for ")
          .append(p.date())
          .append(": ")
          .append(u.name())
          .append(" (")
          .append(u.id())
          .append(" ")
          .append(u.validFrom())
          .append("..")
          .append(u.validTo())
          .append(", ")
          .append(u.kind())
          .append("; avoids ")
          .append(String.join(", ", u.avoidPassages()))
          .append(")");
    }
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
