package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The factor for each vehicle as it runs (issue 11): rail ferries with the wagon tare on board,
 * container trains from energy per gross tonne-km, ship size classes and the Asia-Europe lane, and
 * the distance adjustment factor applied only where the factor assumes actual distances. Expected
 * values are written out from the cited inputs.
 */
class VehicleFactorsTest {
  final EmissionCalculator calc = EmissionCalculator.withDefaults();

  private LegIntensity at(String toc, String country) {
    return calc.legIntensity(toc, List.of(new CountryKm(country, 1)));
  }

  @Test
  void containerTrainGrossPerNetFollowsTheCapacityUtilisationFormula() {
    // every slot loaded, no empty return: (w + c + m) / m
    assertThat(ContainerTrain.grossPerNet(9, 2, 10, 1, 0)).isCloseTo(2.1, within(1e-12));
    // an empty return run of the whole train doubles the tare share
    assertThat(ContainerTrain.grossPerNet(9, 2, 10, 1, 1))
        .isCloseTo((21 + 11) / 10.0, within(1e-12));
    // the corridor default: 90 % loaded, half the return empty
    assertThat(ContainerTrain.grossPerNet(9, 2, 10, 0.9, 0.5)).isCloseTo(2.8, within(1e-12));
    assertThatThrownBy(() -> ContainerTrain.grossPerNet(9, 2, 10, 0, 0.5))
        .isInstanceOf(EmissionsException.class);
  }

  @Test
  void electricRailIsEnergyPerGrossTkmTimesGrossPerNetTimesLossesTimesTheGrid() {
    double kWh = 0.027 * 686 / 1659 * 2.8 * 1.1047;
    LegIntensity cn = at("rail-electric", "CN");
    assertThat(cn.wtw_g_per_tkm()).isCloseTo(kWh * 557.50, within(1e-9));
    assertThat(cn.ttw_g_per_tkm()).isZero();
    double best =
        0.027 * 686 / 1659 * ContainerTrain.grossPerNet(6.7, 2, 10, 1, 0.2) * 1.1047 * 557.50;
    double worst =
        0.027 * 686 / 1659 * ContainerTrain.grossPerNet(11, 2, 10, 0.75, 0.8) * 1.1047 * 557.50;
    assertThat(cn.wtwLow_g_per_tkm()).isCloseTo(best, within(1e-9));
    assertThat(cn.wtwHigh_g_per_tkm()).isCloseTo(worst, within(1e-9));
    // the published intensity band for China-Europe rail is 15-30 g/tkm (corridor-facts 8.1)
    assertThat(cn.wtw_g_per_tkm()).isBetween(15.0, 30.0);
  }

  @Test
  void railFerryChargesTheShipFactorOnCargoPlusContainerAndWagonTare() {
    LegIntensity ferry = at("ferry-rail", "KZ");
    double roro = 51.58 + 11.70;
    assertThat(ferry.wtw_g_per_tkm()).isCloseTo(roro * (9 + 0.9 * 12) / 9, within(1e-9));
    assertThat(ferry.ttw_g_per_tkm() / ferry.wtw_g_per_tkm()).isCloseTo(51.58 / roro, within(1e-9));
    assertThat(ferry.wtwLow_g_per_tkm()).isCloseTo((50.12 + 11.36) * (6.7 + 12) / 10, within(1e-9));
    assertThat(ferry.wtwHigh_g_per_tkm())
        .isCloseTo((61.05 + 13.84) * (11 + 0.75 * 12) / 7.5, within(1e-9));
    // issue 11: every Caspian rail-ferry leg between 40 and 150 g/tkm WTW; no DAF on the sailing
    // distance
    assertThat(ferry.wtw_g_per_tkm()).isBetween(40.0, 150.0);
    assertThat(ferry.daf()).isEqualTo(1.0);
    // the passenger-ferry factor the network used to charge is more than three times higher
    assertThat(at("ferry-ropax", "KZ").wtw_g_per_tkm() * 1.15)
        .isGreaterThan(3 * ferry.wtw_g_per_tkm());
  }

