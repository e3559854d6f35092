package org.caravan.app;

import java.util.List;
import java.util.Optional;

/**
 * The records the tracking service answers with; front ends format them ({@code caravan track},
 * {@code /api/events} and {@code /api/shipments}). Times are seconds since the epoch, UTC.
 */
public final class TrackingViews {
  private TrackingViews() {}

  /**
   * The outcome of ingesting one file or body.
   *
   * @param read events read from the input (good and bad)
   * @param stored new events stored
   * @param alreadyStored events identical to stored ones, skipped (ingest is idempotent)
   * @param where what {@link Rejected#line} counts: {@code line} (CSV) or {@code index} (JSON)
   */
  public record IngestReport(
      String source,
      String store,
      int read,
      int stored,
      int alreadyStored,
      List<Rejected> rejected,
      String where) {}

  /** One event left out, naming its id and field. */
  public record Rejected(String eventId, String field, long line, String message) {}

  /**
   * Where a shipment stands.
   *
   * @param status {@code planned} (no actual event yet), {@code in_transit} or {@code delivered}
   * @param routeSource {@code booked} (the events name the route) or {@code network} (the most
   *     likely route the planner finds)
   * @param position the last confirmed position: the place of the last actual event
   */
  public record ShipmentSummary(
      String shipmentId,
      List<String> containers,
      String origin,
      Optional<String> destination,
      String status,
      String routeSource,
      Position position,
      int legsDone,
      int legsTotal,
      int events,
      Optional<Eta> eta) {}

  /** A place with its coordinates, and the last actual event there. */
  public record Position(
      String location,
      String name,
      double lat,
      double lon,
      String eventType,
      long time_s,
      String phase) {}

  /**
   * A shipment with its route, events and ETA.
   *
   * @param legs the route's legs, each {@code done}, {@code current} or {@code ahead}
   * @param geometry {@code [lon, lat]} points of the route
   */
  public record ShipmentDetail(
      ShipmentSummary summary,
      List<LegState> legs,
      List<EventLine> events,
      List<double[]> geometry) {}

  /** One leg of the route and how far the shipment is along it. */
  public record LegState(
      String from,
      String to,
      String mode,
      String state,
      long plannedDepart_s,
      long plannedArrive_s) {}

  /** One event as stored. */
  public record EventLine(
      String eventId,
      String container,
      String eventType,
      String classifier,
      long time_s,
      String location,
      Optional<String> facility,
      Optional<String> mode) {}

  /**
   * The predicted arrival.
   *
   * @param asOf the time of the prediction (the latest actual event in the store unless asked)
   * @param timetable_s baseline: the last actual event plus the nominal running times ahead
   * @param planned_s baseline: the planner's arrival for the route at departure
   * @param ahead per segment still to do: its key, observations used and the prior's share
   */
  public record Eta(
      long asOf_s,
      long p10_s,
      long p50_s,
      long p90_s,
      long timetable_s,
      long planned_s,
      int samples,
      long seed,
      String method,
      List<SegmentBasis> ahead) {}

  /** What one segment ahead was predicted from. */
  public record SegmentBasis(String segment, String mode, int observed, double priorShare) {}
}
