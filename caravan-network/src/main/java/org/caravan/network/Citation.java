package org.caravan.network;

import java.util.Map;

/**
 * Where the numbers of a network row come from, and what its editor noted: the columns every row of
 * nodes, links, transfers and services ends with.
 *
 * @param sources source text per field group: key {@code ""} is the row's {@code source} column,
 *     the default for every group; other keys are the groups of the row's {@link Cited} values
 * @param notes free text: how an estimate was made, which of several sources was chosen
 */
public record Citation(Map<String, String> sources, String notes) {
  public Citation {
    sources = Map.copyOf(sources);
  }
}
