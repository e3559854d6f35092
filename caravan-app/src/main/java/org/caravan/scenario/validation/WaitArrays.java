package org.caravan.scenario.validation;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.caravan.network.Network;
import org.caravan.network.Season;
import org.caravan.routing.ExpectedWaits;
import org.caravan.scenario.sim.Wagonload;
import org.caravan.scenario.validation.WaitTable.Row;

/**
 * The wait table as the router reads it ({@link ExpectedWaits}): primitive arrays per node and link
 * (the wagonload marshalling per origin node among them), a primitive map per (node, destination)
 * for formation waits, one set for the year and one per season (a season's rows over the year's).
 * Lookups on the router's hot path are array reads.
 */
final class WaitArrays {
  private WaitArrays() {}

  /**
   * The rows for cargo on {@code corridor} (empty for none): a corridor's formation wait replaces
   * the average over the corridors for its node and destination; a season's rows replace the year's
   * for a departure in that season ({@link ExpectedWaits#inSeason}).
   */
  static ExpectedWaits of(List<Row> rows, Network network, String corridor) {
    ExpectedWaits year = arrays(ordered(rows, corridor, WaitTable.ALL), network);
    ExpectedWaits[] seasons = new ExpectedWaits[Season.values().length];
    for (Season s : Season.values()) {
      // The year's rows, then the season's over them: a resource that served nothing in a season
      // keeps its year figure.
      List<Row> both = ordered(rows, corridor, WaitTable.ALL);
      both.addAll(ordered(rows, corridor, s.code()));
      seasons[s.ordinal()] = arrays(both, network);
    }
    return new Seasonal(year, seasons);
  }

  /** Averages first, then the corridor's own rows over them; other corridors' rows are skipped. */
  private static List<Row> ordered(List<Row> rows, String corridor, String season) {
    List<Row> ordered = new ArrayList<>();
    rows.stream()
        .filter(w -> w.season().equals(season) && w.corridor().isEmpty())
        .forEach(ordered::add);
    if (!corridor.isEmpty()) {
      rows.stream()
          .filter(w -> w.season().equals(season) && w.corridor().equals(corridor))
          .forEach(ordered::add);
    }
    return ordered;
  }

  /**
   * The year's waits, and per season the waits of cargo that reaches a resource then ({@link
   * ExpectedWaits#inSeason}).
   */
  private record Seasonal(ExpectedWaits year, ExpectedWaits[] seasons) implements ExpectedWaits {
    @Override
    public ExpectedWaits inSeason(Season season) {
      return seasons[season.ordinal()];
    }

    @Override
    public long pass_s(int node) {
      return year.pass_s(node);
    }

    @Override
    public long passVar_s2(int node) {
      return year.passVar_s2(node);
    }

    @Override
    public long exit_s(int node) {
      return year.exit_s(node);
    }

    @Override
    public long exitVar_s2(int node) {
      return year.exitVar_s2(node);
    }

    @Override
    public long board_s(int node, int destination) {
      return year.board_s(node, destination);
    }

    @Override
    public long boardVar_s2(int node, int destination) {
      return year.boardVar_s2(node, destination);
    }

    @Override
    public long departure_s(int link) {
      return year.departure_s(link);
    }

    @Override
    public long departureVar_s2(int link) {
      return year.departureVar_s2(link);
    }

    @Override
    public double wagonload_hPer1000km(int origin) {
      return year.wagonload_hPer1000km(origin);
    }

    @Override
    public double wagonloadSd_hPer1000km(int origin) {
      return year.wagonloadSd_hPer1000km(origin);
    }
  }

