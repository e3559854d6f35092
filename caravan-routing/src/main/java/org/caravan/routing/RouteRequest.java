package org.caravan.routing;

import java.util.EnumSet;
import java.util.Set;
import org.caravan.network.Mode;
import org.caravan.network.Passage;

/**
 * A route query between two network nodes. Everything a query depends on is here (cargo,
 * constraints, objective), none of it in the network, so one network serves any number of
 * concurrent queries.
 *
 * @param departure_s departure from the origin node, seconds since the epoch (UTC)
 * @param teu containers in twenty-foot equivalents (an FEU is 2 TEU); how links are priced for
 *     them, per TEU, per 40-ft box or per truckload, is {@link Tariffs}' rule (the count of 40-ft
 *     boxes is passed to {@link Router#route(RouteRequest, double)})
 * @param mass_t gross mass of the cargo, tonnes (for emissions)
 * @param unClass UN hazard class 1–9 for dangerous goods, 0 otherwise
 * @param maxTransshipments at most this many changes of carrier class, or -1 for no limit
 * @param maxDuration_s at most this door-to-door time, or -1
 * @param maxCost_cents at most this total cost, or -1
 * @param alternatives for a single objective: how many routes to return (k best distinct routes)
 * @param labelCap at most this many labels per node and carrier class (0 = exact); a capped search
 *     says so
 * @param epsilon thinning of the exact Pareto set (0 = the whole set): a route is left out when a
 *     returned route is no worse than {@code (1 + epsilon)} times it on every criterion; the
 *     fastest, cheapest, lowest-CO2e and most reliable routes are always returned
 */
public record RouteRequest(
    int from,
    int to,
    long departure_s,
    double teu,
    double mass_t,
    CargoClass cargo,
    int unClass,
    Set<String> avoidCountries,
    Set<Passage> avoidPassages,
    Set<Mode> modes,
    int maxTransshipments,
    long maxDuration_s,
    long maxCost_cents,
    Objective objective,
    int alternatives,
    int labelCap,
    double epsilon) {

  /** Average gross mass of a loaded TEU, tonnes: the default when only a TEU count is given. */
  public static final double DEFAULT_TEU_MASS_T = 10.0;

  /**
   * Cargo one TEU can carry, tonnes: how many TEU a cargo given only by mass needs (EST: the
   * nominal payload of a 20-ft container, rounded down). Not a TEU's mass; that is {@link
   * #DEFAULT_TEU_MASS_T}.
   */
  public static final double TEU_PAYLOAD_T = 20.0;

  /**
   * A train load, TEU: a shipment of at least this many books a block train of its own, which
   * leaves when loaded and keeps its composition through gauge changes, so it waits for no train to
   * be formed ({@link ExpectedWaits#board_s}); EST: 42 FEU, the train the default scenario forms (a
   * block train carries 41-57 FEU: the first Xi'an -> Baku train of 2024 had 55, MENAFN240115).
   */
  public static final double FULL_TRAIN_TEU = 84.0;

  /** True when the shipment fills a block train of its own ({@link #FULL_TRAIN_TEU}). */
  public boolean fullTrain() {
    return teu >= FULL_TRAIN_TEU;
  }

  public RouteRequest {
    avoidCountries = Set.copyOf(avoidCountries);
    avoidPassages = avoidPassages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoidPassages));
    modes = modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
  }

  /** One TEU of general cargo, Pareto objective, no constraints, all modes. */
  public static RouteRequest of(int from, int to, long departure_s) {
    return new RouteRequest(
        from,
        to,
        departure_s,
        1,
        DEFAULT_TEU_MASS_T,
        CargoClass.GENERAL,
        0,
        Set.of(),
        Set.of(),
        EnumSet.allOf(Mode.class),
        -1,
        -1,
        -1,
        Objective.PARETO,
        1,
        0,
        0);
  }

  /** This request with other cargo. */
  public RouteRequest withCargo(double teu, double mass_t, CargoClass cargo, int unClass) {
    Copy c = new Copy(this);
    c.teu = teu;
    c.mass_t = mass_t;
    c.cargo = cargo;
    c.unClass = unClass;
    return c.build();
  }

  /** This request avoiding other countries and passages. */
  public RouteRequest withAvoid(Set<String> countries, Set<Passage> passages) {
    Copy c = new Copy(this);
    c.avoidCountries = countries;
    c.avoidPassages = passages;
    return c.build();
  }

  /** This request allowing only the given modes. */
  public RouteRequest withModes(Set<Mode> allowed) {
    Copy c = new Copy(this);
    c.modes = allowed;
    return c.build();
  }

  /** This request with other limits on transshipments, duration and cost (-1 for none). */
  public RouteRequest withLimits(int transshipments, long duration_s, long cost_cents) {
    Copy c = new Copy(this);
    c.maxTransshipments = transshipments;
    c.maxDuration_s = duration_s;
    c.maxCost_cents = cost_cents;
    return c.build();
  }

  /** This request from {@code from} to {@code to}, leaving at {@code departure_s}. */
  public RouteRequest withEnds(int from, int to, long departure_s) {
    Copy c = new Copy(this);
    c.from = from;
    c.to = to;
    c.departure_s = departure_s;
    return c.build();
  }

  /** This request with another objective and number of alternatives. */
  public RouteRequest withObjective(Objective o, int k) {
    Copy c = new Copy(this);
    c.objective = o;
    c.alternatives = k;
    return c.build();
  }

  /** This request with another label cap. */
  public RouteRequest withLabelCap(int cap) {
    Copy c = new Copy(this);
    c.labelCap = cap;
    return c.build();
  }

  /** This request with another Pareto thinning. */
  public RouteRequest withEpsilon(double eps) {
    Copy c = new Copy(this);
    c.epsilon = eps;
    return c.build();
  }

  /**
   * A mutable copy of every component: the one place the withers list them, so adding a component
   * means changing this class and the record header only.
   */
  private static final class Copy {
    int from;
    int to;
    long departure_s;
    double teu;
    double mass_t;
    CargoClass cargo;
    int unClass;
    Set<String> avoidCountries;
    Set<Passage> avoidPassages;
    Set<Mode> modes;
    int maxTransshipments;
    long maxDuration_s;
    long maxCost_cents;
    Objective objective;
    int alternatives;
    int labelCap;
    double epsilon;

    Copy(RouteRequest r) {
      from = r.from;
      to = r.to;
      departure_s = r.departure_s;
      teu = r.teu;
      mass_t = r.mass_t;
      cargo = r.cargo;
      unClass = r.unClass;
      avoidCountries = r.avoidCountries;
      avoidPassages = r.avoidPassages;
      modes = r.modes;
      maxTransshipments = r.maxTransshipments;
      maxDuration_s = r.maxDuration_s;
      maxCost_cents = r.maxCost_cents;
      objective = r.objective;
      alternatives = r.alternatives;
      labelCap = r.labelCap;
      epsilon = r.epsilon;
    }

    RouteRequest build() {
      return new RouteRequest(
          from,
          to,
          departure_s,
          teu,
          mass_t,
          cargo,
          unClass,
          avoidCountries,
          avoidPassages,
          modes,
          maxTransshipments,
          maxDuration_s,
          maxCost_cents,
          objective,
          alternatives,
          labelCap,
          epsilon);
    }
  }
}
