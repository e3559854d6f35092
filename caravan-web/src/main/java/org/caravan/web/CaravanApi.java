package org.caravan.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.caravan.app.CaravanApp;
import org.caravan.app.NetworkService;
import org.caravan.app.TrackingJson;
import org.caravan.app.TrackingViews;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.RouteQuery;
import org.caravan.scenario.UserException;
import org.caravan.web.dto.Health;
import org.caravan.web.dto.Problem.FieldError;
import org.caravan.web.dto.RouteRequest;
import org.caravan.web.mapping.ApiException;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.caravan.web.mapping.RouteMapping;

/**
 * Every API endpoint as a method from request values to JSON bytes. Bad input throws {@link
 * org.caravan.web.mapping.ApiException} with the problem to send. Documents that never change (the
 * network, its summary, the OpenAPI description) are serialised once. Immutable and thread-safe,
 * like the {@link Caravan} it wraps.
 */
public final class CaravanApi {
  /** Version reported by {@code /api/health} and the OpenAPI document. */
  public static final String VERSION = "0.1.0";

  /** Most places {@code /api/places} returns. */
  public static final int MAX_PLACES = 50;

  private final CaravanApp app;
  private final byte[] health;
  private final byte[] network;
  private final byte[] summary;
  private final byte[] openApi;

  public CaravanApi(CaravanApp app) {
    this.app = app;
    NetworkService.Overview s = app.network().overview();
    this.health = ApiJson.write(new Health("ok", VERSION, s.nodes(), s.links()));
    this.network = ApiJson.write(app.network().geoJson());
    this.summary = ApiJson.write(s);
    this.openApi = resource("/openapi.json");
  }

  public byte[] health() {
    return health.clone();
  }

  /**
   * GeoJSON of the whole network: nodes as Points with {@code kind}, links as LineStrings with
   * {@code mode}.
   */
  public byte[] network() {
    return network.clone();
  }

  public byte[] networkSummary() {
    return summary.clone();
  }

  public byte[] openApi() {
    return openApi.clone();
  }

