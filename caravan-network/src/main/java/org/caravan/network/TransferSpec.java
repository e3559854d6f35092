package org.caravan.network;

/**
 * A row of {@code transfers.csv}: at {@code node}, a container may change between two carrier
 * classes.
 */
public record TransferSpec(
    String node,
    CarrierClass fromClass,
    CarrierClass toClass,
    @Cited("transfer") double time_h,
    @Cited("transfer") double cost_usd_teu,
    Citation citation)
    implements CitedRow {

  /** Key that identifies the transfer regardless of direction. */
  public String key() {
    return key(node, fromClass, toClass);
  }

  /** Key of the transfer at {@code node} between classes {@code a} and {@code b}, either way. */
  public static String key(String node, CarrierClass a, CarrierClass b) {
    return a.ordinal() <= b.ordinal()
        ? node + "|" + a.code() + "|" + b.code()
        : node + "|" + b.code() + "|" + a.code();
  }
}
