package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.caravan.network.Network;
import org.caravan.network.RateTables;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prices the way the market quotes them, on a two-link fixture (Shanghai -sea-> Rotterdam -road->
 * Duisburg): dated periods picked by the departure day, per 20-ft and 40-ft box, road per 20 t
 * truckload (CPMM).
 */
class TariffsTest {
  static final String SOURCES =
      """
      id,title,publisher,date,url,licence
      T1,Test source,Caravan,2026,,CC0-1.0
      EST,Caravan project estimate,Caravan,2026,,Apache-2.0
      """;
  static final String NODES =
      """
      id,name,aliases,kind,country,lat,lon,source
      CNSHA,Shanghai,,port,CN,31.23,121.47,T1
      NLRTM,Rotterdam,,port,NL,51.95,4.14,T1
      DEDUI,Duisburg,,terminal,DE,51.43,6.76,T1
      """;
  static final String LINKS =
      """
      id,from,to,mode,distance_km,duration_h,duration_sd_h,tariff_usd_teu,countries,toc,source
      sha-rtm,CNSHA,NLRTM,sea,19600,700,70,925,CN;NL,sea-container-large,T1
      rtm-dui,NLRTM,DEDUI,road,250,5,1,375,NL;DE,road-hgv,T1
      """;
  static final String TRANSFERS =
      """
      node,from_class,to_class,time_h,cost_usd_teu,source
      NLRTM,sea,road,2,50,T1
      """;
  static final String TABLES =
      """
      id,name,links,mode,countries,direction,notes
      SEA,Test ocean,sha-rtm,,,forward,
      ROAD,Test road,rtm-dui,,,both,
      """;
  static final String RATES =
      """
      table,period,valid_from,valid_to,usd_teu,usd_feu,usd_20t_500km,bcp_usd_20t,tariff_index,source,teu_source,feu_source,kind,range,notes
      SEA,2024-Q1,2024-01-01,2024-03-31,3200,6000,,,,T1,,,tariff,,
      SEA,2024-Q2,2024-04-01,2024-06-30,2700,5000,,,,T1,,,observed,,
      ROAD,2024,2024-01-01,2024-12-31,,,1371,121,,T1,,,observed,,
      """;

  @TempDir Path dir;
  Network net;
  RateTables rates;
  org.caravan.network.NetworkSpec spec;
  int seaFwd;
  int seaBack;
  int road;

  @BeforeEach
  void load() throws IOException {
    Files.writeString(dir.resolve("sources.csv"), SOURCES);
    Files.writeString(dir.resolve("nodes.csv"), NODES);
    Files.writeString(dir.resolve("links.csv"), LINKS);
    Files.writeString(dir.resolve("transfers.csv"), TRANSFERS);
    spec = NetworkFiles.readDirectory(dir);
    net = Network.build(spec);
    rates =
        RateTables.read(
            new RateTables.Source("rate-tables.csv", () -> new StringReader(TABLES)),
            new RateTables.Source("rates.csv", () -> new StringReader(RATES)),
            spec);
    for (int l = 0; l < net.linkCount(); l++) {
      String id = net.link(l).id();
      if (id.equals("sha-rtm")) {
        if (net.isReverse(l)) {
          seaBack = l;
        } else {
          seaFwd = l;
        }
      } else if (!net.isReverse(l)) {
        road = l;
      }
    }
  }

  long[] cost(LocalDate day, double teu, double feu, double mass_t) {
    return Tariffs.linkCost_cents(net, rates, day, teu, feu, mass_t, new long[net.linkCount()]);
  }

  @Test
  void a_forty_foot_box_is_priced_per_feu_not_as_two_teu() {
    LocalDate q1 = LocalDate.of(2024, 2, 1);
    assertThat(cost(q1, 2, 1, 20)[seaFwd]).isEqualTo(6000_00); // one 40-ft box
    assertThat(cost(q1, 2, 0, 20)[seaFwd]).isEqualTo(2 * 3200_00); // two 20-ft boxes
    assertThat(cost(q1, 5, 2, 50)[seaFwd])
        .isEqualTo(2 * 6000_00 + 3200_00); // two 40-ft and one 20-ft
    // head-haul table only: the back-haul keeps its undated per-TEU tariff, a FEU counting 2 TEU
    assertThat(cost(q1, 2, 1, 20)[seaBack]).isEqualTo(2 * 925_00);
  }

