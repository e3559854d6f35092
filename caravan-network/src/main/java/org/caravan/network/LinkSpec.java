package org.caravan.network;

import java.util.List;
import java.util.Map;

/**
 * A link row of {@code links.csv}: one line that the network turns into one directed link, or two
 * when {@code directed} is false. Numeric fields left empty are {@code NaN}; text fields left empty
 * are "".
 *
 * @param gauge_mm 1520, 1435 or 1668 (Iberian) for rail and rail ferries, 0 otherwise
 * @param status operational, or planned (left out of a compiled network unless planned elements are
 *     asked for)
 * @param openingYear year a planned link is expected to open, 0 when not given
 * @param sources source text per field group ({@code ""}, {@code distance}, {@code duration},
 *     {@code tariff}, {@code capacity})
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
    double distance_km,
    double duration_h,
    double duration_sd_h,
    double tariff_usd_teu,
    double capacity_teu_day,
    List<String> countries,
    List<String> passages,
    String toc,
    String service,
    Map<String, String> sources,
    Status status,
    int openingYear,
    String range,
    String notes) {

  public LinkSpec {
    countries = List.copyOf(countries);
    passages = List.copyOf(passages);
    sources = Map.copyOf(sources);
  }

  /** The values that must be cited, in column order. */
  public List<CitedValue> citedValues() {
    return List.of(
        CitedValue.headline("distance_km", "distance", distance_km),
        CitedValue.headline("duration_h", "duration", duration_h),
        CitedValue.detail("duration_sd_h", "duration", duration_sd_h),
        CitedValue.headline("tariff_usd_teu", "tariff", tariff_usd_teu),
        CitedValue.headline("capacity_teu_day", "capacity", capacity_teu_day));
  }
}
