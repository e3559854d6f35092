package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad input gives one clear message naming the file and line (or leg) and the field. */
class BadInputTest {
  final EmissionCalculator calc = EmissionCalculator.withDefaults();
  final ChainFileReader reader = new ChainFileReader(calc.factors(), Optional.empty());

  List<ChainElement> csv(String text) {
    return reader.readCsv(new StringReader(text), "chain.csv");
  }

  @Test
  void unknownMode_namesLineAndField() {
    assertThatThrownBy(
            () ->
                csv(
                    """
        leg,mode,distance_km,mass_t,countries
        a,rail,100,20,CN
        b,camel,300,20,KZ
        """))
        .isInstanceOf(EmissionsException.class)
        .hasMessage(
            "chain.csv line 3, field mode: unknown mode 'camel' (known: rail, road, ferry, sea, iww)");
  }

  @Test
  void unknownToc_namesLineAndField() {
    assertThatThrownBy(() -> csv("toc,distance_km,mass_t\nrail-steam,100,20\n"))
        .hasMessageStartingWith(
            "chain.csv line 2, field toc: unknown TOC 'rail-steam' (known: rail-electric,");
  }

  @Test
  void unknownTocThroughTheApi_namesTheLeg() {
    assertThatThrownBy(
            () ->
                calc.compute(
                    List.of(TransportLeg.of("Aktau-Baku", "hovercraft", 400, 20, List.of()))))
        .hasMessageStartingWith("leg 1 'Aktau-Baku', field toc: unknown TOC 'hovercraft'");
    assertThatThrownBy(() -> calc.co2eWtw_g("hovercraft", 1, 1, List.of()))
        .hasMessageStartingWith("unknown TOC 'hovercraft'");
  }

  @Test
  void negativeMass_namesLineAndField() {
    assertThatThrownBy(() -> csv("mode,distance_km,mass_t\nroad,100,-5\n"))
        .hasMessage("chain.csv line 2, field mass_t: must be a number >= 0, was -5");
  }

  @Test
  void negativeMassInJson_namesTheJsonField() {
    assertThatThrownBy(
            () ->
                reader.readJson(
                    new StringReader(
                        "{\"legs\": [{\"mode\": \"road\", \"distance_km\": 10, \"mass_t\": 1}, "
                            + "{\"mode\": \"road\", \"distance_km\": 10, \"mass_t\": -2}]}"),
                    "chain.json"))
        .hasMessage("chain.json legs[1].mass_t: must be a number >= 0, was -2");
  }

  @Test
  void countryWithoutGridFactor_namesLegAndField() {
    // Switzerland has no grid row (France has one since the network reaches Paris and Lyon)
    List<ChainElement> chain =
        csv("leg,toc,distance_km,mass_t,countries\nBasel-Chiasso,rail-electric,300,20,CH\n");
    assertThatThrownBy(() -> calc.compute(chain))
        .hasMessageStartingWith(
            "leg 1 'Basel-Chiasso', field countries: no grid intensity for country 'CH' (known: AM AT AZ");
    assertThatThrownBy(
            () -> calc.co2eWtw_g("rail-electric", 300, 20, new String[] {"CH"}, new double[] {300}))
        .hasMessageStartingWith(
            "TOC rail-electric, field countries: no grid intensity for country 'CH'");
  }

  @Test
  void electricLegWithoutCountries_saysWhatIsMissing() {
    assertThatThrownBy(
            () -> calc.compute(List.of(TransportLeg.of("x", "rail-electric", 100, 1, List.of()))))
        .hasMessageStartingWith(
            "leg 1 'x', field countries: electric traction needs the countries");
  }

  @Test
  void missingColumn_namesTheColumn() {
    assertThatThrownBy(() -> csv("mode,distance_km,countries\nrail,100,CN\n"))
        .hasMessage("chain.csv: missing column mass_t (or teu) in the header");
    assertThatThrownBy(() -> csv("mode,mass_t\nrail,20\n"))
        .hasMessage("chain.csv: missing column distance_km (or from and to) in the header");
    assertThatThrownBy(() -> csv("distance_km,mass_t\n100,20\n"))
        .hasMessage("chain.csv: missing column mode (or toc, or hoc for hubs) in the header");
  }

  @Test
  void misspelledColumn_isNamed() {
    assertThatThrownBy(() -> csv("mode,distance_km,mas_t\nrail,100,20\n"))
        .hasMessageStartingWith("chain.csv: unknown column 'mas_t' in the header (known:");
  }

  @Test
  void emptyValue_namesLineAndField() {
    assertThatThrownBy(() -> csv("mode,distance_km,mass_t,teu\nroad,100,,\n"))
        .hasMessage("chain.csv line 2, field mass_t: give mass_t or teu");
    assertThatThrownBy(() -> csv("mode,distance_km,mass_t\nroad,ten,20\n"))
        .hasMessage("chain.csv line 2, field distance_km: 'ten' is not a number");
  }

  @Test
  void fromToWithoutResolver_saysDistanceIsRequired() {
    assertThatThrownBy(() -> csv("mode,from,to,distance_km,mass_t\nrail,CNXIY,KZAAU,,20\n"))
        .hasMessage(
            "chain.csv line 2, field distance_km: distance_km is required: from/to (CNXIY to KZAAU) "
                + "cannot be resolved because no network distance resolver is configured");
  }

  @Test
  void severalCountriesWithoutKm_areRejected() {
    assertThatThrownBy(() -> csv("toc,distance_km,mass_t,countries\nrail-electric,650,20,AZ;GE\n"))
        .hasMessage(
            "chain.csv line 2, field countries: give km for each country, e.g. AZ:430;GE:220 (was 'AZ;GE')");
  }

  @Test
  void unknownHoc_namesLineAndField() {
    assertThatThrownBy(() -> csv("type,hoc,teu\nhub,hub-airport,2\n"))
        .hasMessage(
            "chain.csv line 2, field hoc: unknown HOC 'hub-airport' (known: hub-rail-terminal, hub-port, hub-gauge-change)");
  }

  @Test
  void brokenJson_isReportedWithPosition() {
    assertThatThrownBy(
            () -> reader.readJson(new StringReader("{\"legs\": [ {\"mode\": } ]}"), "chain.json"))
        .hasMessageStartingWith("chain.json: not valid JSON at line 1 column");
    assertThatThrownBy(
            () ->
                reader.readJson(
                    new StringReader("{\"legs\": [{\"mode\": \"road\", \"distance\": 5}]}"),
                    "chain.json"))
        .hasMessageStartingWith("chain.json legs[0].distance: unknown field");
  }

  @Test
  void missingFile_isOneLine() {
    assertThatThrownBy(
            () ->
                reader.read(
                    java.nio.file.Path.of("no-such-chain.csv"), ChainFileReader.Format.AUTO))
        .hasMessage("cannot read no-such-chain.csv: no such file");
  }
}