  @Test
  void the_period_is_picked_by_the_departure_day_at_quarter_boundaries() {
    assertThat(cost(LocalDate.of(2024, 3, 31), 1, 0, 10)[seaFwd]).isEqualTo(3200_00);
    assertThat(cost(LocalDate.of(2024, 4, 1), 1, 0, 10)[seaFwd]).isEqualTo(2700_00);
    assertThat(cost(LocalDate.of(2024, 6, 30), 1, 0, 10)[seaFwd]).isEqualTo(2700_00);
    assertThat(cost(LocalDate.of(2024, 7, 1), 1, 0, 10)[seaFwd])
        .isEqualTo(925_00); // no period: undated tariff
    assertThat(cost(LocalDate.of(2023, 12, 31), 1, 0, 10)[seaFwd]).isEqualTo(925_00);
  }

  @Test
  void road_is_priced_per_20_t_truckload_over_500_km_as_cpmm_publishes_it() {
    LocalDate d = LocalDate.of(2024, 5, 1);
    double perLoad = 1371.0 * 250 / 500 + 121; // 806.5 USD
    assertThat(cost(d, 1, 0, 10)[road]).isEqualTo(Math.round(perLoad * 100)); // one box, one truck
    assertThat(cost(d, 2, 1, 20)[road])
        .isEqualTo(Math.round(perLoad * 100)); // one FEU = one truck, not two TEU
    assertThat(cost(d, 3, 0, 90)[road])
        .isEqualTo(Math.round(4.5 * perLoad * 100)); // 90 t need 4.5 loads of 20 t
    // undated road tariff: per truckload as the network files state it
    assertThat(cost(LocalDate.of(2026, 1, 1), 2, 1, 20)[road]).isEqualTo(375_00);
    assertThat(cost(LocalDate.of(2026, 1, 1), 2, 0, 20)[road]).isEqualTo(2 * 375_00);
  }

  @Test
  void a_market_index_scales_the_undated_tariffs_of_the_links_it_selects() {
    RateTables index =
        RateTables.read(
            new RateTables.Source(
                "rate-tables.csv",
                () ->
                    new StringReader(
                        """
        id,name,links,mode,countries,direction,notes
        EU-ROAD,Road market,,road,NL;DE,both,
        """)),
            new RateTables.Source(
                "rates.csv",
                () ->
                    new StringReader(
                        "table,period,valid_from,valid_to,tariff_index,source,kind\nEU-ROAD,2025,2025-01-01,2025-12-31,0.8,EST+T1,estimate\n")),
            spec);
    long[] c =
        Tariffs.linkCost_cents(
            net, index, LocalDate.of(2025, 1, 1), 2, 0, 20, new long[net.linkCount()]);
    assertThat(c[road]).isEqualTo(Math.round(0.8 * 2 * 375_00)); // still per truckload on road
    assertThat(c[seaFwd]).isEqualTo(2 * 925_00); // not selected
  }

  @Test
  void the_router_charges_the_period_of_the_departure_day() {
    Router router =
        new Router(
            net,
            EmissionModel.NONE,
            CargoRules.NONE,
            SeaLaneOverrides.NONE,
            Router.Options.NONE.withRates(rates));
    int from = net.getNode("CNSHA");
    int to = net.getNode("DEDUI");
    long q1 = LocalDate.of(2024, 3, 31).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long q2 = LocalDate.of(2024, 4, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    RouteRequest teu2 = RouteRequest.of(from, to, q1).withCargo(2, 20, CargoClass.GENERAL, 0);
    long twoTeu = router.route(teu2).routes().getFirst().cost_cents();
    long oneFeu = router.route(teu2, 1).routes().getFirst().cost_cents();
    long lift = 50_00; // per box at Rotterdam: a 40-ft box is one lift
    long roadOneTruck = Math.round((1371.0 * 250 / 500 + 121) * 100);
    assertThat(oneFeu).isEqualTo(6000_00 + lift + roadOneTruck);
    assertThat(twoTeu)
        .isEqualTo(2 * 3200_00 + 2 * lift + 2 * roadOneTruck); // two boxes, two lifts, two trucks
    long nextQuarter =
        router
            .route(RouteRequest.of(from, to, q2).withCargo(2, 20, CargoClass.GENERAL, 0), 1)
            .routes()
            .getFirst()
            .cost_cents();
    assertThat(nextQuarter).isEqualTo(5000_00 + lift + roadOneTruck);
  }
}
