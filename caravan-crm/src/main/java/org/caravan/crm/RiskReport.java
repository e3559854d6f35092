package org.caravan.crm;

import java.util.List;
import java.util.Optional;

/**
 * The supply-risk view: per material its flows, the routes they take, the tonnes through each
 * chokepoint and the concentration of both; under a disruption, the stranded flows with their best
 * alternative.
 *
 * @param splitRule how a flow is put on routes (documented in docs/CRM.md)
 * @param disruption the disruption applied, if any
 */
public record RiskReport(
    String splitRule,
    Optional<DisruptionInfo> disruption,
    List<MaterialRisk> materials,
    List<Stranded> stranded) {

  /** The disruption and what it removed. */
  public record DisruptionInfo(String id, String name, List<String> removes, String source) {}

  /**
   * One material.
   *
   * @param routeHhi Herfindahl–Hirschman index over the routes its tonnes take, 0–10,000 (0 when it
   *     has no flow)
   * @param chokepointHhi HHI over the chokepoint sets its tonnes cross (each route's set, "none"
   *     included)
   * @param chokepoints tonnes and share of the flow through each chokepoint (a route may cross
   *     several)
   * @param chokepointSets the flow split by the exact set of chokepoints crossed: sums to {@code
   *     tonnes_yr}
   */
  public record MaterialRisk(
      String id,
      String name,
      String euList,
      String cargo,
      int unClass,
      double tonnes_yr,
      List<FlowRoutes> flows,
      List<Share> chokepoints,
      List<Share> chokepointSets,
      double routeHhi,
      double chokepointHhi) {}

  /** Tonnes and share of a material's flow. */
  public record Share(String id, double tonnes_yr, double share) {}

  /**
   * One flow and the routes carrying it.
   *
   * @param unrouted_t tonnes per year with no allowed route (with the reason)
   */
  public record FlowRoutes(
      String id,
      String origin,
      String destination,
      double tonnes_yr,
      String tonnesSource,
      List<RoutedPart> routes,
      double unrouted_t,
      Optional<String> noRoute) {}

  /**
   * Tonnes on one route.
   *
   * @param costUsd_t door-to-door cost per tonne
   * @param co2eKg_t well-to-wheel CO2e per tonne
   * @param quotaNote set when the part was sent here because a quota on the better route was used
   *     up
   * @param path the nodes the route passes, in order, with their coordinates, and between them the
   *     points of sea lanes (id "", for maps)
   */
  public record RoutedPart(
      double tonnes_yr,
      String corridor,
      double days,
      double costUsd_t,
      double co2eKg_t,
      List<String> countries,
      List<String> chokepoints,
      List<String> modes,
      List<String> legs,
      Optional<String> quotaNote,
      List<Stop> path) {}

  /** A node on a route: id, name and WGS84 coordinates. */
  public record Stop(String id, String name, double lat, double lon) {}

  /**
   * A flow that used a removed element, with its best alternative on the disrupted network.
   *
   * @param alternative the routes on the disrupted network (empty when none is allowed)
   * @param extraDays tonne-weighted extra door-to-door days (NaN without an alternative)
   * @param extraCostUsd_yr extra cost per year for the stranded tonnes
   * @param extraCo2e_t_yr extra CO2e per year, tonnes
   * @param capacity the tightest recorded capacity on the alternative, and the load the diversion
   *     adds to it
   * @param conditional when tonnes have no allowed alternative only because the shipper avoids some
   *     countries: the best route with that preference lifted, and its condition
   */
  public record Stranded(
      String flow,
      String material,
      double tonnes_yr,
      List<RoutedPart> before,
      List<RoutedPart> alternative,
      Optional<String> noAlternative,
      double extraDays,
      double extraCostUsd_yr,
      double extraCo2e_t_yr,
      Capacity capacity,
      Optional<Conditional> conditional) {
    /** This stranded flow with its conditional alternative set. */
    public Stranded withConditional(Optional<Conditional> c) {
      return new Stranded(
          flow,
          material,
          tonnes_yr,
          before,
          alternative,
          noAlternative,
          extraDays,
          extraCostUsd_yr,
          extraCo2e_t_yr,
          capacity,
          c);
    }
  }

  /**
   * The best alternative if the shipper accepted transit through the countries it avoids: not an
   * allowed route, the price of the preference.
   *
   * @param condition what would have to be accepted, with the preference's sources
   * @param routes the unrouted tonnes on that route, next to the allowed alternative's (if any)
   * @param extraDays tonne-weighted extra door-to-door days over all stranded tonnes
   */
  public record Conditional(
      String condition,
      List<RoutedPart> routes,
      double extraDays,
      double extraCostUsd_yr,
      double extraCo2e_t_yr) {}

  /**
   * Spare capacity on an alternative, as far as the network records it.
   *
   * @param bottleneck the element with the smallest recorded capacity on the alternative ("unknown"
   *     if none)
   * @param capacityTeu_day its capacity, TEU per day (NaN when unknown)
   * @param addedTeu_day what the diverted tonnes add, TEU per day
   * @param note what is known about the spare capacity
   */
  public record Capacity(
      String bottleneck, double capacityTeu_day, double addedTeu_day, String note) {}
}
