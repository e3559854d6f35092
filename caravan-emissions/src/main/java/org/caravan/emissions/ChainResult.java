package org.caravan.emissions;

import java.util.List;

/**
 * Emissions of a whole transport chain: every element, the total (their sum) and the summed range.
 */
public record ChainResult(List<ElementResult> elements, Emissions total, WtwRange range) {
  public ChainResult {
    elements = List.copyOf(elements);
  }

  /** Sums the elements' emissions and ranges. */
  public static ChainResult of(List<ElementResult> elements) {
    Emissions total = Emissions.ZERO;
    WtwRange range = WtwRange.ZERO;
    for (ElementResult e : elements) {
      total = total.plus(e.emissions());
      range = range.plus(e.range());
    }
    return new ChainResult(elements, total, range);
  }
}
