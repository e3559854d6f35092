package org.caravan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.caravan.app.TrackingViews.IngestReport;
import org.caravan.app.TrackingViews.Rejected;
import org.caravan.app.TrackingViews.ShipmentDetail;
import org.caravan.app.TrackingViews.ShipmentSummary;

/**
 * The JSON form of the tracking answers, shared by {@code caravan track --json} and the HTTP API
 * (docs/TRACKING.md): the {@link TrackingViews} records as their annotations shape them (snake_case
 * names, times as ISO 8601 UTC strings, absent values as null).
 */
public final class TrackingJson {
  private static final ObjectMapper MAPPER = JsonDocuments.mapper();

  private TrackingJson() {}

  /**
   * The ingest report; each rejected event names its place under the report's {@code where} ({@code
   * line} or {@code index}).
   */
  public static ObjectNode ingest(IngestReport r) {
    ObjectNode n = MAPPER.valueToTree(r);
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
    return MAPPER.valueToTree(list);
  }

  public static ObjectNode summary(ShipmentSummary s) {
    return MAPPER.valueToTree(s);
  }

  public static ObjectNode detail(ShipmentDetail d) {
    return MAPPER.valueToTree(d);
  }

  /** {@code 2024-03-01T08:00:00Z}. */
  public static String time(long t_s) {
    return Instant.ofEpochSecond(t_s).toString();
  }
}
