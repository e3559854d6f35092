package org.caravan.network;

import java.util.List;

/**
 * A node as written in {@code nodes.csv}: the editable, human-facing form. Numeric fields that the
 * file leaves empty are {@code NaN}; the values' sources are in {@link #citation}.
 */
public record NodeSpec(
    String id,
    String name,
    List<String> aliases,
    NodeKind kind,
    String country,
    @Cited("coord") double lat,
    @Cited("coord") double lon,
    @Cited("dwell") double dwell_h,
    @Cited(value = "dwell", headline = false) double dwell_sd_h,
    @Cited("handling") double handling_h,
    @Cited("handling") double handling_usd_teu,
    @Cited("capacity") double capacity_teu_day,
    Status status,
    int openingYear,
    String range,
    Citation citation)
    implements InfrastructureRow {

  public NodeSpec {
    aliases = List.copyOf(aliases);
  }
}
