package org.caravan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caravan.app.TrackingViews.EventLine;
import org.caravan.app.TrackingViews.IngestReport;
import org.caravan.app.TrackingViews.LegState;
import org.caravan.app.TrackingViews.Rejected;
import org.caravan.app.TrackingViews.SegmentBasis;
import org.caravan.app.TrackingViews.ShipmentDetail;
import org.caravan.app.TrackingViews.ShipmentSummary;

/**
 * The JSON form of the tracking answers, shared by {@code caravan track --json} and the HTTP API
 * (docs/TRACKING.md): snake_case names, times as ISO 8601 UTC strings, absent values as null.
 */
public final class TrackingJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrackingJson() {}

  public static ObjectNode ingest(IngestReport r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("source", r.source());
    n.put("store", r.store());
    n.put("read", r.read());
    n.put("stored", r.stored());
    n.put("already_stored", r.alreadyStored());
    ArrayNode rej = n.putArray("rejected");
    for (Rejected x : r.rejected()) {
      ObjectNode o = rej.addObject();
      o.put("event_id", x.eventId());
      o.put("field", x.field());
      o.put(r.where(), x.line());
      o.put("message", x.message());
    }
    return n;
  }

  public static ArrayNode shipments(List<ShipmentSummary> list) {
    ArrayNode a = MAPPER.createArrayNode();
    list.forEach(s -> a.add(summary(s)));
    return a;
  }

  public static ObjectNode summary(ShipmentSummary s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("shipment_id", s.shipmentId());
    ArrayNode c = n.putArray("containers");
    s.containers().forEach(c::add);
    n.put("origin", s.origin());
    put(n, "destination", s.destination());
    n.put("status", s.status());
    n.put("route_source", s.routeSource());
    ObjectNode p = n.putObject("position");
    p.put("location", s.position().location());
    p.put("name", s.position().name());
    number(p, "lat", s.position().lat());
    number(p, "lon", s.position().lon());
    p.put("event_type", s.position().eventType());
    p.put("time", time(s.position().time_s()));
    p.put("phase", s.position().phase());
    n.put("legs_done", s.legsDone());
    n.put("legs_left", s.legsTotal() - s.legsDone());
    n.put("legs_total", s.legsTotal());
    n.put("events", s.events());
    if (s.eta().isPresent()) {
      n.set("eta", eta(s.eta().get()));
    } else {
      n.putNull("eta");
    }
    return n;
  }

  static ObjectNode eta(TrackingViews.Eta e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("as_of", time(e.asOf_s()));
    n.put("p10", time(e.p10_s()));
    n.put("p50", time(e.p50_s()));
    n.put("p90", time(e.p90_s()));
    n.put("p10_days", days(e.p10_s(), e.asOf_s()));
    n.put("p50_days", days(e.p50_s(), e.asOf_s()));
    n.put("p90_days", days(e.p90_s(), e.asOf_s()));
    n.put("timetable", time(e.timetable_s()));
    n.put("planned", time(e.planned_s()));
    n.put("samples", e.samples());
    n.put("seed", e.seed());
    n.put("method", e.method());
    ArrayNode a = n.putArray("ahead");
    for (SegmentBasis b : e.ahead()) {
      ObjectNode o = a.addObject();
      o.put("segment", b.segment());
      o.put("mode", b.mode());
      o.put("observed", b.observed());
      o.put("prior_share", Math.round(b.priorShare() * 1000) / 1000.0);
    }
    return n;
  }

  public static ObjectNode detail(ShipmentDetail d) {
    ObjectNode n = summary(d.summary());
    ArrayNode legs = n.putArray("legs");
    for (LegState l : d.legs()) {
      ObjectNode o = legs.addObject();
      o.put("from", l.from());
      o.put("to", l.to());
      o.put("mode", l.mode());
      o.put("state", l.state());
      o.put("planned_depart", time(l.plannedDepart_s()));
      o.put("planned_arrive", time(l.plannedArrive_s()));
    }
    ArrayNode ev = n.putArray("timeline");
    for (EventLine e : d.events()) {
      ObjectNode o = ev.addObject();
      o.put("event_id", e.eventId());
      o.put("container", e.container());
      o.put("event_type", e.eventType());
      o.put("classifier", e.classifier());
      o.put("time", time(e.time_s()));
      o.put("location", e.location());
      put(o, "facility", e.facility());
      put(o, "mode", e.mode());
    }
    ArrayNode g = n.putArray("geometry");
    for (double[] pt : d.geometry()) {
      g.addArray().add(pt[0]).add(pt[1]);
    }
    return n;
  }

  /** {@code 2024-03-01T08:00:00Z}. */
  public static String time(long t_s) {
    return Instant.ofEpochSecond(t_s).toString();
  }

  private static double days(long t_s, long from_s) {
    return Math.round((t_s - from_s) / 864.0) / 100.0;
  }

  private static void put(ObjectNode n, String k, Optional<String> v) {
    if (v.isPresent()) {
      n.put(k, v.get());
    } else {
      n.putNull(k);
    }
  }

  private static void number(ObjectNode n, String k, double v) {
    if (Double.isFinite(v)) {
      n.put(k, v);
    } else {
      n.putNull(k);
    }
  }
}
