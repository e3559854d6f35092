package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.app.ResultsStore;
import org.caravan.web.auth.ApiTokens;
import org.caravan.web.auth.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web jobs kept in the results store: a job run on one server is served, with the same results, by
 * a new server started on the same store; a job a dead server left running is marked interrupted.
 * Jobs belong to the client whose token started them, across restarts too.
 */
@Timeout(180)
class StoredJobsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-storedjobstest";
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path dir;

  private HttpResponse<String> get(CaravanServer s, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(s.url() + path.substring(1)))
            .header("Authorization", "Bearer " + TOKEN)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode await(CaravanServer s, String path) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      JsonNode job = JSON.readTree(get(s, path).body());
      String st = job.path("status").asText();
      if (!st.equals("queued") && !st.equals("running")) {
        return job;
      }
      assertThat(System.nanoTime()).as("job still " + st).isLessThan(end);
      Thread.sleep(100);
    }
  }

  private static CaravanServer start(Optional<String> store) {
    return CaravanServer.start(
        CaravanApp.openDefault(), "127.0.0.1", 0, ApiTokens.of(List.of(TOKEN)), false, store);
  }

  @Test
  void aFinishedJobAndItsResultsSurviveARestart() throws Exception {
    Optional<String> store = Optional.of(dir.resolve("web.duckdb").toString());
    String path;
    JsonNode first;
    try (CaravanServer s = start(store)) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(s.url() + "api/simulations"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"replications\": 2, \"years\": 0.2, \"seed\": 11}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      path = r.headers().firstValue("Location").orElseThrow();
      first = await(s, path);
      assertThat(first.path("status").asText()).isEqualTo("done");
      assertThat(first.path("results").path("kpis").isMissingNode()).isFalse();
    }
    try (CaravanServer s = start(store)) {
      HttpResponse<String> r = get(s, path);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode again = JSON.readTree(r.body());
      assertThat(again).isEqualTo(first);
      JsonNode list = JSON.readTree(get(s, "/api/simulations").body());
      assertThat(list).hasSize(1);
      assertThat(list.get(0).path("id").asText()).isEqualTo(first.path("id").asText());
      assertThat(list.get(0).has("results")).isFalse();
    }
  }

  @Test
  void aJobCutOffByACrashIsMarkedInterrupted() throws Exception {
    String location = dir.resolve("crashed.duckdb").toString();
    // What a killed server leaves behind: a job row still 'running'.
    try (ResultsStore st = ResultsStore.open(Optional.of(location))) {
      st.putJob(
          new ResultsStore.Job(
              "11111111-2222-3333-4444-555555555555",
              ResultsStore.Job.Kind.SIMULATION,
              Owner.of(TOKEN).id(),
              ResultsStore.Job.Status.RUNNING,
              "default-2024",
              4,
              1,
              1,
              new ResultsStore.Job.Progress(1, 4),
              false,
              Instant.parse("2026-01-01T00:00:00Z"),
              Optional.of(Instant.parse("2026-01-01T00:00:01Z")),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    try (CaravanServer s = start(Optional.of(location))) {
      JsonNode job =
          JSON.readTree(get(s, "/api/simulations/11111111-2222-3333-4444-555555555555").body());
      assertThat(job.path("status").asText()).isEqualTo("interrupted");
      assertThat(job.path("error").asText()).contains("server stopped");
      assertThat(job.path("progress").path("done").asInt()).isEqualTo(1);
      // Times come back as the ISO-8601 text they were stored as.
      assertThat(job.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(job.path("started_at").asText()).isEqualTo("2026-01-01T00:00:01Z");
      assertThat(job.path("finished_at").asText()).endsWith("Z");
    }
  }
}
