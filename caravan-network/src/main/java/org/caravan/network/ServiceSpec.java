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
}
