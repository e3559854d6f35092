package org.caravan.tracking.eta;

/**
 * One leg still ahead of a shipment, with the prior of its two parts: the wait at {@code from}
 * (from arrival to departure: transfer, border dwell, the wait for a train to form or a ferry to
 * sail) and the run to {@code to} (from departure to arrival). The prior comes from the route
 * planner (mean and variance of each part); recent observations of the same segment by other
 * containers are blended in by {@link EtaEngine}.
 *
 * @param key the segment's key for observations: {@code FROM>TO:MODE}
 */
public record Segment(
    String key,
    String from,
    String to,
    String mode,
    double waitMean_s,
    double waitVar_s2,
    double runMean_s,
    double runVar_s2) {
  public Segment {
    if (!(waitMean_s >= 0 && runMean_s >= 0 && waitVar_s2 >= 0 && runVar_s2 >= 0)) {
      throw new IllegalArgumentException("segment " + key + " needs non-negative means/variances");
    }
  }

  /**
   * The key of the segment from {@code from} to {@code to} by {@code mode} (a rail ferry and a
   * container feeder between the same ports are different segments).
   */
  public static String key(String from, String to, String mode) {
    return from + ">" + to + ":" + mode;
  }
}
