package org.caravan.app;

import java.util.List;
import org.caravan.network.Network;
import org.caravan.network.NodeSpec;
import org.caravan.network.PlaceIndex;
import org.caravan.scenario.Caravan;

/**
 * Place search on the network: names, aliases and UN/LOCODEs, forgiving accents, case and small
 * typos.
 */
public final class PlaceService {
  /**
   * One matching place.
   *
   * @param kind the node kind's code ({@code terminal}, {@code port}, ...)
   * @param score match quality, higher is better
   * @param matched the name, alias or code the query matched
   * @param status {@code operational}, or {@code planned} (routable only with planned
   *     infrastructure)
   * @param openingYear expected opening year of a planned place, 0 when not given
   */
  public record PlaceMatch(
      String id,
      String name,
      String country,
      String kind,
      int score,
      String matched,
      String status,
      int openingYear) {}

  private final Network network;
  private final PlaceIndex places;

  /**
   * Searches the network with its planned places, so that a user asking for one learns it is
   * planned.
   */
  PlaceService(Caravan caravan) {
    Caravan all = caravan.withPlanned();
    this.network = all.network();
    this.places = all.places();
  }

  /** Best matches first; at most {@code limit}. Empty when nothing is even close. */
  public List<PlaceMatch> search(String query, int limit) {
    return places.search(query, limit).stream()
        .map(
            m -> {
              NodeSpec n = network.node(m.node());
              return new PlaceMatch(
                  m.id(),
                  m.name(),
                  m.country(),
                  m.kind().code(),
                  m.score(),
                  m.matched(),
                  n.status().code(),
                  n.openingYear());
            })
        .toList();
  }
}
