package org.caravan.routing;

/**
 * The dominance rules of one query, in one place: which label beats which during the search
 * (weakly, on arrival, cost, CO2e and arrival variance, or by the single objective with ties broken
 * by time, cost and CO2e), which route beats which in the answer (the same criteria with the p95
 * arrival, at the resolution the answer shows); epsilon thinning is {@link Router}'s. {@link
 * LabelSearch} keeps the labels in primitive arrays and asks these questions with their values, so
 * nothing is allocated per comparison; an instance is reconfigured per query.
 *
 * <p>Design: Pareto dominance for multi-objective label setting after Martins (1984) and Ehrgott
 * and Gandibleux (2000).
 */
final class Dominance {
  /**
   * Weighted objective: value of time in US cents per TEU-second (2 USD per TEU-hour, EST) and
   * carbon price.
   */
  static final double VALUE_OF_TIME_CENTS_PER_TEU_S = 200.0 / 3600;

  static final double CARBON_PRICE_CENTS_PER_G = 100.0 * 100 / 1_000_000; // 100 USD per tonne CO2e

  private Objective objective = Objective.PARETO;
  private boolean limitTime;
  private boolean limitCost;
  private boolean limitHops;
  private long origin_s;
  private long teuScaled;

  /** Sets the rules for one request. */
  void configure(RouteRequest r, long teuScaled) {
    this.objective = r.objective();
    this.limitTime = r.maxDuration_s() >= 0;
    this.limitCost = r.maxCost_cents() >= 0;
    this.limitHops = r.maxTransshipments() >= 0;
    this.origin_s = r.departure_s();
    this.teuScaled = teuScaled;
  }

  long key(long t, long c, long g) {
    return switch (objective) {
      case PARETO, TIME -> t;
      case COST -> c;
      case CO2E -> g;
      case WEIGHTED ->
          c
              + Math.round((t - origin_s) * VALUE_OF_TIME_CENTS_PER_TEU_S * teuScaled / 1000.0)
              + Math.round(g * CARBON_PRICE_CENTS_PER_G);
    };
  }

  /** True when label a is at least as good as the candidate values on every compared criterion. */
  boolean weakly(
      long at, long ac, long ag, long av, int ah, long bt, long bc, long bg, long bv, int bh) {
    if (limitHops && ah > bh) {
      return false;
    }
    if (objective == Objective.PARETO) {
      return at <= bt && ac <= bc && ag <= bg && av <= bv;
    }
    return single(at, ac, ag, bt, bc, bg);
  }

  /**
   * Single objective: a is at least as good as b by the objective, ties broken by time, cost, CO2e
   * (so an equally fast route is also the cheaper one where the search can tell). Constrained
   * resources must not be worse, which keeps limits exact.
   */
  private boolean single(long at, long ac, long ag, long bt, long bc, long bg) {
    if (limitTime && at > bt) {
      return false;
    }
    if (limitCost && ac > bc) {
      return false;
    }
    long ka = key(at, ac, ag);
    long kb = key(bt, bc, bg);
    if (ka != kb) {
      return ka < kb;
    }
    if (at != bt) {
      return at < bt;
    }
    if (ac != bc) {
      return ac < bc;
    }
    return ag <= bg;
  }

  /**
   * The promised arrival: the arrival that 95 % of shipments beat, {@code t + 1.645 sd} (normal
   * approximation). It grows with both the arrival and the variance, so a route beaten on (arrival,
   * cost, CO2e, variance) is beaten on (arrival, cost, CO2e, p95) too: filtering the exact Pareto
   * set by p95 at the end is exact.
   */
  static long p95_s(long t, long variance_s2) {
    return t + Math.round(Route.Z95 * Math.sqrt((double) variance_s2));
  }

  /**
   * Dominance on what the answer is judged by: arrival, cost, CO2e and the p95 arrival, each at the
   * resolution the answer shows ({@link Route#answerDays}): a route that is seconds faster but
   * dearer and dirtier is beaten. The resolution is monotone, so pruning with it stays exact with
   * respect to the same filter.
   */
  boolean answer(
      long at, long ac, long ag, long av, int ah, long bt, long bc, long bg, long bv, int bh) {
    if (objective != Objective.PARETO) {
      return weakly(at, ac, ag, av, ah, bt, bc, bg, bv, bh);
    }
    if (limitHops && ah > bh) {
      return false;
    }
    long d = origin_s;
    return Route.answerDays(at, d) <= Route.answerDays(bt, d)
        && Route.answerUsd(ac) <= Route.answerUsd(bc)
        && Route.answerKg(ag) <= Route.answerKg(bg)
        && Route.answerDays(p95_s(at, av), d) <= Route.answerDays(p95_s(bt, bv), d);
  }
}