  private static ExpectedWaits arrays(List<Row> rows, Network network) {
    int n = network.nodeCount();
    int m = network.linkCount();
    long[] pass = new long[n];
    long[] passVar = new long[n];
    long[] exit = new long[n];
    long[] exitVar = new long[n];
    long[] board = new long[n];
    long[] boardVar = new long[n];
    Long2LongOpenHashMap boardTo = new Long2LongOpenHashMap();
    Long2LongOpenHashMap boardToVar = new Long2LongOpenHashMap();
    long[] dep = new long[m];
    long[] depVar = new long[m];
    double[] wagonload = new double[n];
    double[] wagonloadSd = new double[n];
    Arrays.fill(pass, -1);
    Arrays.fill(exit, -1);
    Arrays.fill(dep, -1);
    for (Row w : rows) {
      long mean = Math.round(w.mean_h() * 3600);
      long var = Math.round(w.sd_h() * 3600) * Math.round(w.sd_h() * 3600);
      var node = network.findNode(w.node());
      if (node.isEmpty()) {
        continue;
      }
      int v = node.getAsInt();
      switch (w.kind()) {
        case "pass" -> {
          pass[v] = mean;
          passVar[v] = var;
        }
        case "exit" -> {
          exit[v] = mean;
          exitVar[v] = var;
        }
        case "board" -> {
          var to =
              w.destination().isEmpty() ? OptionalInt.empty() : network.findNode(w.destination());
          if (w.destination().isEmpty()) {
            board[v] = mean;
            boardVar[v] = var;
          } else if (to.isPresent()) {
            boardTo.put(pair(v, to.getAsInt()), mean);
            boardToVar.put(pair(v, to.getAsInt()), var);
          }
        }
        case "wagonload" -> {
          // Per 1,000 km of rail in the origin's country, not a wait in hours.
          wagonload[v] = w.mean_h();
          wagonloadSd[v] = w.sd_h();
        }
        default -> {
          for (int i = network.firstOut(v); i < network.endOut(v); i++) {
            int l = network.outLink(i);
            if (network.link(l).id().equals(w.link())) {
              dep[l] = mean;
              depVar[l] = var;
            }
          }
        }
      }
    }
    byCountry(network, wagonload, wagonloadSd);
    boardTo.defaultReturnValue(-1);
    return new ArrayWaits(
        pass,
        passVar,
        exit,
        exitVar,
        board,
        boardVar,
        boardTo,
        boardToVar,
        dep,
        depVar,
        wagonload,
        wagonloadSd);
  }

  /**
   * Wagonload is a country's practice, not a station's: an origin without a {@code wagonload} row
   * of its own, in a country where the simulation marshals flows, takes the mean of that country's
   * rows (Ust-Kamenogorsk or Shymkent as Almaty and Karaganda), except a border station or gauge
   * change, where cargo rides the through block trains (KTZ's Altynkol figures, T01-T03).
   */
  private static void byCountry(Network network, double[] rate, double[] sd) {
    int c = network.countryCount();
    double[] sum = new double[c];
    double[] sumSd = new double[c];
    int[] n = new int[c];
    for (int v = 0; v < rate.length; v++) {
      if (rate[v] > 0) {
        int k = network.nodeCountry(v);
        sum[k] += rate[v];
        sumSd[k] += sd[v];
        n[k]++;
      }
    }
    for (int v = 0; v < rate.length; v++) {
      int k = network.nodeCountry(v);
      if (rate[v] == 0 && n[k] > 0 && Wagonload.marshalledAt(network.nodeKind(v))) {
        rate[v] = sum[k] / n[k];
        sd[v] = sumSd[k] / n[k];
      }
    }
  }

  private static long pair(int node, int destination) {
    return ((long) node << 32) | destination;
  }

  /** Arrays per node and link; per (node, destination) formation waits in a primitive hash map. */
  private record ArrayWaits(
      long[] pass,
      long[] passVar,
      long[] exit,
      long[] exitVar,
      long[] board,
      long[] boardVar,
      Long2LongOpenHashMap boardTo,
      Long2LongOpenHashMap boardToVar,
      long[] dep,
      long[] depVar,
      double[] wagonload,
      double[] wagonloadSd)
      implements ExpectedWaits {
    @Override
    public double wagonload_hPer1000km(int origin) {
      return wagonload[origin];
    }

    @Override
    public double wagonloadSd_hPer1000km(int origin) {
      return wagonloadSd[origin];
    }

    @Override
    public long pass_s(int node) {
      return pass[node];
    }

    @Override
    public long passVar_s2(int node) {
      return passVar[node];
    }

    @Override
    public long exit_s(int node) {
      return exit[node];
    }

    @Override
    public long exitVar_s2(int node) {
      return exitVar[node];
    }

    @Override
    public long board_s(int node, int destination) {
      long w = boardTo.get(pair(node, destination));
      return w >= 0 ? w : board[node];
    }

    @Override
    public long boardVar_s2(int node, int destination) {
      long k = pair(node, destination);
      return boardTo.containsKey(k) ? boardToVar.get(k) : boardVar[node];
    }

    @Override
    public long departure_s(int link) {
      return dep[link];
    }

    @Override
    public long departureVar_s2(int link) {
      return depVar[link];
    }
  }
}
