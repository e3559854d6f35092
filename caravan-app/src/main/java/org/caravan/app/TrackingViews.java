package org.caravan.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.caravan.app.JsonDocuments.EpochSeconds;

/**
 * The records the tracking service answers with; front ends format them ({@code caravan track},
 * {@code /api/events} and {@code /api/shipments}). Times are seconds since the epoch, UTC. The
 * annotations give their JSON form ({@link TrackingJson}, docs/TRACKING.md): snake_case names,
 * times as ISO 8601 UTC strings, absent values as null.
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
      @JsonIgnore List<Rejected> rejected,
      @JsonIgnore String where) {}

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
  @JsonPropertyOrder({
    "shipment_id",
    "containers",
    "origin",
    "destination",
    "status",
    "route_source",
    "position",
    "legs_done",
    "legs_left"
  })
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
      Optional<Eta> eta) {
    /** Legs still to go. */
    @JsonProperty
    public int legsLeft() {
      return legsTotal - legsDone;
    }
  }

  /** A place with its coordinates (NaN when unknown), and the last actual event there. */
  public record Position(
      String location,
      String name,
      double lat,
      double lon,
      String eventType,
      @JsonProperty("time") @JsonSerialize(using = EpochSeconds.class) long time_s,
      String phase) {}

  /**
   * A shipment with its route, events and ETA.
   *
   * @param legs the route's legs, each {@code done}, {@code current} or {@code ahead}
   * @param geometry {@code [lon, lat]} points of the route
   */
  public record ShipmentDetail(
      @JsonUnwrapped ShipmentSummary summary,
      List<LegState> legs,
      @JsonProperty("timeline") List<EventLine> events,
      List<double[]> geometry) {}

  /** One leg of the route and how far the shipment is along it. */
  public record LegState(
      String from,
      String to,
      String mode,
      String state,
      @JsonProperty("planned_depart") @JsonSerialize(using = EpochSeconds.class)
          long plannedDepart_s,
      @JsonProperty("planned_arrive") @JsonSerialize(using = EpochSeconds.class)
          long plannedArrive_s) {}

  /** One event as stored. */
  public record EventLine(
      String eventId,
      String container,
      String eventType,
      String classifier,
      @JsonProperty("time") @JsonSerialize(using = EpochSeconds.class) long time_s,
      String location,
      Optional<String> facility,
      Optional<String> mode) {}

  /**
   * The predicted arrival.
   *
   * @param asOf_s the time of the prediction (the latest actual event in the store unless asked)
   * @param timetable_s baseline: the last actual event plus the nominal running times ahead
   * @param planned_s baseline: the planner's arrival for the route at departure
   * @param ahead per segment still to do: its key, observations used and the prior's share
   */
  @JsonPropertyOrder({"as_of", "p10", "p50", "p90", "p10_days", "p50_days", "p90_days"})
  public record Eta(
      @JsonProperty("as_of") @JsonSerialize(using = EpochSeconds.class) long asOf_s,
      @JsonProperty("p10") @JsonSerialize(using = EpochSeconds.class) long p10_s,
      @JsonProperty("p50") @JsonSerialize(using = EpochSeconds.class) long p50_s,
      @JsonProperty("p90") @JsonSerialize(using = EpochSeconds.class) long p90_s,
      @JsonProperty("timetable") @JsonSerialize(using = EpochSeconds.class) long timetable_s,
      @JsonProperty("planned") @JsonSerialize(using = EpochSeconds.class) long planned_s,
      int samples,
      long seed,
      String method,
      List<SegmentBasis> ahead) {
    /** Days from {@code asOf} to the 10th percentile, to 0.01 d. */
    @JsonProperty("p10_days")
    public double p10Days() {
      return days(p10_s);
    }

    /** Days from {@code asOf} to the median. */
    @JsonProperty("p50_days")
    public double p50Days() {
      return days(p50_s);
    }

    /** Days from {@code asOf} to the 90th percentile. */
    @JsonProperty("p90_days")
    public double p90Days() {
      return days(p90_s);
    }

    private double days(long t_s) {
      return Math.round((t_s - asOf_s) / 864.0) / 100.0;
    }
  }

  /**
   * What one segment ahead was predicted from.
   *
   * @param priorShare the prior's weight in the segment's estimate (0..1); JSON rounds it to 0.001
   */
  public record SegmentBasis(
      String segment,
      String mode,
      int observed,
      @JsonSerialize(using = JsonDocuments.Thousandths.class) double priorShare) {}
}
