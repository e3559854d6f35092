package org.caravan.scenario.validation;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One published figure to compare with: a quantity between an origin and a destination on a
 * corridor, with the published range. Quantities: {@code transit_days}, {@code cost_usd_feu},
 * {@code cost_usd_teu}, {@code co2e_kg_teu}, {@code co2e_g_tkm}, {@code wait_days} (waiting for a
 * vessel from origin to destination port), {@code border_h} (time at the origin node), {@code
 * handling_h} (vessel handling at the origin node), {@code throughput_mt}, {@code throughput_teu}
 * (per year on the corridor), {@code sea_distance_nm} (sailed on the route's sea and ferry legs).
 *
 * @param origin node id, empty for corridor-wide quantities
 * @param destination node id, empty for node quantities
 * @param kind promised, guidance, observed or record
 * @param departed for a transit time that describes the trips of one month (a single train, a
 *     monthly market report): the month they left; the router and the simulation are then compared
 *     on that month's departures, with the dated episodes of that month (data/network/episodes.csv)
 * @param blockTrain the figure is one block train's (a first, test, planned or record train, {@code
 *     shipment} = {@code train}): the router then times a train load ({@code
 *     RouteRequest.FULL_TRAIN_TEU}), which waits for no train to be formed
 * @param input the model input this figure feeds, if any (then it is echoed, not validated)
 * @param line the line in the target file, for messages
 */
public record Target(
    String id,
    String origin,
    String destination,
    String corridor,
    List<String> via,
    Quantity quantity,
    double low,
    double high,
    String kind,
    String year,
    Optional<YearMonth> departed,
    boolean blockTrain,
    String source,
    Optional<String> input,
    String note,
    int line) {

  /** The kinds of published figure (corridor-facts §0 and the project rules). */
  public static final Set<String> KINDS = Set.of("promised", "guidance", "observed", "record");

  /**
   * {@code origin ARROW destination}, or the origin alone when the target has no destination (a
   * node's wait or handling time); empty for a whole-corridor figure.
   */
  public String fromTo(String arrow) {
    String od = destination.isEmpty() ? origin : origin + arrow + destination;
    return via.isEmpty() ? od : od + " via " + String.join(", ", via);
  }

  /**
   * What is measured, with its unit; the file key is the lower-case name ({@code transit_days}).
   */
  public enum Quantity {
    TRANSIT_DAYS("days"),
    COST_USD_FEU("USD/FEU"),
    COST_USD_TEU("USD/TEU"),
    CO2E_KG_TEU("kg CO2e/TEU"),
    CO2E_G_TKM("g CO2e/t-km"),
    WAIT_DAYS("days"),
    BORDER_H("h"),
    HANDLING_H("h"),
    THROUGHPUT_MT("Mt/yr"),
    THROUGHPUT_TEU("TEU/yr"),
    /**
     * Nautical miles sailed on the route's sea and ferry legs: how a figure given as a sailing time
     * at a stated speed with no calls ("27 days at 16 kn") is compared, since it describes the
     * length of the lane, not a service's time.
     */
    SEA_DISTANCE_NM("nm");

    private final String unit;

    Quantity(String unit) {
      this.unit = unit;
    }

    /** The key in targets.csv and in JSON. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
      return unit;
    }

    /** The quantity with this file key. */
    public static Optional<Quantity> of(String key) {
      for (Quantity q : values()) {
        if (q.key().equals(key)) {
          return Optional.of(q);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Whether the figure describes the best case rather than the typical shipment: a promise (plan,
   * target, planned train) says what the corridor does when it runs as planned, a record what its
   * fastest run did. Transit times of these kinds are compared with the model's fast end (the 5th
   * percentile of the router's and of the simulation's transit); observed and guidance figures with
   * the median.
   */
  public boolean bestCase() {
    return "promised".equals(kind) || "record".equals(kind);
  }

  /** Whether a value lies inside the published range. */
  public boolean contains(double v) {
    return v >= low && v <= high;
  }
}
