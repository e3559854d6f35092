package org.caravan.network;

import java.util.List;
import java.util.Map;

/**
 * A node as written in {@code nodes.csv}: the editable, human-facing form. Numeric fields that the
 * file leaves empty are {@code NaN}.
 *
 * @param sources source text per field group: key {@code ""} is the row's default, other keys are
 *     {@code coord}, {@code dwell}, {@code handling}, {@code capacity}
 * @param status operational, or planned (left out of a compiled network unless planned elements are
 *     asked for)
 * @param openingYear year a planned node is expected to open, 0 when not given
 */
public record NodeSpec(
    String id,
    String name,
    List<String> aliases,
    NodeKind kind,
    String country,
    double lat,
    double lon,
    double dwell_h,
    double dwell_sd_h,
    double handling_h,
    double handling_usd_teu,
    double capacity_teu_day,
    Map<String, String> sources,
    Status status,
    int openingYear,
    String range,
    String notes) {

  public NodeSpec {
    aliases = List.copyOf(aliases);
    sources = Map.copyOf(sources);
  }

  /** The values that must be cited, in column order. */
  public List<CitedValue> citedValues() {
    return List.of(
        CitedValue.headline("lat", "coord", lat),
        CitedValue.headline("lon", "coord", lon),
        CitedValue.headline("dwell_h", "dwell", dwell_h),
        CitedValue.detail("dwell_sd_h", "dwell", dwell_sd_h),
        CitedValue.headline("handling_h", "handling", handling_h),
        CitedValue.headline("handling_usd_teu", "handling", handling_usd_teu),
        CitedValue.headline("capacity_teu_day", "capacity", capacity_teu_day));
  }
}
