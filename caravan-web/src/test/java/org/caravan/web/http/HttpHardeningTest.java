package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caravan.app.CaravanApp;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless client meets: no 500, problem+json everywhere, headers, host check,
 * slow clients.
 */
class HttpHardeningTest {
  /** The bearer token the test server accepts. */
  static final String TOKEN = "test-token-httphardeningtest";

  /** A request builder with the test token. */
  private static HttpRequest.Builder authed(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
  }

  private static CaravanServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    server =
        CaravanServer.start(
            CaravanApp.openDefault(), "127.0.0.1", 0, ApiTokens.of(List.of(TOKEN)), true);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return client.send(
        authed(URI.create(server.url() + path.substring(1)))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes and returns the whole answer (status line, headers, body). */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void a_text_plain_post_is_415_problem_json() throws Exception {
    HttpResponse<String> r = post("/api/simulations", "text/plain", "{\"years\":1}");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void hostile_numbers_are_400_problems_naming_the_field() throws Exception {
    for (String years : List.of("1e400", "-1e400", "NaN", "\"NaN\"", "Infinity", "1e308")) {
      HttpResponse<String> r =
          post("/api/simulations", "application/json", "{\"years\": " + years + "}");
      assertThat(r.statusCode()).as(years + ": " + r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(r.body())
          .doesNotContain("java.")
          .doesNotContain("com.fasterxml")
          .doesNotContain("`")
          .doesNotContain("JsonReadFeature");
      if (!years.equals("NaN")
          && !years.equals("Infinity")) { // bare NaN and Infinity are not JSON at all
        assertThat(r.body()).as(years).contains("\"field\":\"years\"");
      }
    }
  }

  @Test
  void an_uploaded_scenario_with_a_huge_warmup_is_400_naming_the_field() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/simulations",
            "application/json",
            "{\"scenario_yaml\": \"name: big\\nwarmup_days: 100000000\\n\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"warmup_days\"").contains("at most 3650");
  }

  @Test
  void a_too_large_job_is_refused_before_it_starts() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/simulations",
            "application/json",
            "{\"years\": 5, \"replications\": 200, \"scenario_yaml\": \"name: big\\ndemand:\\n  flows:\\n"
                + "    - {id: a, from: CNXIA, to: DEDUI, teu_per_year: 5000000}\\n\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("too large");
  }

  @Test
  void every_answer_carries_the_security_headers() throws Exception {
    for (String path : List.of("/", "/api/health", "/api/nothing")) {
      HttpResponse<String> r =
          client.send(
              authed(URI.create(server.url() + path.substring(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  void a_405_says_what_is_allowed() throws Exception {
    HttpResponse<String> r =
        client.send(
            authed(URI.create(server.url() + "api/routes")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("POST");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void a_foreign_host_header_is_refused_against_dns_rebinding() throws IOException {
    String evil =
        raw("GET /api/health HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n");
    assertThat(evil).startsWith("HTTP/1.1 421").contains("application/problem+json");
    String local =
        raw(
            "GET /api/health HTTP/1.1\r\nHost: localhost:"
                + server.port()
                + "\r\nConnection: close\r\n\r\n");
    assertThat(local).startsWith("HTTP/1.1 200");
  }

  @Test
  void container_errors_are_problem_json_too() throws IOException {
    String longUri =
        raw(
            "GET /api/places?q="
                + "x".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(longUri)
        .startsWith("HTTP/1.1 414")
        .contains("application/problem+json")
        .doesNotContain("<html");
    String bigHeader =
        raw(
            "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-A: "
                + "y".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(bigHeader).startsWith("HTTP/1.1 431").contains("application/problem+json");
    String version = raw("GET /api/health HTTP/7.0\r\nHost: localhost\r\n\r\n");
    assertThat(version)
        .matches("(?s)HTTP/1.1 (400|505).*")
        .contains("application/problem+json")
        .doesNotContain("<html");
    String chunked =
        raw(
            "POST /api/routes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + TOKEN
                + "\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
    assertThat(chunked)
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .doesNotContain("Exception");
  }

  @Test
  void three_hundred_trickling_connections_do_not_starve_a_real_client() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        OutputStream o = s.getOutputStream();
        o.write(
            ("POST /api/routes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer "
                    + TOKEN
                    + "\r\n"
                    + "Content-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
        slow.add(s);
      }
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          client.send(
              authed(URI.create(server.url() + "api/health"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void a_body_that_never_arrives_is_timed_out() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(60_000);
      s.getOutputStream()
          .write(
              ("POST /api/routes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      + "Authorization: Bearer "
                      + TOKEN
                      + "\r\n"
                      + "Content-Length: 100\r\n\r\n{")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = s.getInputStream();
      long t0 = System.nanoTime();
      byte[] answer = in.readAllBytes();
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(45);
      assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/1.1 500");
    }
  }
}
