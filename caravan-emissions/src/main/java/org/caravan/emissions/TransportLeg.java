package org.caravan.emissions;

import java.util.List;
import java.util.Optional;

/**
 * A transport operation: a consignment of {@code mass_t} tonnes carried {@code distance_km} by one
 * transport operation category (TOC). Immutable.
 *
 * @param toc TOC id, e.g. {@code rail-electric} (see docs/EMISSIONS.md)
 * @param distance_km distance on the stated basis; the TOC's distance adjustment factor applies to
 *     SFD
 * @param countries kilometres per country; required for electric traction, ignored otherwise
 * @param carrier the operator, used to pick its primary data
 * @param primary an intensity given on the leg itself, which overrides everything else
 */
public record TransportLeg(
    String label,
    String toc,
    double distance_km,
    DistanceBasis distanceBasis,
    double mass_t,
    List<CountryKm> countries,
    Optional<String> carrier,
    Optional<PrimaryIntensity> primary)
    implements ChainElement {
  public TransportLeg {
    if (!(distance_km >= 0) || Double.isInfinite(distance_km)) {
      throw new IllegalArgumentException(
          "distance_km must be a finite number >= 0, was " + distance_km);
    }
    if (!(mass_t >= 0) || Double.isInfinite(mass_t)) {
      throw new IllegalArgumentException("mass_t must be a finite number >= 0, was " + mass_t);
    }
    countries = List.copyOf(countries);
  }

  /** A leg on the shortest-feasible-distance basis with default factors. */
  public static TransportLeg of(
      String label, String toc, double distance_km, double mass_t, List<CountryKm> countries) {
    return new TransportLeg(
        label,
        toc,
        distance_km,
        DistanceBasis.SFD,
        mass_t,
        countries,
        Optional.empty(),
        Optional.empty());
  }

  public TransportLeg withMass_t(double newMass_t) {
    return new TransportLeg(
        label, toc, distance_km, distanceBasis, newMass_t, countries, carrier, primary);
  }
}
