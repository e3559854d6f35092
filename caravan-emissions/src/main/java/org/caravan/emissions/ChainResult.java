package org.caravan.emissions;

import java.util.List;

/** Emissions of a whole transport chain: every element and the total (their sum). */
public record ChainResult(List<ElementResult> elements, Emissions total) {
  public ChainResult {
    elements = List.copyOf(elements);
  }

  /** Sums the elements' emissions. */
  public static ChainResult of(List<ElementResult> elements) {
    Emissions total = Emissions.ZERO;
    for (ElementResult e : elements) {
      total = total.plus(e.emissions());
    }
    return new ChainResult(elements, total);
  }
}
