package org.caravan.app;

import java.util.List;
import org.caravan.network.PlaceIndex;
import org.caravan.scenario.Caravan;

/** Place search on the network: names, aliases and UN/LOCODEs, forgiving accents, case and small typos. */
public final class PlaceService {
  /**
   * One matching place.
   *
   * @param kind the node kind's code ({@code terminal}, {@code port}, ...)
   * @param score match quality, higher is better
   * @param matched the name, alias or code the query matched
   */
  public record PlaceMatch(String id, String name, String country, String kind, int score, String matched) {}

  private final PlaceIndex places;

  PlaceService(Caravan caravan) {
    this.places = caravan.places();
  }

  /** Best matches first; at most {@code limit}. Empty when nothing is even close. */
  public List<PlaceMatch> search(String query, int limit) {
    return places.search(query, limit).stream()
        .map(m -> new PlaceMatch(m.id(), m.name(), m.country(), m.kind().code(), m.score(), m.matched())).toList();
  }
}
