package org.caravan.network;

/**
 * How {@link Network#build(NetworkSpec, NetworkOptions)} compiles a spec.
 *
 * @param includePlanned keep nodes and links whose status is {@code planned} (by default they are left out)
 */
public record NetworkOptions(boolean includePlanned) {
  /** Today's network: planned elements left out. */
  public static final NetworkOptions DEFAULT = new NetworkOptions(false);

  /** Today's network plus every planned element. */
  public static final NetworkOptions WITH_PLANNED = new NetworkOptions(true);
}
