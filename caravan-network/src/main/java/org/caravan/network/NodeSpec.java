package org.caravan.network;

import java.util.List;

/**
 * A node as written in {@code nodes.csv}: the editable, human-facing form. Numeric fields that the
 * file leaves empty are {@code NaN}; the values' sources are in {@link #citation}.
 *
 * <p>{@code dwell_h} is the stop of a train or truck passing through; at a border it is the stop of
 * one entering the node's country. {@code dwell_out_h}, when given, is the stop of one leaving the
 * country here: CAREC CPMM measures Kazakh rail crossings at 7–11 h outbound against 54–78 h
 * inbound (CPMM22KZ). Empty means the same stop both ways.
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
    @Cited("dwell_out") double dwell_out_h,
    @Cited(value = "dwell_out", headline = false) double dwell_out_sd_h,
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
