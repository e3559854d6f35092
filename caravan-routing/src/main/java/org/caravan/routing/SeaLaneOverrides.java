package org.caravan.routing;

import java.util.Arrays;
import org.caravan.network.Network;

/**
 * Replaces the length of sea links whose usual lane crosses an avoided passage by the length of the
 * best lane that does not (e.g. Shanghai–Rotterdam round the Cape when Suez is avoided).
 * Implemented by {@link SeaLanes} on the Eurostat marnet; {@link #NONE} leaves every link as it is,
 * so avoided passages simply forbid such links.
 */
public interface SeaLaneOverrides {
  /**
   * Per directed link: a length, duration and tariff to use instead of the network's (0 = keep),
   * and the passages the replacement lane uses (-1 = keep the link's own), and the lane's points as
   * {@code lon0, lat0, lon1, lat1, ...} (null = a straight line).
   */
  record Result(
      long[] distance_m,
      long[] duration_s,
      long[] tariff_cents,
      int[] passageMask,
      double[][] geometry) {
    static Result none(int links) {
      int[] keep = new int[links];
      Arrays.fill(keep, -1);
      return new Result(
          new long[links], new long[links], new long[links], keep, new double[links][]);
    }
  }

  Result apply(Network network, int avoidPassageMask);

  SeaLaneOverrides NONE = (network, mask) -> Result.none(network.linkCount());
}
