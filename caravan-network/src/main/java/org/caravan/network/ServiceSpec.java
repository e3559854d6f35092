package org.caravan.network;

import java.util.List;
import java.util.Map;

/**
 * A row of {@code services.csv}: a scheduled service (ferry, feeder, block train) on a link.
 *
 * @param kind {@code frequency} or {@code timetable}
 * @param timetable weekly departures such as {@code Mon 18:00} (UTC), for kind {@code timetable}
 */
public record ServiceSpec(
    String id,
    String link,
    String kind,
    double departures_per_week,
    double first_departure_h,
    List<String> timetable,
    double capacity_teu,
    String operator,
    Map<String, String> sources,
    String notes) {

  public ServiceSpec {
    timetable = List.copyOf(timetable);
    sources = Map.copyOf(sources);
  }

  /** The values that must be cited, in column order (a timetable counts as one value). */
  public List<CitedValue> citedValues() {
    return List.of(
        CitedValue.headline("departures_per_week", "schedule", departures_per_week),
        CitedValue.detail("first_departure_h", "schedule", first_departure_h),
        CitedValue.headline("capacity_teu", "capacity", capacity_teu),
        CitedValue.detail("timetable", "schedule", timetable.isEmpty() ? Double.NaN : 0));
  }
}
