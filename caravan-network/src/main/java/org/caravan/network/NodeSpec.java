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
}
