package org.caravan.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.DistanceResolver;
import org.caravan.network.Mode;
import org.caravan.network.PlaceIndex;

/**
 * Resolves a chain file's {@code from}/{@code to} leg on the network: the shortest feasible
 * distance over the links of the leg's mode (the mode is the TOC's prefix: {@code rail-electric}
 * runs on rail), with the kilometres per country. Places are ids, names or aliases, as in route
 * queries.
 */
public final class NetworkDistanceResolver implements DistanceResolver {
  private final Caravan caravan;

  public NetworkDistanceResolver(Caravan caravan) {
    this.caravan = caravan;
  }

  @Override
  public Optional<Resolved> resolve(String from, String to, String toc) {
    Optional<PlaceIndex.Match> a = caravan.places().resolve(from);
    Optional<PlaceIndex.Match> b = caravan.places().resolve(to);
    Optional<Mode> mode = Mode.parse(toc.contains("-") ? toc.substring(0, toc.indexOf('-')) : toc);
    if (a.isEmpty() || b.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    return caravan
        .router()
        .shortestDistance(a.get().node(), b.get().node(), EnumSet.of(mode.get()))
        .map(
            d -> {
              List<CountryKm> countries = new ArrayList<>();
              d.kmByCountry().forEach((c, km) -> countries.add(new CountryKm(c, km)));
              return new Resolved(d.distance_m() / 1000.0, countries);
            });
  }
}
