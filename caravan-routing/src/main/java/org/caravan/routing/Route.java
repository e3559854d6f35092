package org.caravan.routing;

import java.util.List;

/**
 * A door-to-door route with its totals. Times are seconds since the epoch; the transit time
 * includes handling at both ends, dwell at borders, transfers and waits for scheduled services.
 *
 * @param variance_s2 sum of the variances of the running and dwell times: the spread of the transit
 *     time
 * @param borders border and gauge-change nodes passed, in order
 * @param gaugeChanges nodes where the route changes between 1520 mm and 1435 mm rail
 * @param passages sea passages the route sails through
 * @param corridor the label of the corridor the route keeps to ({@code data/network/corridors.csv}:
 *     {@code middle}, {@code northern}, {@code southern}), {@link #SEA_CORRIDOR} or {@link
 *     #REGIONAL_CORRIDOR}
 * @param geometry {@code [lon, lat]} points along the route
 */
public record Route(
    List<Leg> legs,
    long departure_s,
    long arrival_s,
    long cost_cents,
    long co2e_g,
    long variance_s2,
    int transshipments,
    long distance_m,
    List<String> countries,
    List<String> borders,
    List<String> gaugeChanges,
    List<String> passages,
    String corridor,
    List<double[]> geometry) {

  /** The corridor label of a route that travels most of its distance by sea. */
  public static final String SEA_CORRIDOR = "sea";

  /**
   * The corridor label of a route that runs only where corridors of different labels share the
   * network (inside China, Central Asia or Europe: Almaty -> Xi'an, Budapest -> Vienna), so that no
   * one corridor names it.
   */
  public static final String REGIONAL_CORRIDOR = "regional";

  /** z of the standard normal distribution at 95 %. */
  public static final double Z95 = 1.645;

  public double transitDays() {
    return (arrival_s - departure_s) / 86_400.0;
  }

  /** The arrival 95 % of shipments beat (normal approximation): the arrival one can promise. */
  public long p95Arrival_s() {
    return Dominance.p95_s(arrival_s, variance_s2);
  }

  /** Door-to-door time that 95 % of shipments stay under, days. */
  public double p95TransitDays() {
    return (p95Arrival_s() - departure_s) / 86_400.0;
  }

  /**
   * Delay over the typical transit time that 95 % of shipments stay under (normal approximation).
   */
  public double p95Delay_h() {
    return Z95 * Math.sqrt((double) variance_s2) / 3600;
  }

  /**
   * Transit time from {@code departure_s} to {@code instant_s} in hundredths of a day (14.4 min),
   * the resolution of {@code transit_days} in every answer. The answer filter compares routes at
   * this resolution.
   */
  public static long answerDays(long instant_s, long departure_s) {
    return Math.round((instant_s - departure_s) / 864.0);
  }

  /** Cost in whole USD, the resolution of {@code cost_usd} in every answer. */
  public static long answerUsd(long cost_cents) {
    return Math.round(cost_cents / 100.0);
  }

  /** CO2e in tenths of a kg, the resolution of {@code co2e_kg} in every answer. */
  public static long answerKg(long co2e_g) {
    return Math.round(co2e_g / 100.0);
  }
}
