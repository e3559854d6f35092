package org.caravan.network;

import java.util.List;

/**
 * A row of {@code services.csv}: a scheduled service (ferry, feeder, block train) on a link.
 *
 * @param kind {@code frequency} or {@code timetable}
 * @param timetable weekly departures such as {@code Mon 18:00} (UTC), for kind {@code timetable};
 *     cited as one value
 */
public record ServiceSpec(
    String id,
    String link,
    String kind,
    @Cited("schedule") double departures_per_week,
    @Cited(value = "schedule", headline = false) double first_departure_h,
    @Cited(value = "schedule", headline = false) List<String> timetable,
    @Cited("capacity") double capacity_teu,
    String operator,
    Citation citation)
    implements CitedRow {

  public ServiceSpec {
    timetable = List.copyOf(timetable);
  }
}
