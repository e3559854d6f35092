package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dated rate tables: the default files, period selection at quarter boundaries, and file/line/field
 * errors.
 */
class RateTablesTest {
  static final String TABLES =
      """
      id,name,links,mode,countries,direction,notes
      SEA,Test ocean,aktau-baku,,,forward,
      ROAD,Test road,beineu-aktau,,,both,
      """;
  static final String HEADER =
      "table,period,valid_from,valid_to,usd_teu,usd_feu,usd_20t_500km,bcp_usd_20t,tariff_index,"
          + "source,teu_source,feu_source,kind,range,notes\n";
  static final String RATES =
      HEADER
          + """
      SEA,2024-Q1,2024-01-01,2024-03-31,3200,6000,,,,T1,,,tariff,,
      SEA,2024-Q2,2024-04-01,2024-06-30,2700,5000,,,,,T1,EST+T1,observed,usd_feu=3000..7000,
      ROAD,2024,2024-01-01,2024-12-31,,,1371,121,,T1,,,observed,,
      """;

  @TempDir Path dir;

  RateTables read(String tables, String rates) {
    NetworkSpec spec = NetworkFiles.readDirectory(new Fixture().write(dir.resolve("net")));
    return RateTables.read(
        new RateTables.Source("rate-tables.csv", () -> new StringReader(tables)),
        new RateTables.Source("rates.csv", () -> new StringReader(rates)),
        spec);
  }

  @Test
  void the_default_tables_load_against_the_default_network() {
    RateTables rates = RateTables.readDefault(NetworkFiles.readDefault());
    assertThat(rates.tables()).containsKeys("SEA-FE-NEUR", "SEA-FE-MED", "ROAD-GE");
    // every quarter of 2023-2026 is priced for the deep-sea head-haul
    for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() <= 2026; d = d.plusMonths(3)) {
      assertThat(rates.period("SEA-FE-NEUR", d)).as("NEUR on " + d).isPresent();
      assertThat(rates.period("SEA-FE-MED", d.plusMonths(3).minusDays(1)))
          .as("MED at end of quarter " + d)
          .isPresent();
    }
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2022, 12, 31))).isEmpty();
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2027, 1, 1))).isEmpty();
  }

  @Test
  void a_period_is_picked_by_date_inclusive_at_both_ends() {
    RateTables rates = RateTables.readDefault(NetworkFiles.readDefault());
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2023, 3, 31)).orElseThrow().period())
        .isEqualTo("2023-Q1");
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2023, 4, 1)).orElseThrow().period())
        .isEqualTo("2023-Q2");
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2023, 12, 31)).orElseThrow().period())
        .isEqualTo("2023-Q4");
    assertThat(rates.period("SEA-FE-NEUR", LocalDate.of(2024, 1, 1)).orElseThrow().period())
        .isEqualTo("2024-Q1");
    // the Red Sea diversion quarter costs several times the 2023 trough
    double trough =
        rates.period("SEA-FE-NEUR", LocalDate.of(2023, 2, 15)).orElseThrow().usdFeu().getAsDouble();
    double crisis =
        rates.period("SEA-FE-NEUR", LocalDate.of(2024, 7, 15)).orElseThrow().usdFeu().getAsDouble();
    assertThat(crisis / trough).isGreaterThan(3);
  }

  @Test
  void units_and_directions_are_read() {
    RateTables r = read(TABLES, RATES);
    assertThat(r.tables().get("SEA").unit()).isEqualTo(RateTables.Unit.CONTAINER);
    assertThat(r.tables().get("SEA").forwardOnly()).isTrue();
    assertThat(r.tables().get("ROAD").unit()).isEqualTo(RateTables.Unit.TRUCKLOAD_20T_500KM);
    RateTables.Period q2 = r.period("SEA", LocalDate.of(2024, 5, 1)).orElseThrow();
    assertThat(q2.usdFeu().getAsDouble()).isEqualTo(5000);
    assertThat(q2.source("feu")).isEqualTo("EST+T1");
    assertThat(r.tableOf("beineu-aktau").orElseThrow().id()).isEqualTo("ROAD");
  }

  @Test
  void a_selector_prices_every_link_of_a_mode_within_countries_and_an_index_scales_them() {
    String tables =
        """
        id,name,links,mode,countries,direction,notes
        SEA,Test ocean,aktau-baku,,,forward,
        RAIL,Kazakh rail market,,rail,KZ,both,
        """;
    String rates =
        HEADER
            + "RAIL,2025,2025-01-01,2025-12-31,,,,,0.8,EST+T1,,,estimate,tariff_index=0.7..0.9,\n";
    RateTables r = read(tables, rates);
    assertThat(r.tables().get("RAIL").links()).containsExactly("beineu-aktau");
    assertThat(r.tables().get("RAIL").unit()).isEqualTo(RateTables.Unit.INDEX);
    assertThat(r.period("RAIL", LocalDate.of(2025, 6, 1)).orElseThrow().tariffIndex().getAsDouble())
        .isEqualTo(0.8);
  }

  @Test
  void every_problem_names_file_line_and_field() {
    String tables = TABLES + "BAD,Unknown link,no-such-link,,,sideways,\n";
    String rates =
        HEADER
            + """
        SEA,2024-Q1,2024-01-01,2024-03-31,3200,6000,,,,T1,,,tariff,,
        SEA,2024-Q1b,2024-03-01,2024-04-30,3200,6000,,,,T1,,,tariff,,
        SEA,2024-Q3,2024-07-01,2024-06-30,3200,3000,,,,NOPE,,,observed,,
        SEA,2024-Q4,2024-10-xx,2024-12-31,100,200,,,,T1,,,observed,usd_feu=300..400,
        ROAD,2024,2024-01-01,2024-12-31,100,,1371,,,T1,,,observed,,
        GHOST,2024,2024-01-01,2024-12-31,1,2,,,,T1,,,observed,,
        """;
    assertThatThrownBy(() -> read(tables, rates))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e -> {
              List<String> p = e.problems().stream().map(Problem::toString).toList();
              assertThat(p)
                  .anyMatch(
                      s ->
                          s.startsWith(
                              "rate-tables.csv:4: field 'links': unknown link 'no-such-link'"));
              assertThat(p).anyMatch(s -> s.startsWith("rate-tables.csv:4: field 'direction'"));
              assertThat(p)
                  .anyMatch(
                      s ->
                          s.startsWith(
                              "rates.csv:3: field 'valid_from': period 2024-Q1b overlaps period 2024-Q1"));
              assertThat(p)
                  .anyMatch(s -> s.startsWith("rates.csv:4: field 'valid_to': period ends"));
              assertThat(p)
                  .anyMatch(s -> s.startsWith("rates.csv:4: field 'usd_feu': a 40-ft box"));
              assertThat(p)
                  .anyMatch(
                      s -> s.startsWith("rates.csv:4: field 'source': unknown source id 'NOPE'"));
              assertThat(p)
                  .anyMatch(s -> s.startsWith("rates.csv:5: field 'valid_from': expected a date"));
              assertThat(p)
                  .anyMatch(
                      s ->
                          s.startsWith(
                              "rates.csv:5: field 'usd_feu': 200.0 lies outside its recorded range"));
              assertThat(p)
                  .anyMatch(s -> s.startsWith("rates.csv:6: field 'usd_teu': give either"));
              assertThat(p)
                  .anyMatch(
                      s -> s.startsWith("rates.csv:7: field 'table': unknown rate table 'GHOST'"));
            });
  }
}
