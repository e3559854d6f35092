package org.caravan.scenario.validation;

import java.util.ArrayList;
import java.util.List;
import org.caravan.network.Network;
import org.caravan.network.Season;
import org.caravan.scenario.validation.WaitTable.DepartureWait;
import org.caravan.scenario.validation.WaitTable.FormationPool;
import org.caravan.scenario.validation.WaitTable.Row;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.KpiStat;

/**
 * The wait table's rows per season ({@link Season}, by when the train, vessel or unit reached the
 * resource): the same three kinds as the year's rows, computed by the same rules from the
 * simulation's per-season means ({@link CorridorResult#seasonMeanWait_h}). A season in which a
 * resource served nothing gets no row, and the router keeps the year's figure there. Storm closures
 * of the Caspian ports fall mostly in winter and spring (corridor-facts §5.1, §10.2) and demand
 * follows the scenario's monthly seasonality; on the default scenario the two nearly cancel, and
 * the seasons' waits differ by hours (docs/VALIDATION.md, "Caspian crossings").
 */
final class SeasonalWaits {
  private SeasonalWaits() {}

  /** The season rows, season by season, in the order of the year's rows. */
  static List<Row> measure(CorridorResult r, CorridorSpec spec, Network network) {
    List<Row> rows = new ArrayList<>();
    for (Season season : Season.values()) {
      passes(r, spec, season, rows);
      boarding(r, season, rows);
      departures(r, spec, network, season, rows);
    }
    return rows;
  }

  private static void passes(CorridorResult r, CorridorSpec spec, Season season, List<Row> rows) {
    for (CorridorSpec.Gate g : spec.gates()) {
      if (!g.kind().border()) {
        continue;
      }
      var q = r.seasonMeanWait_h("resource.border." + g.id(), season);
      if (q.isEmpty()) {
        continue;
      }
      double queue = q.getAsDouble();
      double sd = Math.sqrt(Math.pow(g.delaySd_s() / 3600, 2) + queue * queue);
      rows.add(
          new Row(
              WaitTable.passKind(g),
              g.node(),
              "",
              "",
              "",
              season.code(),
              queue + g.delayMean_s() / 3600,
              sd,
              "border " + g.id() + ", " + season.code()));
    }
  }

  /** Formation waits of the season, by the year's rule ({@link WaitTable#boardRows}). */
  private static void boarding(CorridorResult r, Season season, List<Row> rows) {
    List<WaitTable.PoolWait> pools = new ArrayList<>();
    for (KpiStat k : r.kpis()) {
      String n = k.name();
      if (!n.startsWith("resource.formation.") || !n.endsWith(".mean_wait_h")) {
        continue;
      }
      String prefix = n.substring(0, n.length() - ".mean_wait_h".length());
      var m = r.seasonMeanWait_h(prefix, season);
      if (m.isPresent() && m.getAsDouble() > 0) {
        pools.add(
            new WaitTable.PoolWait(
                FormationPool.parse(prefix.substring("resource.formation.".length())),
                m.getAsDouble(),
                r.seasonServed(prefix, season)));
      }
    }
    rows.addAll(WaitTable.boardRows(pools, season.code()));
  }

  private static void departures(
      CorridorResult r, CorridorSpec spec, Network network, Season season, List<Row> rows) {
    for (CorridorSpec.Crossing x : spec.crossings()) {
      String yard = "resource.yard." + x.id();
      if (r.kpi("resource.fleet." + x.id() + ".utilisation").map(KpiStat::mean).orElse(0.0) <= 0
          || r.seasonServed(yard, season) == 0) {
        continue;
      }
      DepartureWait w =
          WaitTable.departureWait(
              res -> r.seasonMeanWait_h(res, season).orElse(0), spec, x, network);
      rows.add(
          new Row(
              "departure",
              spec.ports().get(x.fromPort()).node(),
              WaitTable.crossingLink(x),
              "",
              "",
              season.code(),
              w.total_h(),
              Math.max(w.queue_h(), x.handlingSd_s() / 3600),
              "yard + berths + vessel handling of " + x.id() + ", " + season.code()));
    }
  }
}
