package org.caravan.network;

/**
 * A node or a link: infrastructure, which may be planned rather than operational. Its file has the
 * columns {@code status}, {@code opening_year} and {@code range} before {@code notes}.
 */
public sealed interface InfrastructureRow extends CitedRow permits NodeSpec, LinkSpec {
  /** Operational, or planned (left out of a compiled network unless planned elements are asked). */
  Status status();

  /** Year a planned element is expected to open, 0 when not given. */
  int openingYear();

  /** The spread of published values where sources disagree, e.g. {@code dwell_h=39.9..78.0}. */
  String range();
}
