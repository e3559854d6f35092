package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bearer-token authentication over real HTTP: a server on a random port accepting two tokens (two
 * clients), {@code java.net.http} as the client. Writes need a token, a job is visible only to the
 * token that started it, and the web token goes only to same-origin browser fetches.
 */
@Timeout(120)
class AuthApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = "alice-token-0123456789abcdef";
  private static final String BOB = "bob-token-fedcba9876543210xyz";
  private static CaravanServer server;
  private static HttpClient client;

  record Reply(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }

  @BeforeAll
  static void start() {
    server =
        CaravanServer.start(
            CaravanApp.openDefault(), "127.0.0.1", 0, ApiTokens.of(List.of(ALICE, BOB)), true);
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Reply send(
      String method, String path, Optional<String> authorization, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
            .timeout(Duration.ofSeconds(60));
    authorization.ifPresent(a -> b.header("Authorization", a));
    if (headers.length > 0) {
      b.headers(headers);
    }
    b.method(
        method,
        body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  private static Optional<String> bearer(String token) {
    return Optional.of("Bearer " + token);
  }

  private static JsonNode problem(Reply r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("java.");
    return p;
  }

  @Test
  void writes_without_a_token_are_401_with_a_bearer_challenge() throws Exception {
    Reply none = send("POST", "/api/simulations", Optional.empty(), "{}");
    JsonNode p = problem(none, 401);
    assertThat(p.path("type").asText()).isEqualTo("/api-docs#problem-unauthorized");
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"caravan\"");
    // Every unsafe method on every path: the rule goes by method, not by a list of endpoints.
    problem(
        send("POST", "/api/routes", Optional.empty(), "{\"from\":\"Xian\",\"to\":\"Baku\"}"), 401);
    problem(send("PUT", "/api/not-yet-an-endpoint", Optional.empty(), ""), 401);
    problem(send("DELETE", "/api/simulations/x", Optional.empty(), ""), 401);
    problem(send("POST", "/index.html", Optional.empty(), "{}"), 401);
    // Reads of public data need nothing.
    assertThat(send("GET", "/api/health", Optional.empty(), "").status()).isEqualTo(200);
  }

  @Test
  void a_wrong_or_malformed_token_is_401_invalid_token() throws Exception {
    Reply wrong = send("POST", "/api/simulations", bearer("not-the-token-0123456789abcdef"), "{}");
    problem(wrong, 401);
    assertThat(wrong.header("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"caravan\", error=\"invalid_token\"");
    // A prefix of a valid token, the token with a character more, another scheme, no token.
    problem(send("POST", "/api/simulations", bearer(ALICE.substring(0, 20)), "{}"), 401);
    problem(send("POST", "/api/simulations", bearer(ALICE + "x"), "{}"), 401);
    problem(send("POST", "/api/simulations", Optional.of("Basic " + ALICE), "{}"), 401);
    problem(send("POST", "/api/simulations", Optional.of("Bearer"), "{}"), 401);
    problem(send("POST", "/api/simulations", Optional.of("Bearer \u00e9\u00e9"), "{}"), 401);
    // The scheme is case-insensitive (RFC 9110 §11.1).
    Reply ok = send("POST", "/api/routes", Optional.of("bearer " + ALICE), "{\"from\":\"Xian\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(400); // past authentication: 'to' is missing
  }

  @Test
  void a_job_is_visible_only_to_its_token() throws Exception {
    Reply started =
        send(
            "POST",
            "/api/simulations",
            bearer(ALICE),
            "{\"replications\": 1, \"years\": 0.05, \"seed\": 7}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String path = started.header("Location");
    String id = started.json().path("id").asText();
    // Bob: the job does not exist for him, whatever he does.
    problem(send("GET", path, bearer(BOB), ""), 404);
    problem(send("GET", path + "/events", bearer(BOB), "", "Accept", "text/event-stream"), 404);
    problem(send("DELETE", path, bearer(BOB), ""), 404);
    assertThat(send("GET", "/api/simulations", bearer(BOB), "").json().findValuesAsText("id"))
        .doesNotContain(id);
    // Nobody: 401, not 404, so a client learns it has to authenticate.
    problem(send("GET", path, Optional.empty(), ""), 401);
    problem(send("GET", "/api/simulations", Optional.empty(), ""), 401);
    // Alice sees it, lists it, and follows it to the end.
    assertThat(send("GET", "/api/simulations", bearer(ALICE), "").json().findValuesAsText("id"))
        .contains(id);
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String status;
    do {
      Reply r = send("GET", path, bearer(ALICE), "");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      status = r.json().path("status").asText();
      assertThat(System.nanoTime()).as("job still " + status).isLessThan(end);
      Thread.sleep(100);
    } while (status.equals("queued") || status.equals("running"));
    assertThat(status).isEqualTo("done");
    // Bob cannot forget Alice's finished job either; Alice can.
    problem(send("DELETE", path, bearer(BOB), ""), 404);
    assertThat(send("DELETE", path, bearer(ALICE), "").status()).isEqualTo(204);
    problem(send("GET", path, bearer(ALICE), ""), 404);
  }

  @Test
  void the_web_token_goes_only_to_a_same_origin_fetch_on_this_machine() throws Exception {
    String host = URI.create(server.url()).getAuthority();
    Reply same =
        send("GET", "/api/web-token", Optional.empty(), "", "Sec-Fetch-Site", "same-origin");
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().path("token").asText()).isEqualTo(ALICE);
    assertThat(same.header("Cache-Control")).isEqualTo("no-store");
    assertThat(same.header("Access-Control-Allow-Origin")).isEmpty();
    Reply withOrigin =
        send(
            "GET",
            "/api/web-token",
            Optional.empty(),
            "",
            "Sec-Fetch-Site",
            "same-origin",
            "Origin",
            "http://" + host);
    assertThat(withOrigin.status()).isEqualTo(200);
    // A page on another site, a non-browser client, a forged same-origin with a foreign Origin.
    problem(
        send("GET", "/api/web-token", Optional.empty(), "", "Sec-Fetch-Site", "cross-site"), 403);
    problem(send("GET", "/api/web-token", Optional.empty(), ""), 403);
    problem(
        send(
            "GET",
            "/api/web-token",
            Optional.empty(),
            "",
            "Sec-Fetch-Site",
            "same-origin",
            "Origin",
            "http://evil.example"),
        403);
  }

  @Test
  void a_server_without_web_token_gives_it_to_nobody() throws Exception {
    try (CaravanServer quiet =
        CaravanServer.start(
            CaravanApp.openDefault(), "127.0.0.1", 0, ApiTokens.of(List.of(ALICE)), false)) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(quiet.url() + "api/web-token"))
                  .header("Sec-Fetch-Site", "same-origin")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("--no-web-token").doesNotContain(ALICE);
    }
  }
}
