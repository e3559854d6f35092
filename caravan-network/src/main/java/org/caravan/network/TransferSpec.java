package org.caravan.network;

import java.util.List;
import java.util.Map;

/**
 * A row of {@code transfers.csv}: at {@code node}, a container may change between two carrier
 * classes.
 */
public record TransferSpec(
    String node,
    CarrierClass fromClass,
    CarrierClass toClass,
    double time_h,
    double cost_usd_teu,
    Map<String, String> sources,
    String notes) {

  public TransferSpec {
    sources = Map.copyOf(sources);
  }

  /** Key that identifies the transfer regardless of direction. */
  public String key() {
    return fromClass.ordinal() <= toClass.ordinal()
        ? node + "|" + fromClass.code() + "|" + toClass.code()
        : node + "|" + toClass.code() + "|" + fromClass.code();
  }

  /** The values that must be cited, in column order. */
  public List<CitedValue> citedValues() {
    return List.of(
        CitedValue.headline("time_h", "transfer", time_h),
        CitedValue.headline("cost_usd_teu", "transfer", cost_usd_teu));
  }
}
