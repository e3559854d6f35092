package org.caravan.network;

/**
 * How {@link Network#build(NetworkSpec, BuildOptions)} compiles a spec.
 *
 * @param includePlanned keep nodes and links whose status is {@code planned} (by default they are
 *     left out)
 */
public record BuildOptions(boolean includePlanned) {
  /** Today's network: planned elements left out. */
  public static final BuildOptions DEFAULT = new BuildOptions(false);

  /** Today's network plus every planned element. */
  public static final BuildOptions WITH_PLANNED = new BuildOptions(true);
}
