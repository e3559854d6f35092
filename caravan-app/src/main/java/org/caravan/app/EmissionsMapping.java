package org.caravan.app;

import java.util.List;
import java.util.Locale;
import org.caravan.emissions.ChainResult;
import org.caravan.emissions.ElementResult;
import org.caravan.emissions.Emissions;
import org.caravan.emissions.WtwRange;

/**
 * {@link ChainResult} → {@link EmissionsAnswer}: grams become kilograms, enums become lower-case
 * words.
 */
final class EmissionsMapping {
  private EmissionsMapping() {}

  static EmissionsAnswer toAnswer(ChainResult result) {
    return new EmissionsAnswer(
        result.elements().stream().map(EmissionsMapping::element).toList(),
        total(result.total(), result.range()));
  }

  private static EmissionsAnswer.Element element(ElementResult e) {
    Emissions x = e.emissions();
    return new EmissionsAnswer.Element(
        e.index(),
        e.label(),
        e.hub(),
        e.category(),
        round(e.distance_km(), 1),
        round(e.adjustedDistance_km(), 1),
        e.mass_t(),
        e.teu(),
        kg(x.wtt_g()),
        kg(x.ttw_g()),
        kg(x.wtw_g()),
        List.copyOf(e.factorIds()),
        e.source(),
        e.dataKind().name().toLowerCase(Locale.ROOT),
        range(e.range()));
  }

  private static EmissionsAnswer.Total total(Emissions x, WtwRange r) {
    return new EmissionsAnswer.Total(kg(x.wtt_g()), kg(x.ttw_g()), kg(x.wtw_g()), range(r));
  }

  private static List<Double> range(WtwRange r) {
    return List.of(kg(r.low_g()), kg(r.high_g()));
  }

  /** Kilograms with gram resolution. */
  private static double kg(double grams) {
    return round(grams / 1000, 3);
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
