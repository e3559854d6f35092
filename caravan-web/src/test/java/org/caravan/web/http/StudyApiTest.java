package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studies API over real HTTP on a server with a temporary store: an uploaded study runs in the
 * background, its progress reaches the total, and the stored study is listed, shown, compared (KPI
 * differences with 95 % intervals, the binding resource, the routes a closure moves) and exported
 * as CSV and Parquet holding the same rows; bad requests are problem+json.
 */
@Timeout(600)
class StudyApiTest {
  /** Two variants: one changes a crossing's fleet, one closes the Poland-Belarus border. */
  static final String SMALL_STUDY =
      """
      name: web-small
      baseline: default-2024
      seed: 5
      replications: 2
      years: 0.05
      variants:
        - name: more-ferries
          source: EST
          set:
            network.crossings[link=KZKUR-AZ-ALAT-ferry].fleet: 24
        - name: pl-by-closed
          source: EST
          set:
            disruptions[id=pl-by]:
              id: pl-by
              kind: border_closure
              nodes: [PLMAA, BYBQT]
              start_day: 5
              duration_days: 10
      """;

  private static final String TOKEN = "test-token-studyapitest";
  private static final String OTHER = "test-token-studyapitest-other";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static CaravanServer server;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        CaravanServer.start(
            CaravanApp.openDefault(),
            "127.0.0.1",
            0,
            ApiTokens.of(List.of(TOKEN, OTHER)),
            false,
            Optional.of(dir.resolve("studies.duckdb").toString()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String path, String body)
      throws Exception {
    return send(method, path, body, Optional.of(TOKEN));
  }

  private static HttpResponse<byte[]> send(
      String method, String path, String body, Optional<String> token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> r, int status) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static JsonNode problem(HttpResponse<byte[]> r, int status) throws Exception {
    JsonNode p = json(r, status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(p.path("detail").asText()).isNotBlank().doesNotContain("Exception", "java.");
    return p;
  }

  @Test
  void an_uploaded_study_runs_and_is_compared_and_exported() throws Exception {
    String body = JSON.createObjectNode().put("study_yaml", SMALL_STUDY).toString();
    HttpResponse<byte[]> posted = send("POST", "/api/study-runs", body);
    JsonNode run = json(posted, 202);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/study-runs/" + run.path("id").asText());
    assertThat(run.path("study").asText()).isEqualTo("web-small");
    assertThat(run.path("progress").path("total").asInt()).isEqualTo(6);
    long end = System.nanoTime() + Duration.ofSeconds(480).toNanos();
    while (run.path("status").asText().matches("queued|running")) {
      assertThat(System.nanoTime()).isLessThan(end);
      Thread.sleep(200);
      run = json(send("GET", location, null), 200);
    }
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
    assertThat(run.path("progress").path("done").asInt()).isEqualTo(6);
    assertThat(json(send("GET", "/api/study-runs", null), 200).toString())
        .contains(run.path("id").asText());
    // A run is its starter's: another client neither lists nor sees it; the study is shared.
    assertThat(json(send("GET", "/api/study-runs", null, Optional.of(OTHER)), 200)).isEmpty();
    problem(send("GET", location, null, Optional.of(OTHER)), 404);

    JsonNode list = json(send("GET", "/api/studies", null), 200);
    assertThat(list).anySatisfy(s -> assertThat(s.path("runs_stored").asInt()).isEqualTo(6));
    JsonNode show = json(send("GET", "/api/studies/web-small", null), 200);
    assertThat(show.path("variants")).hasSize(3);

    JsonNode cmp = json(send("GET", "/api/studies/web-small/compare", null), 200);
    assertThat(cmp.path("variants")).hasSize(2);
    JsonNode ferries = cmp.path("variants").get(0);
    JsonNode closed = cmp.path("variants").get(1);
    assertThat(ferries.path("kpis").size()).isPositive();
    for (JsonNode k : ferries.path("kpis")) {
      if (k.path("pairs").asInt() == 2) {
        assertThat(k.path("ci95_half_width").isNumber()).as(k.toString()).isTrue();
      }
    }
    assertThat(ferries.path("changes").path("links").toString()).contains("KZKUR-AZ-ALAT-ferry");
    assertThat(closed.path("changes").path("closed_nodes").toString()).contains("PLMAA", "BYBQT");

    HttpResponse<byte[]> csv = send("GET", "/api/studies/web-small/export?format=csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("study-web-small.csv");
    List<String> csvRows = new String(csv.body(), StandardCharsets.UTF_8).lines().skip(1).toList();
    HttpResponse<byte[]> pq = send("GET", "/api/studies/web-small/export?format=parquet", null);
    assertThat(pq.statusCode()).isEqualTo(200);
    assertThat(new String(pq.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    Path file = Files.write(dir.resolve("web-small.parquet"), pq.body());
    List<String> back = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT * FROM read_parquet('"
                        + file
                        + "') ORDER BY variant, kpi, replication")) {
      while (rs.next()) {
        double read = rs.getDouble(7);
        String value = rs.wasNull() ? "" : Double.toString(read);
        back.add(
            String.join(
                ",",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                value));
      }
    }
    assertThat(back).isEqualTo(csvRows);
  }

  @Test
  void bad_requests_are_problems() throws Exception {
    problem(send("GET", "/api/studies/no-such-study", null), 404);
    problem(send("GET", "/api/studies/no-such-study/compare", null), 404);
    problem(send("GET", "/api/study-runs/nope", null), 404);
    problem(send("GET", "/api/studies/x/export?format=xlsx", null), 400);
    problem(send("POST", "/api/study-runs", "{}"), 400);
    problem(send("POST", "/api/study-runs", "{}", Optional.empty()), 401);
    problem(send("POST", "/api/study-runs", "{\"shipped\": \"nope\"}"), 400);
    problem(
        send("POST", "/api/study-runs", "{\"shipped\": \"middle-corridor-2030\", \"years\": 9}"),
        400);
    JsonNode p =
        problem(
            send(
                "POST",
                "/api/study-runs",
                JSON.createObjectNode()
                    .put("study_yaml", SMALL_STUDY.replace("fleet: 24", "fleet: -3"))
                    .toString()),
            400);
    assertThat(p.path("detail").asText()).contains("more-ferries", "fleet");
    JsonNode shipped = json(send("GET", "/api/shipped-studies", null), 200);
    assertThat(shipped.get(0).path("name").asText()).isEqualTo("middle-corridor-2030");
    assertThat(shipped.get(0).path("variants").size()).isGreaterThanOrEqualTo(9);
  }
}