  @Test
  void shipsBySizeClassAndTradeLane() {
    assertThat(at("sea-container-feeder", "GE").wtw_g_per_tkm())
        .isCloseTo(36.75 + 8.33, within(1e-9));
    assertThat(at("sea-container-large", "GR").wtw_g_per_tkm())
        .isCloseTo(12.66 + 2.87, within(1e-9));
    LegIntensity lane = at("sea-container-asia-europe", "CN");
    assertThat(lane.wtw_g_per_tkm()).isCloseTo((15.53 + 7.2) / 2, within(0.01));
    assertThat(lane.wtwLow_g_per_tkm()).isCloseTo(7.2, within(1e-9));
    assertThat(lane.wtwHigh_g_per_tkm()).isCloseTo(15.53, within(1e-9));
    assertThat(lane.wtw_g_per_tkm()).isBetween(5.0, 20.0);
  }

  @Test
  void theVehicleOnALinkPicksTheCategory() {
    assertThat(VehicleCategories.emissionToc("ferry-ropax", "rail", List.of("KZ", "AZ")))
        .isEqualTo("ferry-rail");
    assertThat(VehicleCategories.emissionToc("ferry-roro", "roro", List.of("GE", "BG")))
        .isEqualTo("ferry-roro");
    assertThat(VehicleCategories.emissionToc("sea-container-large", "", List.of("CN", "EG", "NL")))
        .isEqualTo("sea-container-asia-europe");
    assertThat(VehicleCategories.emissionToc("sea-container-large", "", List.of("NL", "EG", "CN")))
        .isEqualTo("sea-container-asia-europe");
    assertThat(VehicleCategories.emissionToc("sea-container-large", "", List.of("GR", "TR", "RO")))
        .isEqualTo("sea-container-large");
    assertThat(VehicleCategories.emissionToc("rail-electric", "", List.of("CN")))
        .isEqualTo("rail-electric");
  }

  @Test
  void distanceAdjustmentOnlyWhereTheFactorAssumesActualDistances() {
    // ISO 14083 5.4.4: DAF x SFD approximates the actual distance; sea factors are SFD-based
    // (GLEC), so a marnet
    // SFD gets no DAF, while DESNZ road factors are per actual km and an SFD road leg gets 1.05.
    TransportLeg sea = TransportLeg.of("s", "sea-container-large", 1000, 10, List.of());
    TransportLeg road = TransportLeg.of("r", "road-hgv", 1000, 10, List.of());
    TransportLeg roadActual =
        new TransportLeg(
            "a",
            "road-hgv",
            1000,
            DistanceBasis.ACTUAL,
            10,
            List.of(),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertThat(calc.computeElement(sea, 1).adjustedDistance_km()).isEqualTo(1000);
    assertThat(calc.computeElement(sea, 1).factorIds()).doesNotContain("daf.sea");
    assertThat(calc.computeElement(road, 1).adjustedDistance_km()).isCloseTo(1050, within(1e-9));
    assertThat(calc.computeElement(road, 1).factorIds()).contains("daf.road");
    assertThat(calc.computeElement(roadActual, 1).adjustedDistance_km()).isEqualTo(1000);
    assertThat(calc.factors().findCategory("ferry-rail").orElseThrow().factorBasis())
        .isEqualTo(DistanceBasis.SFD);
    assertThat(calc.factors().findCategory("road-hgv").orElseThrow().factorBasis())
        .isEqualTo(DistanceBasis.ACTUAL);
  }

  @Test
  void aBadFactorBasisIsNamed() {
    String f =
        "id,kind,value,unit,scope,source,source_ref,year,licence,confidence,note\n"
            + "daf.rail,daf,1,ratio,-,s,r,2025,x,D,\n"
            + "x,transport,0.01,kg CO2e/tkm,TTW,s,r,2025,x,D,\nx,transport,0.01,kg CO2e/tkm,WTT,s,r,2025,x,D,\n";
    String head = "category,kind,method,factor,low,high,daf,factor_basis,note\n";
    String c = head + "rail-diesel,toc,intensity,x,,,daf.rail,gcd,\n";
    assertThatThrownBy(
            () -> EmissionFactors.read(new StringReader(f), "f.csv", new StringReader(c), "c.csv"))
        .hasMessage("c.csv line 2, field factor_basis: 'gcd' is not actual or sfd");
    String c2 = head + "rail-diesel,toc,intensity,x,nope,,daf.rail,,\n";
    assertThatThrownBy(
            () -> EmissionFactors.read(new StringReader(f), "f.csv", new StringReader(c2), "c.csv"))
        .hasMessage("c.csv line 2, field low: no WTT row for factor nope in the factor table");
  }
}
