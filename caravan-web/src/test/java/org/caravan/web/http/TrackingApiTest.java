package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracking endpoints over real HTTP on a random port, with a DuckDB store in a temporary
 * folder: ingest with one bad event, list, detail, ETA, and problem documents naming fields.
 */
class TrackingApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static CaravanServer server;
  static HttpClient client;
  static Path dir;

  static String event(String id, String container, String type, String time, String where) {
    return "{\"event_id\":\""
        + id
        + "\",\"shipment_id\":\"API-1\",\"container\":\""
        + container
        + "\",\"event_type\":\""
        + type
        + "\",\"classifier\":\"ACT\",\"event_time\":\""
        + time
        + "\",\"location\":\""
        + where
        + "\",\"mode\":\"RAIL\",\"destination\":\"AZBAK\"}";
  }

  static final String BATCH =
      "{\"events\":["
          + event("A1", "CSQU3054383", "GTIN", "2024-03-01T08:00:00Z", "CNXIA")
          + ","
          + event("A2", "CSQU3054383", "DEPA", "2024-03-02T08:00:00Z", "CNXIA")
          + ","
          + event("A3", "CSQU3054389", "ARRI", "2024-03-05T08:00:00Z", "KZ-DOSTYK")
          + "]}";

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("caravan-tracking-api");
    server =
        CaravanServer.start(
            CaravanApp.openDefault(),
            "127.0.0.1",
            0,
            ApiTokens.of(List.of(HttpApiTest.TOKEN)),
            true,
            Optional.of(dir.resolve("store.duckdb").toString()));
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + HttpApiTest.TOKEN);
    return client.send(
        body == null
            ? b.GET().build()
            : b.method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void events_in_shipments_and_eta_out() throws Exception {
    HttpResponse<String> in = send("POST", "/api/events", BATCH);
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(in.body());
    assertThat(r.get("stored").asInt()).isEqualTo(2);
    assertThat(r.get("rejected").get(0).get("event_id").asText()).isEqualTo("A3");
    assertThat(r.get("rejected").get(0).get("field").asText()).isEqualTo("container");
    assertThat(r.get("rejected").get(0).get("index").asInt()).isEqualTo(2);

    JsonNode again = JSON.readTree(send("POST", "/api/events", BATCH).body());
    assertThat(again.get("already_stored").asInt()).isEqualTo(2);

    JsonNode list = JSON.readTree(send("GET", "/api/shipments", null).body());
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("shipment_id").asText()).isEqualTo("API-1");
    assertThat(list.get(0).get("status").asText()).isEqualTo("in_transit");

    JsonNode d = JSON.readTree(send("GET", "/api/shipments/API-1", null).body());
    assertThat(d.get("timeline").size()).isEqualTo(2);
    assertThat(d.get("legs").size()).isPositive();
    assertThat(d.get("legs").get(0).get("state").asText()).isEqualTo("current");
    assertThat(d.get("geometry").size()).isGreaterThan(1);

    JsonNode e = JSON.readTree(send("GET", "/api/shipments/API-1/eta", null).body()).get("eta");
    Instant p10 = Instant.parse(e.get("p10").asText());
    Instant p50 = Instant.parse(e.get("p50").asText());
    Instant p90 = Instant.parse(e.get("p90").asText());
    assertThat(p10).isAfter(Instant.parse("2024-03-02T08:00:00Z"));
    assertThat(p10).isBeforeOrEqualTo(p50);
    assertThat(p50).isBeforeOrEqualTo(p90);
  }

  @Test
  void bad_requests_are_problems_naming_fields() throws Exception {
    HttpResponse<String> notJson = send("POST", "/api/events", "{\"events\": [");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(notJson.body()).contains("malformed-json");

    HttpResponse<String> noArray = send("POST", "/api/events", "{\"event\": 1}");
    assertThat(noArray.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noArray.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("events");

    HttpResponse<String> allBad =
        send(
            "POST",
            "/api/events",
            "[" + event("X1", "CSQU3054383", "GTIN", "2024-03-01T08:00:00Z", "ATLANTIS") + "]");
    assertThat(allBad.statusCode()).isEqualTo(400);
    JsonNode err = JSON.readTree(allBad.body()).get("errors").get(0);
    assertThat(err.get("field").asText()).isEqualTo("location");
    assertThat(err.get("pointer").asText()).isEqualTo("/0/location");
    assertThat(err.get("detail").asText()).contains("X1").contains("ATLANTIS");

    HttpResponse<String> none = send("GET", "/api/shipments/NOPE/eta", null);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("NOPE");

    HttpResponse<String> at = send("GET", "/api/shipments/API-1/eta?at=tomorrow", null);
    assertThat(at.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(at.body()).get("errors").get(0).get("field").asText()).isEqualTo("at");
  }
}