  /**
   * Places matching a query, best first.
   *
   * @param limit how many at most, 1 to {@link #MAX_PLACES}; 10 when empty
   */
  public byte[] places(Optional<String> query, Optional<String> limit) {
    String q =
        query
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    Problems.invalidField(
                        "q", "q is required: part of a place name, alias or UN/LOCODE"));
    if (q.length() > RouteMapping.MAX_TEXT) {
      throw Problems.invalidField("q", "q is longer than " + RouteMapping.MAX_TEXT + " characters");
    }
    int n =
        limit
            .map(
                l -> {
                  try {
                    return Integer.parseInt(l.strip());
                  } catch (NumberFormatException e) {
                    return -1;
                  }
                })
            .orElse(10);
    if (n < 1 || n > MAX_PLACES) {
      throw Problems.invalidField("limit", "limit must be a whole number from 1 to " + MAX_PLACES);
    }
    return ApiJson.write(app.places().search(q, n));
  }

  /**
   * Plans routes for a JSON {@link RouteRequest}.
   *
   * @param format {@code json} (default): the route answer; {@code geojson}: one LineString per
   *     route
   */
  public byte[] routes(byte[] body, Optional<String> format) {
    boolean geo =
        format
            .map(
                f ->
                    switch (f) {
                      case "json" -> false;
                      case "geojson" -> true;
                      default ->
                          throw Problems.invalidField(
                              "format",
                              "/format",
                              "format must be json or geojson, found '"
                                  + (f.length() > 20 ? f.substring(0, 20) + "…" : f)
                                  + "'");
                    })
            .orElse(false);
    RouteRequest request = ApiJson.read(body, RouteRequest.class);
    RouteQuery query = RouteMapping.toQuery(request);
    boolean planned = request.includePlanned().orElse(false);
    try {
      return ApiJson.write(
          geo ? app.routes().planGeoJson(query, planned) : app.routes().plan(query, planned));
    } catch (UserException e) {
      throw Problems.fromUser(e);
    }
  }

  /** The named CRM disruptions ({@code GET /api/crm/disruptions}), for the raw-materials page. */
  public byte[] crmDisruptions() {
    try {
      return ApiJson.write(app.crm().disruptionList());
    } catch (UserException e) {
      throw Problems.fromUser(e);
    }
  }

  /**
   * The CRM supply-risk view ({@code GET /api/crm/risk}); {@code disruption} must be one of the
   * named disruptions (files are a CLI feature and are not read over HTTP).
   */
  public byte[] crmRisk(Optional<String> disruption) {
    Optional<String> d = disruption.filter(s -> !s.isBlank());
    if (d.isPresent() && !app.crm().disruptions().contains(d.get())) {
      String shown = d.get().length() > 40 ? d.get().substring(0, 40) + "…" : d.get();
      throw Problems.invalidField(
          "disruption",
          "unknown disruption '"
              + shown
              + "'; expected one of "
              + String.join(", ", app.crm().disruptions()));
    }
    try {
      return ApiJson.write(app.crm().risk(d));
    } catch (UserException e) {
      throw Problems.fromUser(e);
    }
  }

  /**
   * Emissions of a chain given as JSON: an array of legs or an object with a {@code legs} array.
   */
  public byte[] emissions(byte[] body) {
    try {
      return ApiJson.write(
          app.emissions()
              .computeJson(new String(body, StandardCharsets.UTF_8), "request body")
              .answer());
    } catch (UserException e) {
      throw Problems.fromChain(e);
    }
  }

  /** Longest shipment id accepted in a path. */
  public static final int MAX_ID = 64;

  /** One tracking call at a time: each opens the (embedded, single-writer) results store. */
  private final Object trackingLock = new Object();

  /**
   * Ingests events ({@code POST /api/events}): a JSON array of events or {@code {"events": [...]}}.
   * The good events are stored and the bad ones listed; when none could be stored and some were
   * rejected the answer is a 400 problem naming each rejected event's field.
   */
  public byte[] ingestEvents(byte[] body, Optional<String> store) {
    TrackingViews.IngestReport r;
    try {
      synchronized (trackingLock) {
        r = app.tracking().ingestJson(new String(body, StandardCharsets.UTF_8), store);
      }
    } catch (UserException e) {
      throw e.error().code() == ErrorCode.MALFORMED_JSON
          ? Problems.fail(Problems.Type.MALFORMED_JSON, e.getMessage())
          : Problems.fromUser(e);
    }
    if (r.stored() == 0 && r.alreadyStored() == 0 && !r.rejected().isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      for (TrackingViews.Rejected x : r.rejected()) {
        String detail = "event " + x.eventId() + ": " + x.message();
        String pointer =
            x.field().startsWith("events[") ? "/" + x.line() : "/" + x.line() + "/" + x.field();
        errors.add(new FieldError(x.field(), pointer, detail));
      }
      throw new ApiException(
          Problems.of(
              Problems.Type.INVALID_REQUEST,
              r.rejected().size() + " event(s) rejected, none stored",
              errors));
    }
    return ApiJson.write(TrackingJson.ingest(r));
  }

  /** Every shipment with position and ETA ({@code GET /api/shipments}). */
  public byte[] shipments(Optional<String> store) {
    synchronized (trackingLock) {
      return ApiJson.write(TrackingJson.shipments(app.tracking().list(store)));
    }
  }

  /** One shipment with route, legs, timeline and ETA ({@code GET /api/shipments/{id}}). */
  public byte[] shipment(String id, Optional<String> at, Optional<String> store) {
    return oneShipment(id, at, store, app.tracking()::show, TrackingJson::detail);
  }

  /** A shipment's ETA ({@code GET /api/shipments/{id}/eta}). */
  public byte[] shipmentEta(String id, Optional<String> at, Optional<String> store) {
    return oneShipment(id, at, store, app.tracking()::eta, TrackingJson::summary);
  }

  /** A tracking question about one shipment, as of a time: {@code TrackingService#show} or eta. */
  private interface ShipmentQuery<T> {
    Optional<T> ask(String id, Optional<String> store, Optional<Long> asOf);
  }

  /** One shipment's answer as JSON: the id and time checked, 404 for an unknown shipment. */
  private <T> byte[] oneShipment(
      String id,
      Optional<String> at,
      Optional<String> store,
      ShipmentQuery<T> query,
      Function<T, ? extends JsonNode> json) {
    checkId(id);
    Optional<Long> asOf = at(at);
    synchronized (trackingLock) {
      return ApiJson.write(
          json.apply(query.ask(id, store, asOf).orElseThrow(() -> noShipment(id))));
    }
  }

  private static void checkId(String id) {
    if (id.isBlank() || id.length() > MAX_ID) {
      throw Problems.invalidField("id", "/id", "a shipment id has 1 to " + MAX_ID + " characters");
    }
  }

  private static Optional<Long> at(Optional<String> at) {
    try {
      return at.filter(s -> !s.isBlank()).map(s -> Instant.parse(s.strip()).getEpochSecond());
    } catch (DateTimeParseException e) {
      throw Problems.invalidField("at", "at must be an ISO 8601 time such as 2024-06-01T00:00:00Z");
    }
  }

  private static ApiException noShipment(String id) {
    return Problems.fail(Problems.Type.NOT_FOUND, "no shipment '" + id + "' in the store");
  }

  private static byte[] resource(String name) {
    try (InputStream in = CaravanApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
