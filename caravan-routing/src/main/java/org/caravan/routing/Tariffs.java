package org.caravan.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.RateTables;

/**
 * The one place where a link's price for a whole shipment is computed, once per query (not per
 * label).
 *
 * <p>A link priced by a dated rate table ({@link RateTables}) for the departure day is charged as
 * the market quotes it: per container ({@code 20-ft boxes x usd_teu + 40-ft boxes x usd_feu}), or
 * per 20 t truckload as ADB CAREC CPMM publishes road costs ({@code truckloads x (usd_20t_500km x
 * km / 500 + bcp_usd_20t)}). A link without a dated price keeps its undated {@code tariff_usd_teu}:
 * per TEU (a 40-ft box counts 2 TEU), except road, where the network files state the tariff per 20
 * t truckload (one loaded container), so road is charged per truckload. Truckloads are {@code
 * max(boxes, tonnes / 20)}: one container per truck, and no truck carries more than CPMM's 20 t
 * reference load. A dated market index scales a link's undated tariff (China–Europe rail, whose
 * quotes are end-to-end through-prices). A dated ocean price is the market price for the port pair
 * whatever lane the carrier sails, so it is not scaled when an avoided passage makes the lane
 * longer.
 */
public final class Tariffs {
  /** CPMM's reference load for road costs (TFI3: USD per 500 km per 20 t). */
  public static final double TRUCKLOAD_T = 20;

  /** CPMM's reference distance for road costs, km. */
  public static final double CPMM_KM = 500;

  private Tariffs() {}

  /** The day whose rate tables price a departure (UTC). */
  public static LocalDate pricingDay(long departure_s) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(departure_s), ZoneOffset.UTC);
  }

  /** Truckloads for a shipment of {@code boxes} containers weighing {@code mass_t} tonnes. */
  public static double truckloads(double boxes, double mass_t) {
    return Math.max(boxes, mass_t / TRUCKLOAD_T);
  }

  /** The dated period that prices directed link {@code l} on {@code day}, if any. */
  public static Optional<RateTables.Period> period(
      Network net, RateTables rates, int l, LocalDate day) {
    return rates
        .tableOf(net.link(l).id())
        .filter(t -> !(t.forwardOnly() && net.isReverse(l)))
        .flatMap(t -> rates.period(t.id(), day));
  }

  /**
   * Cost in cents of moving the whole shipment over each directed link.
   *
   * @param teu total TEU (a 40-ft box counts 2)
   * @param feu how many 40-ft boxes are among them
   * @param overrideTariff_cents per-TEU tariff replacing the network's (0 = keep), e.g. a sea link
   *     re-routed
   */
  static long[] linkCost_cents(
      Network net,
      RateTables rates,
      LocalDate day,
      double teu,
      double feu,
      double mass_t,
      long[] overrideTariff_cents) {
    int m = net.linkCount();
    long[] cost = new long[m];
    double forty = feu;
    double twenty = Math.max(0, teu - 2 * feu);
    double loads = truckloads(twenty + forty, mass_t);
    for (int l = 0; l < m; l++) {
      Optional<RateTables.Period> p = period(net, rates, l, day);
      double usd;
      if (p.isPresent() && p.get().tariffIndex().isPresent()) {
        long perTeu = overrideTariff_cents[l] > 0 ? overrideTariff_cents[l] : net.tariff_cents(l);
        double units = net.linkMode(l) == Mode.ROAD ? loads : teu;
        cost[l] = Math.round(perTeu * units * p.get().tariffIndex().getAsDouble());
        continue;
      } else if (p.isPresent() && p.get().usd20t500km().isPresent()) {
        double km = net.distance_m(l) / 1000.0;
        usd =
            loads
                * (p.get().usd20t500km().getAsDouble() * km / CPMM_KM
                    + p.get().bcpUsd20t().orElse(0));
      } else if (p.isPresent()) {
        usd = twenty * p.get().usdTeu().getAsDouble() + forty * p.get().usdFeu().getAsDouble();
      } else {
        long perTeu = overrideTariff_cents[l] > 0 ? overrideTariff_cents[l] : net.tariff_cents(l);
        double units = net.linkMode(l) == Mode.ROAD ? loads : teu;
        cost[l] = Math.round(perTeu * units);
        continue;
      }
      cost[l] = Math.round(usd * 100);
    }
    return cost;
  }

  /**
   * A key that is equal for two days exactly when the same dated periods apply (for caching per
   * query).
   */
  static String signature(RateTables rates, LocalDate day) {
    StringBuilder sb = new StringBuilder();
    for (RateTables.Period p : rates.periods()) {
      if (p.covers(day)) {
        sb.append(p.table()).append('/').append(p.period()).append(';');
      }
    }
    return sb.toString();
  }
}
