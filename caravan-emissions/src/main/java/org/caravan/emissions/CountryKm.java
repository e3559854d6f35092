package org.caravan.emissions;

import java.util.Locale;

/**
 * The kilometres of a leg that run through one country (ISO 3166 alpha-2, or {@code EU} for the
 * EU-27 average). Electric rail is charged at each country's grid intensity in proportion to these
 * kilometres.
 */
public record CountryKm(String country, double distance_km) {
  public CountryKm {
    if (country == null || country.isBlank()) {
      throw new IllegalArgumentException("country code is empty");
    }
    country = country.strip().toUpperCase(Locale.ROOT);
    if (!(distance_km >= 0) || Double.isInfinite(distance_km)) {
      throw new IllegalArgumentException(
          "distance_km for " + country + " must be a finite number >= 0, was " + distance_km);
    }
  }
}
