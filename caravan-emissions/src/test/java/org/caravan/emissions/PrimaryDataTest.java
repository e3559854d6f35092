package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A carrier's own data overrides the default on the legs it operates, and the result says so. */
class PrimaryDataTest {
  final EmissionFactors factors = EmissionFactors.loadDefault();

  @Test
  void carrierIntensityOverridesDefaultOnlyOnItsLegs() {
    PrimaryData primary =
        PrimaryData.read(
            new StringReader(
                """
        toc,carrier,wtt_g_per_tkm,ttw_g_per_tkm,source
        rail-diesel,KTZ,5,20,KTZ 2024 report
        """),
            "primary.csv",
            factors);
    EmissionCalculator calc = new EmissionCalculator(factors, primary);
    TransportLeg ktz =
        new TransportLeg(
            "a",
            "rail-diesel",
            1000,
            DistanceBasis.SFD,
            20,
            List.of(),
            Optional.of("KTZ"),
            Optional.empty());
    TransportLeg other =
        new TransportLeg(
            "b",
            "rail-diesel",
            1000,
            DistanceBasis.SFD,
            20,
            List.of(),
            Optional.of("ADY"),
            Optional.empty());
    ChainResult r = calc.compute(List.of(ktz, other));

    ElementResult p = r.elements().get(0);
    assertThat(p.dataKind()).isEqualTo(DataKind.PRIMARY);
    assertThat(p.emissions().wtt_g()).isCloseTo(20 * 1000 * 5.0, within(1e-6));
    assertThat(p.emissions().ttw_g()).isCloseTo(20 * 1000 * 20.0, within(1e-6));
    assertThat(p.source()).contains("primary.csv line 2 (KTZ): KTZ 2024 report");
    assertThat(p.factorIds()).containsExactly("primary");
    ElementResult d = r.elements().get(1);
    assertThat(d.dataKind()).isEqualTo(DataKind.DEFAULT);
    assertThat(d.factorIds()).first().isEqualTo("desnz25.rail-freight-train");
  }

  @Test
  void fuelUseIsConvertedWithTheFuelFactors() {
    EmissionCalculator calc =
        new EmissionCalculator(
            factors,
            PrimaryData.load(
                Path.of("..", "data", "emissions", "examples", "primary-example.csv"), factors));
    TransportLeg ferry =
        new TransportLeg(
            "Aktau-Alat",
            "ferry-roro",
            420,
            DistanceBasis.ACTUAL,
            20,
            List.of(),
            Optional.of("ASCO"),
            Optional.empty());
    ElementResult r = calc.computeElement(ferry, 1);
    // 0.012 kg MGO per tkm x DESNZ 2025 marine gas oil 3,245.30441 kg CO2e/t TTW (= g/kg),
    // 743.83524 WTT
    double tkm = 20 * 420; // actual distance: no DAF
    assertThat(r.emissions().ttw_g()).isCloseTo(tkm * 0.012 * 3245.30441, within(1e-6));
    assertThat(r.emissions().wtt_g()).isCloseTo(tkm * 0.012 * 743.83524, within(1e-6));
    assertThat(r.factorIds()).containsExactly("fuel.marine-gas-oil.t");
    assertThat(r.dataKind()).isEqualTo(DataKind.PRIMARY);
  }

  @Test
  void electricityUseIsChargedAtTheLegsGrids() {
    PrimaryData primary =
        PrimaryData.ofToc(
            Map.of(
                "rail-electric",
                new PrimaryIntensity(0, 0, 0.02, "operator meter data", List.of())));
    EmissionCalculator calc = new EmissionCalculator(factors, primary);
    double g = calc.co2eWtw_g("rail-electric", 100, 10, List.of(new CountryKm("GE", 100)));
    assertThat(g).isCloseTo(10 * 100 * 0.02 * 143.06, within(1e-6));
  }

  @Test
  void inlineIntensityOnAChainRowWins() {
    ChainFileReader reader = new ChainFileReader(factors, Optional.empty());
    List<ChainElement> chain =
        reader.readCsv(
            new StringReader(
                """
        toc,distance_km,distance_basis,mass_t,wtt_g_per_tkm,ttw_g_per_tkm
        road-hgv,100,actual,10,10,40
        """),
            "c.csv");
    ElementResult r = EmissionCalculator.withDefaults().computeElement(chain.getFirst(), 1);
    assertThat(r.emissions().wtw_g()).isCloseTo(10 * 100 * 50.0, within(1e-9));
    assertThat(r.dataKind()).isEqualTo(DataKind.PRIMARY);
    assertThat(r.source()).isEqualTo("primary data on c.csv line 2");
  }

  @Test
  void badPrimaryRowsAreNamed() {
    assertThatThrownBy(
            () ->
                PrimaryData.read(
                    new StringReader(
                        "toc,carrier,fuel,fuel_per_tkm,fuel_unit\nferry-roro,X,whale-oil,0.01,kg\n"),
                    "p.csv",
                    factors))
        .hasMessageStartingWith("p.csv line 2, field fuel: no factor for fuel 'whale-oil' in kg");
    assertThatThrownBy(
            () ->
                PrimaryData.read(
                    new StringReader(
                        "toc,carrier,wtt_g_per_tkm,ttw_g_per_tkm\nrail-diesel,X,-1,3\n"),
                    "p.csv",
                    factors))
        .hasMessage("p.csv line 2, field wtt_g_per_tkm: must be >= 0, was -1");
    assertThatThrownBy(
            () -> PrimaryData.read(new StringReader("carrier,x\nA,1\n"), "p.csv", factors))
        .hasMessage("p.csv: missing column toc in the header");
  }
}
