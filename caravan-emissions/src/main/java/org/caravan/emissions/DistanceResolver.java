package org.caravan.emissions;

import java.util.List;
import java.util.Optional;

/**
 * Finds the distance and the countries of a leg given only its end points. Implemented by the
 * caller with the network (the emissions module does no routing).
 */
@FunctionalInterface
public interface DistanceResolver {
  /**
   * @param from origin node id as written in the chain file
   * @param to destination node id
   * @param toc the leg's transport operation category, to pick the right links
   * @return the distance and kilometres per country, or empty when the pair is unknown
   */
  Optional<Resolved> resolve(String from, String to, String toc);

  /** A resolved leg: total distance and kilometres per country (which should add up to it). */
  record Resolved(double distance_km, List<CountryKm> countries) {
    public Resolved {
      countries = List.copyOf(countries);
    }
  }
}
