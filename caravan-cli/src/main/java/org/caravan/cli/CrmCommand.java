package org.caravan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.app.CaravanApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caravan crm}: critical raw materials from Central Asia to the EU (docs/CRM.md). */
@Command(
    name = "crm",
    mixinStandardHelpOptions = true,
    description =
        "Critical raw materials from Central Asia to the EU: flows, chokepoints, disruptions.",
    subcommands = {CrmCommand.Risk.class})
final class CrmCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code caravan crm risk [--disruption NAME|FILE] [--json]}: the gateway's JSON document, or a
   * text view of it.
   */
  @Command(
      name = "risk",
      mixinStandardHelpOptions = true,
      description =
          "Per material: routes, tonnes through each chokepoint, concentration (HHI); with --disruption, "
              + "the stranded flows, their best alternative and its extra time, cost and CO2e.")
  static final class Risk implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--disruption",
        paramLabel = "NAME|FILE",
        description =
            "A named disruption (caspian-closure, red-sea-closure, pl-by-border-closure, bosporus-closure) "
                + "or a .csv file in the format of data/crm/disruptions.csv.")
    String disruption;

    @Option(names = "--json", description = "JSON output (documented in docs/CLI.md).")
    boolean json;

    @Override
    public Integer call() {
      JsonNode r = CaravanApp.openDefault().crm().risk(Optional.ofNullable(disruption));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(r));
        return 0;
      }
      JsonNode d = r.path("disruption");
      out.println(
          "CRM supply risk"
              + (d.isNull()
                  ? ""
                  : " under " + d.path("id").asText() + " (" + d.path("name").asText() + ")")
              + "; split: "
              + r.path("split_rule").asText());
      // Every route sails round the dated sea-lane switches in force, as caravan route does.
      for (JsonNode u : r.path("sea_lanes")) {
        List<String> avoids = new ArrayList<>();
        u.path("avoid_passages").forEach(x -> avoids.add(x.asText()));
        out.println(
            RouteCommand.seaLanes(
                r.path("departure").asText(),
                u.path("name").asText(),
                u.path("id").asText(),
                u.path("valid_from").asText(),
                u.path("valid_to").asText(),
                u.path("kind").asText(),
                avoids));
      }
      out.println();
      out.printf(
          "%-12s %-19s %-6s %9s %9s %9s  %s%n",
          "MATERIAL", "EU_LIST", "CARGO", "T_YR", "ROUTE_HHI", "CHOKE_HHI", "CHOKEPOINT SHARES");
      for (JsonNode m : r.path("materials")) {
        List<String> shares = new ArrayList<>();
        for (JsonNode s : m.path("chokepoints")) {
          if (s.path("tonnes_yr").asDouble() > 0) {
            shares.add(
                s.path("id").asText() + " " + Math.round(100 * s.path("share").asDouble()) + "%");
          }
        }
        int un = m.path("un_class").asInt();
        double t = m.path("tonnes_yr").asDouble();
        out.printf(
            "%-12s %-19s %-6s %9.0f %9.0f %9.0f  %s%n",
            m.path("id").asText(),
            m.path("eu_list").asText(),
            m.path("cargo").asText() + (un > 0 ? "/" + un : ""),
            t,
            m.path("route_hhi").asDouble(),
            m.path("chokepoint_hhi").asDouble(),
            t == 0
                ? "(no EU flow published)"
                : shares.isEmpty() ? "none" : String.join(", ", shares));
      }
      out.println();
      for (JsonNode m : r.path("materials")) {
        for (JsonNode f : m.path("flows")) {
          out.printf(
              "%s %s: %s -> %s, %.0f t/yr (%s)%n",
              m.path("id").asText(),
              f.path("id").asText(),
              f.path("origin").asText(),
              f.path("destination").asText(),
              f.path("tonnes_yr").asDouble(),
              f.path("tonnes_source").asText());
          for (JsonNode p : f.path("routes")) {
            out.println("  " + part(p));
          }
          if (f.path("unrouted_t").asDouble() > 0) {
            out.printf(
                "  %.0f t/yr have no allowed route: %s%n",
                f.path("unrouted_t").asDouble(), f.path("no_route").asText());
          }
        }
      }
      if (!d.isNull()) {
        out.println();
        if (r.path("stranded").isEmpty()) {
          out.println("No flow is stranded by " + d.path("id").asText() + ".");
        }
        for (JsonNode s : r.path("stranded")) {
          out.printf(
              "STRANDED %s (%s): %.0f t/yr%n",
              s.path("flow").asText(), s.path("material").asText(), s.path("tonnes_yr").asDouble());
          s.path("before").forEach(p -> out.println("  before:      " + part(p)));
          if (s.path("alternative").isEmpty()) {
            out.println("  alternative: none (" + s.path("no_alternative").asText() + ")");
            conditional(out, s.path("conditional_alternative"));
            continue;
          }
          s.path("alternative").forEach(p -> out.println("  alternative: " + part(p)));
          JsonNode c = s.path("capacity");
          out.printf(
              "  extra: %+.1f days, %+,.0f USD/yr, %+,.1f t CO2e/yr%n",
              s.path("extra_days").asDouble(),
              s.path("extra_cost_usd_yr").asDouble(),
              s.path("extra_co2e_t_yr").asDouble());
          out.println(
              "  capacity: "
                  + c.path("bottleneck").asText()
                  + (c.path("capacity_teu_day").isNull()
                      ? ""
                      : " " + Math.round(c.path("capacity_teu_day").asDouble()) + " TEU/day")
                  + "; "
                  + c.path("note").asText());
          if (!s.path("no_alternative").isNull()) {
            out.println("  " + s.path("no_alternative").asText());
          }
          conditional(out, s.path("conditional_alternative"));
        }
      }
      return 0;
    }

    /** The best route if the shipper lifted its country preference, when there is one. */
    private static void conditional(PrintWriter out, JsonNode k) {
      if (k.isMissingNode() || k.isNull()) {
        return;
      }
      out.println("  conditional: " + k.path("condition").asText());
      k.path("routes").forEach(p -> out.println("               " + part(p)));
      out.printf(
          "               extra: %+.1f days, %+,.0f USD/yr, %+,.1f t CO2e/yr%n",
          k.path("extra_days").asDouble(),
          k.path("extra_cost_usd_yr").asDouble(),
          k.path("extra_co2e_t_yr").asDouble());
    }

    private static String part(JsonNode p) {
      List<String> cps = new ArrayList<>();
      p.path("chokepoints").forEach(c -> cps.add(c.asText()));
      List<String> legs = new ArrayList<>();
      p.path("legs").forEach(l -> legs.add(l.asText()));
      return String.format(
              "%.0f t %s %.1f d %.0f USD/t %.0f kg CO2e/t via %s: %s",
              p.path("tonnes_yr").asDouble(),
              p.path("corridor").asText(),
              p.path("days").asDouble(),
              p.path("cost_usd_t").asDouble(),
              p.path("co2e_kg_t").asDouble(),
              cps.isEmpty() ? "no chokepoint" : String.join("+", cps),
              String.join(" | ", legs))
          + (p.path("quota_note").isNull() ? "" : " [" + p.path("quota_note").asText() + "]");
    }
  }
}
