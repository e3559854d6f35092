package org.caravan.emissions;

/**
 * A hub operation: a consignment of {@code teu} twenty-foot equivalents handled once at a hub of
 * one hub operation category (HOC), e.g. a port or a gauge-change terminal. Immutable.
 *
 * @param mass_t cargo mass, reported only; hub intensities are per TEU
 */
public record HubOperation(String label, String hoc, double teu, double mass_t)
    implements ChainElement {
  public HubOperation {
    if (!(teu >= 0) || Double.isInfinite(teu)) {
      throw new IllegalArgumentException("teu must be a finite number >= 0, was " + teu);
    }
    if (!(mass_t >= 0) || Double.isInfinite(mass_t)) {
      throw new IllegalArgumentException("mass_t must be a finite number >= 0, was " + mass_t);
    }
  }
}
