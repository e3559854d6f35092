package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chain files: modes, TEU, countries, resolver, and CSV/JSON parity. */
class ChainFileReaderTest {
  final EmissionFactors factors = EmissionFactors.loadDefault();

  @Test
  void csvAndJsonGiveTheSameChain() {
    ChainFileReader reader = new ChainFileReader(factors, Optional.empty());
    List<ChainElement> fromCsv =
        reader.readCsv(
            new StringReader(
                """
        # comment lines are skipped
        leg,mode,hoc,distance_km,teu,countries
        A-B,rail,,650,2,AZ:430;GE:220
        B,,hub-port,,2,
        B-C,sea,,1000,1,
        """),
            "c.csv");
    List<ChainElement> fromJson =
        reader.readJson(
            new StringReader(
                """
        [{"leg": "A-B", "mode": "rail", "distance_km": 650, "teu": 2,
          "countries": [{"country": "AZ", "distance_km": 430}, {"country": "GE", "distance_km": 220}]},
         {"leg": "B", "hoc": "hub-port", "teu": 2},
         {"leg": "B-C", "mode": "sea", "distance_km": 1000, "teu": 1}]
        """),
            "c.json");
    assertThat(fromJson).isEqualTo(fromCsv);
    TransportLeg first = (TransportLeg) fromCsv.getFirst();
    assertThat(first.toc()).isEqualTo("rail-electric");
    assertThat(first.mass_t()).isEqualTo(20.0);
    assertThat(first.countries())
        .containsExactly(new CountryKm("AZ", 430), new CountryKm("GE", 220));
    assertThat(fromCsv.get(1)).isEqualTo(new HubOperation("B", "hub-port", 2, 20));
    assertThat(((TransportLeg) fromCsv.get(2)).toc()).isEqualTo("sea-container-large");
  }

  @Test
  void singleCountryTakesTheWholeDistance_andHeavyTeuClassIsUsed() {
    ChainFileReader reader = new ChainFileReader(factors, Optional.empty());
    TransportLeg leg =
        (TransportLeg)
            reader
                .readCsv(
                    new StringReader(
                        "toc,distance_km,teu,teu_class,country\nrail-electric,300,2,heavy,kz\n"),
                    "c.csv")
                .getFirst();
    assertThat(leg.countries()).containsExactly(new CountryKm("KZ", 300));
    assertThat(leg.mass_t()).isEqualTo(28.1);
    assertThat(leg.label()).isEqualTo("line 2");
  }

  @Test
  void resolverFillsDistanceAndCountries() {
    DistanceResolver resolver =
        (from, to, toc) ->
            from.equals("KZAAU") && to.equals("AZBAK")
                ? Optional.of(new DistanceResolver.Resolved(420, List.of(new CountryKm("KZ", 0))))
                : Optional.empty();
    ChainFileReader reader = new ChainFileReader(factors, Optional.of(resolver));
    TransportLeg leg =
        (TransportLeg)
            reader
                .readCsv(new StringReader("mode,from,to,mass_t\nferry,KZAAU,AZBAK,20\n"), "c.csv")
                .getFirst();
    assertThat(leg.distance_km()).isEqualTo(420);
    assertThat(leg.label()).isEqualTo("KZAAU-AZBAK");
    assertThatThrownBy(
            () ->
                reader.readCsv(
                    new StringReader("mode,from,to,mass_t\nferry,KZAAU,TMKRW,20\n"), "c.csv"))
        .hasMessage(
            "c.csv line 2, field from: no ferry-roro distance known from KZAAU to TMKRW; give distance_km");
  }

  @Test
  void reportTableListsEveryLegAndTheTotal() {
    ChainResult r = EmissionCalculator.withDefaults().compute(WorkedExamplesTest.middleCorridor());
    String table = EmissionsReport.table(r);
    assertThat(table.lines()).hasSize(1 + 11 + 1);
    assertThat(table)
        .contains(
            "Altynkol-Aktau",
            "rail-diesel",
            "desnz25.rail-freight-train",
            "default",
            "total",
            "5885.43",
            "WTW_range_kg",
            "g/tkm");
  }
}
