package org.caravan.network;

import java.util.List;

/**
 * A link row of {@code links.csv}: one line that the network turns into one directed link, or two
 * when {@code directed} is false. Numeric fields left empty are {@code NaN}; text fields left empty
 * are "".
 *
 * @param gauge_mm 1520, 1435 or 1668 (Iberian) for rail and rail ferries, 0 otherwise
 */
public record LinkSpec(
    String id,
    String from,
    String to,
    Mode mode,
    boolean directed,
    int gauge_mm,
    boolean electrified,
    String track,
    String ferryType,
    @Cited("distance") double distance_km,
    @Cited("duration") double duration_h,
    @Cited(value = "duration", headline = false) double duration_sd_h,
    @Cited("tariff") double tariff_usd_teu,
    @Cited("capacity") double capacity_teu_day,
    List<String> countries,
    List<String> passages,
    String toc,
    String service,
    Status status,
    int openingYear,
    String range,
    Citation citation)
    implements InfrastructureRow {

  public LinkSpec {
    countries = List.copyOf(countries);
    passages = List.copyOf(passages);
  }
}
