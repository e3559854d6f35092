package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.caravan.app.CaravanApp;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Simulation jobs over real HTTP: a server on a random port, {@code java.net.http} as the client.
 * Jobs are small (a few replications of a fraction of a year) so the class runs in seconds; every
 * test waits for its jobs to end so the next one starts with no job active.
 */
@Timeout(120)
class SimulationApiTest {
  /** The bearer token the test server accepts. */
  static final String TOKEN = "test-token-simulationapitest";

  /** A request builder with the test token. */
  private static HttpRequest.Builder authed(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static CaravanServer server;
  private static HttpClient client;

  record Reply(int status, String contentType, String location, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  record Event(String name, JsonNode data) {}

  @BeforeAll
  static void start() {
    server =
        CaravanServer.start(
            CaravanApp.openDefault(), "127.0.0.1", 0, ApiTokens.of(List.of(TOKEN)), true);
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static URI uri(String path) {
    return URI.create(server.url() + path.substring(1));
  }

  private static Reply send(HttpRequest request) throws Exception {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Location").orElse(""),
        r.body());
  }

  private static Reply get(String path) throws Exception {
    return send(authed(uri(path)).GET().build());
  }

  private static Reply delete(String path) throws Exception {
    return send(authed(uri(path)).DELETE().build());
  }

  private static Reply post(String body) throws Exception {
    return send(
        authed(uri("/api/simulations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Starts a job and returns its path. */
  private static String start(String body) throws Exception {
    Reply r = post(body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.location()).startsWith("/api/simulations/");
    JsonNode job = r.json();
    assertThat(job.path("status").asText()).isIn("queued", "running");
    assertThat(r.location()).isEqualTo("/api/simulations/" + job.path("id").asText());
    return r.location();
  }

  /** Polls a job until it has finished and returns its last view. */
  private static JsonNode await(String path) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      Reply r = get(path);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode job = r.json();
      String s = job.path("status").asText();
      if (s.equals("done") || s.equals("failed") || s.equals("cancelled")) {
        return job;
      }
      assertThat(System.nanoTime()).as("job still " + s + " after 90 s").isLessThan(end);
      Thread.sleep(100);
    }
  }

  private static JsonNode problem(Reply r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).startsWith("/api-docs#problem-");
    assertThat(p.path("detail").asText()).isNotBlank();
    return p;
  }

  private static String defaultYaml() throws Exception {
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream(
            ScenarioLoader.RESOURCE_DIR + ScenarioLoader.DEFAULT + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String body(String yaml, String rest) {
    ObjectNode o = JSON.createObjectNode().put("scenario_yaml", yaml);
    try {
      ObjectNode more = (ObjectNode) JSON.readTree(rest);
      o.setAll(more);
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_small_default_job_runs_to_done_with_summary_histograms_resources_and_queues()
      throws Exception {
    String path = start("{\"replications\": 2, \"years\": 1, \"seed\": 7}");
    JsonNode job = await(path);
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.path("scenario").asText()).isEqualTo(ScenarioLoader.DEFAULT);
    assertThat(job.path("progress").path("done").asInt()).isEqualTo(2);
    assertThat(job.path("progress").path("total").asInt()).isEqualTo(2);
    assertThat(job.path("years").asDouble()).isEqualTo(1.0);
    assertThat(job.path("finished_at").asText()).isNotBlank();

    JsonNode res = job.path("results");
    assertThat(res.path("replications").asInt()).isEqualTo(2);
    assertThat(res.path("seed").asLong()).isEqualTo(7);
    assertThat(res.path("horizon_days").asDouble()).isEqualTo(365);
    assertThat(res.path("conservation").path("balanced").asBoolean()).isTrue();
    // KPIs with mean and CI: the Middle Corridor carries 55,000 TEU (0.55 Mt) and the wagons ASCO
    // carried on its Kazakh line, 1.1 Mt: about 1.65 Mt a year (docs/SIMULATION.md, demand rule).
    JsonNode mt = res.path("kpis").path("throughput.middle.tonnes_per_year");
    assertThat(mt.path("mean").asDouble()).isBetween(1.4e6, 1.9e6);
    assertThat(mt.has("ci95")).isTrue();
    assertThat(res.path("kpis").path("throughput.all.teu_per_year").path("mean").asDouble())
        .isPositive();
    // Transit percentiles per corridor, and histograms that count the same units.
    JsonNode middle = res.path("transit_days").path("middle");
    assertThat(middle.path("p50").asDouble()).isBetween(5.0, 60.0);
    assertThat(middle.path("p95").asDouble()).isGreaterThanOrEqualTo(middle.path("p50").asDouble());
    JsonNode hist = res.path("transit_histograms");
    assertThat(hist.path("bin_days").asDouble()).isPositive();
    long binned = 0;
    for (JsonNode n : hist.path("corridors").path("middle")) {
      binned += n.asLong();
    }
    assertThat(binned).isEqualTo(middle.path("count").asLong()).isPositive();
    assertThat(hist.path("corridors").size()).isGreaterThanOrEqualTo(2);
    // Resources: utilisation and waiting with their CIs.
    assertThat(res.path("resources").size()).isGreaterThan(10);
    for (JsonNode r : res.path("resources")) {
      assertThat(r.path("kind").asText())
          .isIn("section", "border", "berth", "formation", "yard", "fleet", "marshalling");
      assertThat(r.has("utilisation")).isTrue();
      assertThat(r.has("wait_unit_hours_per_year_ci95")).isTrue();
      if (r.path("utilisation").isNumber()) {
        assertThat(r.path("utilisation").asDouble()).isGreaterThanOrEqualTo(0);
      }
    }
    // Queue series: one value per sample, warm-up first.
    JsonNode q = res.path("queues");
    assertThat(q.path("start_day").asDouble()).isEqualTo(-60);
    assertThat(q.path("series").size()).isPositive();
    for (JsonNode s : q.path("series")) {
      assertThat(s.path("values").size()).isEqualTo(q.path("samples").asInt());
    }
    // Bottlenecks ranked by share of all waiting.
    JsonNode bn = res.path("bottlenecks");
    assertThat(bn.size()).isPositive();
    double share = 0;
    double last = Double.MAX_VALUE;
    for (int i = 0; i < bn.size(); i++) {
      assertThat(bn.get(i).path("rank").asInt()).isEqualTo(i + 1);
      double w = bn.get(i).path("wait_unit_hours_per_year").asDouble();
      assertThat(w).isLessThanOrEqualTo(last);
      last = w;
      share += bn.get(i).path("share").asDouble();
    }
    assertThat(share).isBetween(0.0, 1.0001);

    Reply list = get("/api/simulations");
    assertThat(list.json().findValuesAsText("id")).contains(job.path("id").asText());
    assertThat(list.body()).doesNotContain("\"results\"");
  }

  @Test
  void events_stream_progress_then_done_for_an_uploaded_scenario() throws Exception {
    String yaml = defaultYaml().replaceFirst("(?m)^name: .*$", "name: uploaded-test");
    String path = start(body(yaml, "{\"replications\": 12, \"years\": 1}"));
    HttpResponse<Stream<String>> r =
        client.send(
            authed(uri(path + "/events")).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<Event> events = new ArrayList<>();
    try (Stream<String> lines = r.body()) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        } else if (line.isEmpty() && !data.isEmpty()) {
          events.add(new Event(name, JSON.readTree(data.toString())));
          data.setLength(0);
          name = "message";
        }
      }
    }
    assertThat(events).isNotEmpty();
    Event done = events.get(events.size() - 1);
    assertThat(done.name()).isEqualTo("done");
    assertThat(done.data().path("status").asText()).isEqualTo("done");
    assertThat(done.data().path("scenario").asText()).isEqualTo("uploaded-test");
    assertThat(done.data().path("progress").path("done").asInt()).isEqualTo(12);
    List<Integer> progress =
        events.subList(0, events.size() - 1).stream()
            .peek(e -> assertThat(e.name()).isEqualTo("progress"))
            .map(e -> e.data().path("progress").path("done").asInt())
            .toList();
    assertThat(progress).isNotEmpty().isSorted();
    assertThat(await(path).path("results").path("scenario").asText()).isEqualTo("uploaded-test");
    // A finished job's stream is its done event alone.
    HttpResponse<String> again =
        client.send(
            authed(uri(path + "/events")).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.body()).contains("event: done").doesNotContain("event: progress");
  }

  @Test
  void delete_cancels_a_running_job_and_then_forgets_it() throws Exception {
    String path = start("{\"replications\": 200, \"years\": 1}");
    Reply d = delete(path);
    assertThat(d.status()).as(d.body()).isEqualTo(202);
    assertThat(d.json().path("cancel_requested").asBoolean()).isTrue();
    JsonNode job = await(path);
    assertThat(job.path("status").asText()).isEqualTo("cancelled");
    assertThat(job.path("progress").path("done").asInt()).isLessThan(200);
    assertThat(job.has("results")).isFalse();
    assertThat(delete(path).status()).isEqualTo(204);
    problem(get(path), 404);
  }

  @Test
  void delete_stops_a_running_job_inside_its_replication() throws Exception {
    // One replication of five years runs on the job's own thread for seconds; a cancel that
    // waited for the replication's end would report it done (1 of 1).
    String path = start("{\"replications\": 1, \"years\": 5}");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!get(path).json().path("status").asText().equals("running")) {
      assertThat(System.nanoTime()).as("job never started").isLessThan(end);
      Thread.sleep(20);
    }
    assertThat(delete(path).status()).isEqualTo(202);
    JsonNode job = await(path);
    assertThat(job.path("status").asText()).isEqualTo("cancelled");
    assertThat(job.path("progress").path("done").asInt()).isZero();
    assertThat(delete(path).status()).isEqualTo(204);
  }

  @Test
  void a_third_job_while_two_run_is_429() throws Exception {
    String a = start("{\"replications\": 200, \"years\": 1}");
    String b = start("{\"replications\": 200, \"years\": 1}");
    try {
      JsonNode p = problem(post("{\"replications\": 1, \"years\": 0.1}"), 429);
      assertThat(p.path("type").asText()).isEqualTo("/api-docs#problem-too-many-jobs");
    } finally {
      delete(a);
      delete(b);
      assertThat(await(a).path("status").asText()).isEqualTo("cancelled");
      assertThat(await(b).path("status").asText()).isEqualTo("cancelled");
    }
  }

  @Test
  void bad_scenario_yaml_is_400_naming_the_scenario_field() throws Exception {
    JsonNode p =
        problem(
            post(
                body(
                    defaultYaml().replaceFirst("(?m)^horizon_days: .*$", "horizon_days: 0"), "{}")),
            400);
    assertThat(p.path("type").asText()).isEqualTo("/api-docs#problem-invalid-scenario");
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("horizon_days");
    assertThat(p.path("errors").get(0).path("pointer").asText()).isEqualTo("/scenario_yaml");
    assertThat(p.path("detail").asText()).contains("horizon_days", "line");

    JsonNode unknown = problem(post(body("name: x\nhorizn_days: 3\n", "{}")), 400);
    assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("horizn_days");
    assertThat(unknown.path("detail").asText()).contains("unknown field 'horizn_days'");

    JsonNode syntax = problem(post(body("name: [unclosed\n", "{}")), 400);
    assertThat(syntax.path("errors").get(0).path("field").asText()).isNotBlank();
    assertThat(syntax.path("detail").asText()).contains("line");
  }

  @Test
  void limits_and_types_are_400_naming_the_field() throws Exception {
    assertThat(field(post("{\"replications\": 201}"))).isEqualTo("replications");
    assertThat(field(post("{\"replications\": 0}"))).isEqualTo("replications");
    assertThat(field(post("{\"replications\": 2.5}"))).isEqualTo("replications");
    assertThat(field(post("{\"years\": 6}"))).isEqualTo("years");
    assertThat(field(post("{\"years\": 0}"))).isEqualTo("years");
    assertThat(field(post("{\"seed\": \"7\"}"))).isEqualTo("seed");
    assertThat(field(post("{\"scenario\": \"default-2024\"}"))).isEqualTo("scenario");
    String yaml = defaultYaml().replaceFirst("(?m)^replications: .*$", "replications: 1000");
    assertThat(field(post(body(yaml, "{}")))).isEqualTo("replications");
  }

  private static String field(Reply r) {
    return problem(r, 400).path("errors").get(0).path("field").asText();
  }

  @Test
  void unknown_jobs_are_404_and_events_without_accept_are_406() throws Exception {
    problem(get("/api/simulations/nope"), 404);
    problem(delete("/api/simulations/nope"), 404);
    problem(
        send(
            authed(uri("/api/simulations/nope/events"))
                .header("Accept", "text/event-stream")
                .GET()
                .build()),
        404);
    String path = start("{\"replications\": 1, \"years\": 0.1}");
    problem(get(path + "/events"), 406);
    assertThat(await(path).path("status").asText()).isEqualTo("done");
  }

  @Test
  void the_simulation_page_is_served() throws Exception {
    Reply page = get("/simulation.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("simulation.js", "id=\"charts\"");
    assertThat(get("/simulation.js").status()).isEqualTo(200);
    assertThat(get("/").body()).contains("href=\"/simulation.html\"");
  }
}
