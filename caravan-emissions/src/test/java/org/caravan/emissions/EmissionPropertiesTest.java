package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Properties that hold for any chain, with every TOC and HOC and random countries. */
class EmissionPropertiesTest {
  static final EmissionCalculator CALC = EmissionCalculator.withDefaults();
  static final List<String> TOCS =
      List.of(
          "rail-electric",
          "rail-diesel",
          "road-hgv",
          "ferry-rail",
          "ferry-roro",
          "ferry-ropax",
          "sea-container-feeder",
          "sea-container-large",
          "sea-container-asia-europe",
          "iww-barge",
          "sea-charter-general");
  static final List<String> HOCS = List.of("hub-rail-terminal", "hub-port", "hub-gauge-change");
  static final List<String> COUNTRIES =
      List.of(
          "CN", "KZ", "UZ", "TM", "RU", "BY", "AZ", "GE", "TR", "BG", "RO", "HU", "PL", "DE", "EU",
          "AT", "IT", "NL", "BE", "MN", "IR", "GR", "RS", "SK", "CZ");

  @Provide
  Arbitrary<TransportLeg> legs() {
    Arbitrary<List<CountryKm>> countries =
        Combinators.combine(Arbitraries.of(COUNTRIES), Arbitraries.doubles().between(0.1, 5000))
            .as(CountryKm::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4);
    return Combinators.combine(
            Arbitraries.of(TOCS),
            Arbitraries.doubles().between(0, 25_000),
            Arbitraries.doubles().between(0, 60),
            countries)
        .as((toc, d, m, c) -> TransportLeg.of("p", toc, d, m, c));
  }

  @Provide
  Arbitrary<ChainElement> elements() {
    Arbitrary<ChainElement> hubs =
        Combinators.combine(Arbitraries.of(HOCS), Arbitraries.doubles().between(0, 4))
            .as((h, teu) -> (ChainElement) new HubOperation("h", h, teu, teu * 10));
    return Arbitraries.oneOf(legs().map(l -> (ChainElement) l), hubs);
  }

  @Provide
  Arbitrary<List<ChainElement>> chains() {
    return elements().list().ofMaxSize(12);
  }

  @Property
  void zeroDistanceGivesZeroTransportEmissions(@ForAll("legs") TransportLeg leg) {
    TransportLeg zero =
        new TransportLeg(
            leg.label(),
            leg.toc(),
            0,
            leg.distanceBasis(),
            leg.mass_t(),
            leg.countries(),
            leg.carrier(),
            leg.primary());
    ElementResult r = CALC.computeElement(zero, 1);
    assertThat(r.emissions().wtw_g()).isZero();
    assertThat(CALC.co2eWtw_g(leg.toc(), 0, leg.mass_t(), leg.countries())).isZero();
  }

  @Property
  void wtwIsWttPlusTtwOnEveryElementAndTheTotal(@ForAll("chains") List<ChainElement> chain) {
    ChainResult r = CALC.compute(chain);
    for (ElementResult e : r.elements()) {
      assertThat(e.emissions().wtw_g()).isEqualTo(e.emissions().wtt_g() + e.emissions().ttw_g());
      assertThat(e.emissions().wtt_g()).isGreaterThanOrEqualTo(0);
      assertThat(e.emissions().ttw_g()).isGreaterThanOrEqualTo(0);
      if (e.category().equals("rail-electric")) {
        assertThat(e.emissions().ttw_g()).isZero();
      }
    }
    assertThat(r.total().wtw_g()).isCloseTo(r.total().wtt_g() + r.total().ttw_g(), within(1e-6));
  }

  @Property
  void everyElementLiesInsideItsRangeAndTheRangesAddUp(@ForAll("chains") List<ChainElement> chain) {
    ChainResult r = CALC.compute(chain);
    double low = 0;
    double high = 0;
    for (ElementResult e : r.elements()) {
      double wtw = e.emissions().wtw_g();
      assertThat(e.range().low_g()).isLessThanOrEqualTo(wtw + 1e-6);
      assertThat(e.range().high_g()).isGreaterThanOrEqualTo(wtw - 1e-6);
      low += e.range().low_g();
      high += e.range().high_g();
    }
    assertThat(r.range().low_g()).isCloseTo(low, within(1e-6 * Math.max(1, low)));
    assertThat(r.range().high_g()).isCloseTo(high, within(1e-6 * Math.max(1, high)));
  }

  @Property
  void totalsAddUpOverLegs(@ForAll("chains") List<ChainElement> chain) {
    ChainResult r = CALC.compute(chain);
    double wtt = 0;
    double ttw = 0;
    for (ChainElement e : chain) {
      Emissions single = CALC.compute(List.of(e)).total();
      wtt += single.wtt_g();
      ttw += single.ttw_g();
    }
    assertThat(r.total().wtt_g()).isCloseTo(wtt, within(1e-6 * Math.max(1, wtt)));
    assertThat(r.total().ttw_g()).isCloseTo(ttw, within(1e-6 * Math.max(1, ttw)));
    // splitting a chain in two and adding the parts gives the whole
    int cut = chain.size() / 2;
    double parts =
        CALC.compute(new ArrayList<>(chain.subList(0, cut))).total().wtw_g()
            + CALC.compute(new ArrayList<>(chain.subList(cut, chain.size()))).total().wtw_g();
    assertThat(r.total().wtw_g()).isCloseTo(parts, within(1e-6 * Math.max(1, parts)));
  }

  @Property
  void emissionsNeverDecreaseWithMassOrDistance(
      @ForAll("legs") TransportLeg leg,
      @ForAll @DoubleRange(min = 0, max = 100) double extraMass_t,
      @ForAll @DoubleRange(min = 0, max = 5000) double extraDistance_km) {
    double base = CALC.computeElement(leg, 1).emissions().wtw_g();
    double heavier =
        CALC.computeElement(leg.withMass_t(leg.mass_t() + extraMass_t), 1).emissions().wtw_g();
    TransportLeg longer =
        new TransportLeg(
            leg.label(),
            leg.toc(),
            leg.distance_km() + extraDistance_km,
            leg.distanceBasis(),
            leg.mass_t(),
            leg.countries(),
            leg.carrier(),
            leg.primary());
    double further = CALC.computeElement(longer, 1).emissions().wtw_g();
    assertThat(heavier).isGreaterThanOrEqualTo(base);
    assertThat(further).isGreaterThanOrEqualTo(base);
    if (leg.mass_t() > 0 && extraDistance_km > 1 && leg.distance_km() >= 0) {
      assertThat(further).isGreaterThan(base);
    }
  }

  @Property
  void hotPathAgreesWithTheChainCalculation(@ForAll("legs") TransportLeg leg) {
    double chain = CALC.computeElement(leg, 1).emissions().wtw_g();
    String[] codes = leg.countries().stream().map(CountryKm::country).toArray(String[]::new);
    double[] km = leg.countries().stream().mapToDouble(CountryKm::distance_km).toArray();
    assertThat(CALC.co2eWtw_g(leg.toc(), leg.distance_km(), leg.mass_t(), codes, km))
        .isCloseTo(chain, within(1e-6 * Math.max(1, chain)));
    assertThat(CALC.co2eWtw_g(leg.toc(), leg.distance_km(), leg.mass_t(), leg.countries()))
        .isCloseTo(chain, within(1e-6 * Math.max(1, chain)));
  }
}
