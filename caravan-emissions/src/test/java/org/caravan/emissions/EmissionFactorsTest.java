package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default factor table: complete, traceable, and every category resolves. */
class EmissionFactorsTest {
  final EmissionFactors factors = EmissionFactors.loadDefault();

  @Test
  void everyNetworkTocAndHocResolves() {
    EmissionCalculator calc = new EmissionCalculator(factors, PrimaryData.none());
    for (String toc : EmissionPropertiesTest.TOCS) {
      assertThat(factors.findCategory(toc)).as(toc).isPresent();
      assertThat(calc.co2eWtw_g(toc, 100, 10, List.of(new CountryKm("DE", 100))))
          .as(toc)
          .isPositive();
    }
    for (String hoc : EmissionPropertiesTest.HOCS) {
      assertThat(factors.findCategory(hoc))
          .as(hoc)
          .hasValueSatisfying(c -> assertThat(c.hub()).isTrue());
    }
    assertThat(factors.listCategoryIds()).hasSize(14);
  }

  @Test
  void gridFactorsExistForEveryCorridorCountry() {
    for (String c : EmissionPropertiesTest.COUNTRIES) {
      assertThat(factors.findGrid_g_per_kWh(c)).as(c).isPresent();
    }
    assertThat(factors.findGrid_g_per_kWh("CN").getAsDouble()).isEqualTo(557.50);
    assertThat(factors.findGrid_g_per_kWh("EU").getAsDouble()).isEqualTo(213.02);
  }

  @Test
  void everyRowHasSourceYearAndLicence_andEmissionFactorsComeInWttTtwPairs() {
    for (EmissionFactor f : factors.list()) {
      assertThat(f.source()).as(f.id()).isNotBlank();
      assertThat(f.licence()).as(f.id()).isNotBlank();
      assertThat(f.year()).as(f.id()).isBetween(2009, 2026);
      if (f.kind().equals("transport") || f.kind().equals("hub") || f.kind().equals("fuel")) {
        assertThat(factors.find(f.id(), Scope.WTT)).as(f.id()).isPresent();
        assertThat(factors.find(f.id(), Scope.TTW)).as(f.id()).isPresent();
      }
    }
  }

  @Test
  void teuMassesAndDistanceAdjustmentFactors() {
    assertThat(factors.findTeuMass_t("average")).contains(10.0);
    assertThat(factors.findTeuMass_t("light")).contains(6.0);
    assertThat(factors.findTeuMass_t("heavy")).contains(14.05);
    assertThat(factors.findParameter("daf.sea").orElseThrow().value()).isEqualTo(1.15);
    assertThat(factors.findParameter("daf.rail").orElseThrow().value()).isEqualTo(1.0);
  }

  @Test
  void perTeuKmFactorDividedByTeuMassIsThePerTkmFactor() {
    // F6 of the method brief: a g/TEU-km intensity / t per TEU = g/tkm
    double perTkm =
        new EmissionCalculator(factors, PrimaryData.none())
            .legIntensity("sea-container-large", List.of())
            .wtw_g_per_tkm();
    double perTeuKm = perTkm * factors.findTeuMass_t("average").orElseThrow();
    assertThat(perTeuKm / 10.0).isEqualTo(perTkm);
  }

  @Test
  void aCategoryPointingAtAMissingFactorFailsAtLoad() {
    String f =
        "id,kind,value,unit,scope,source,source_ref,year,licence,confidence,note\n"
            + "daf.rail,daf,1,ratio,-,s,r,2025,x,D,\n";
    String c = "category,kind,method,factor,daf,note\nrail-diesel,toc,intensity,nope,daf.rail,\n";
    assertThatThrownBy(
            () -> EmissionFactors.read(new StringReader(f), "f.csv", new StringReader(c), "c.csv"))
        .hasMessage("c.csv line 2, field factor: no WTT row for factor nope in the factor table");
  }

  @Test
  void aBadFactorRowIsNamed() {
    String f =
        "id,kind,value,unit,scope,source,source_ref,year,licence,confidence,note\n"
            + "x,transport,abc,kg CO2e/tkm,TTW,s,r,2025,x,D,\n";
    assertThatThrownBy(
            () ->
                EmissionFactors.read(
                    new StringReader(f),
                    "f.csv",
                    new StringReader("category,kind,method,factor,daf,note\n"),
                    "c.csv"))
        .hasMessage("f.csv line 2, field value: 'abc' is not a number");
  }
}
