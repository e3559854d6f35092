package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.caravan.app.CaravanApp;
import org.caravan.scenario.Choices;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole API over real HTTP: a server on a random port, {@code java.net.http} as the client. */
class HttpApiTest {
  /** The bearer token the test server accepts. */
  static final String TOKEN = "test-token-httpapitest";

  /** A request builder with the test token. */
  private static HttpRequest.Builder authed(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static CaravanServer server;
  private static HttpClient client;

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

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

  private static Reply get(String path) throws Exception {
    return send(authed(URI.create(server.url() + path.substring(1))).GET().build());
  }

  private static Reply post(String path, String body) throws Exception {
    return send(
        authed(URI.create(server.url() + path.substring(1)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static Reply send(HttpRequest request) throws Exception {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** Asserts an RFC 9457 problem and returns it. */
  private static JsonNode problem(Reply r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).startsWith("/api-docs#problem-");
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    assertThat(p.path("errors").isArray()).isTrue();
    return p;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
    return out;
  }

  @Test
  void a_taken_port_is_a_user_error_naming_the_port() {
    org.caravan.scenario.UserException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.caravan.scenario.UserException.class,
            () -> CaravanServer.start(CaravanApp.openDefault(), "127.0.0.1", server.port()));
    assertThat(e.field()).isEqualTo("port");
    assertThat(e.getMessage()).contains(String.valueOf(server.port()), "--port");
  }

  @Test
  void health_reports_ok_and_the_network_size() throws Exception {
    Reply r = get("/api/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
    assertThat(r.json().path("nodes").asInt()).isGreaterThan(100);
  }

  @Test
  void places_finds_xian_first() throws Exception {
    JsonNode places = get("/api/places?q=xian&limit=3").json();
    assertThat(places.size()).isBetween(1, 3);
    assertThat(places.get(0).path("id").asText()).isEqualTo("CNXIA");
    assertThat(places.get(0).path("name").asText()).isEqualTo("Xi'an");
  }

  @Test
  void crm_risk_names_the_stranded_flows_of_a_named_disruption_and_refuses_unknown_ones()
      throws Exception {
    JsonNode base = get("/api/crm/risk").json();
    assertThat(base.path("materials").size()).isEqualTo(6);
    JsonNode closed = get("/api/crm/risk?disruption=caspian-closure").json();
    assertThat(closed.path("stranded").toString()).contains("u-kz-eu");
    assertThat(fields(problem(get("/api/crm/risk?disruption=/etc/passwd"), 400)))
        .containsExactly(
            "disruption"); // The page's list of disruptions is the engine's, and the OpenAPI enum
    // holds the same names.
    JsonNode list = get("/api/crm/disruptions").json();
    List<String> ids = new ArrayList<>();
    list.forEach(d -> ids.add(d.path("id").asText()));
    assertThat(ids).contains("caspian-closure", "russia-transit-closure");
    assertThat(list.get(0).path("removes").get(0).asText()).isEqualTo("chokepoint:caspian");
    JsonNode param =
        get("/openapi.json")
            .json()
            .path("paths")
            .path("/api/crm/risk")
            .path("get")
            .path("parameters");
    assertThat(texts(param.get(0).path("schema").path("enum"))).isEqualTo(ids);
    // Every routed part carries its path for the map: from the flow's origin to its destination.
    JsonNode part = base.path("materials").get(0).path("flows").get(0).path("routes").get(0);
    JsonNode path = part.path("path");
    assertThat(path.get(0).path("id").asText()).isEqualTo("KZKZO");
    assertThat(path.get(path.size() - 1).path("id").asText()).isEqualTo("ROCND");
    assertThat(path.get(0).path("lat").asDouble()).isBetween(40.0, 50.0);
    // The Poti-Constanta charter is drawn along its sea lane, not as a straight line.
    assertThat(path.findValuesAsText("name")).contains("sea lane");
  }

  @Test
  void places_without_query_or_with_absurd_limit_are_400_naming_the_parameter() throws Exception {
    assertThat(fields(problem(get("/api/places"), 400))).containsExactly("q");
    assertThat(fields(problem(get("/api/places?q=x&limit=100000"), 400))).containsExactly("limit");
    assertThat(fields(problem(get("/api/places?q=x&limit=ten"), 400))).containsExactly("limit");
  }

  @Test
  void network_is_geojson_with_node_kinds_and_link_modes() throws Exception {
    Reply r = get("/api/network");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode fc = r.json();
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    List<String> modes = new ArrayList<>();
    int points = 0;
    for (JsonNode f : fc.path("features")) {
      if (f.path("geometry").path("type").asText().equals("Point")) {
        points++;
        assertThat(f.path("properties").path("kind").asText()).isNotBlank();
      } else {
        modes.add(f.path("properties").path("mode").asText());
      }
    }
    assertThat(points).isGreaterThan(100);
    assertThat(modes).contains("rail", "road", "ferry", "sea");
    assertThat(get("/api/network/summary").json().path("links_by_mode").path("rail").asInt())
        .isPositive();
  }

  @Test
  void routes_xian_duisburg_avoiding_ru_and_by_never_enter_them() throws Exception {
    Reply r =
        post(
            "/api/routes",
            """
        {"from": "Xian", "to": "Duisburg", "teu": 2, "avoid_countries": ["RU", "BY"], "depart": "2026-12-01"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(answer.path("from").asText()).isEqualTo("CNXIA");
    assertThat(answer.path("to").asText()).isEqualTo("DEDUI");
    assertThat(answer.path("routes").size()).isGreaterThanOrEqualTo(2);
    for (JsonNode route : answer.path("routes")) {
      List<String> countries = new ArrayList<>();
      route.path("countries").forEach(c -> countries.add(c.asText()));
      assertThat(countries).contains("CN", "DE").doesNotContain("RU", "BY");
      assertThat(route.path("legs").size()).isPositive();
      assertThat(route.path("transit_days").asDouble()).isPositive();
    }
    // The published figures for the two places, as validate reads them from the target table.
    List<String> ids = new ArrayList<>();
    for (JsonNode f : answer.path("published")) {
      ids.add(f.path("id").asText());
      assertThat(f.path("low").asDouble()).isLessThanOrEqualTo(f.path("high").asDouble());
      assertThat(f.path("kind").asText()).isIn("promised", "guidance", "observed", "record");
      assertThat(f.path("source").asText()).isNotEmpty();
    }
    assertThat(ids).contains("T12", "T14", "T31").doesNotHaveDuplicates();
    // A coordinate end has no published figures of its own.
    Reply point =
        post(
            "/api/routes",
            """
        {"from": "34.3,108.9", "to": "Duisburg", "depart": "2026-12-01"}""");
    assertThat(point.status()).as(point.body()).isEqualTo(200);
    assertThat(point.json().path("published").size()).isZero();
  }

  @Test
  void routes_on_a_named_corridor_are_all_on_it() throws Exception {
    Reply r =
        post(
            "/api/routes",
            """
        {"from": "Xian", "to": "Duisburg", "corridor": "middle", "depart": "2026-12-01"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("objective").asText()).isEqualTo("pareto");
    assertThat(r.json().path("routes").size()).isPositive();
    for (JsonNode route : r.json().path("routes")) {
      assertThat(route.path("corridor").asText()).isEqualTo("middle");
    }
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"corridor\": \"x\"}"),
                    400)))
        .containsExactly("corridor");
  }

  @Test
  void a_route_through_named_places_passes_them() throws Exception {
    Reply r =
        post(
            "/api/routes",
            """
        {"from": "Xian", "to": "Duisburg", "via": ["Poti"], "depart": "2026-12-01"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("routes").size()).isEqualTo(1);
    assertThat(r.json().path("routes").get(0).toString()).contains("\"GEPTI\"");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"via\": [\"Atlantis\"]}"),
                    400)))
        .containsExactly("via");
  }

  @Test
  void routes_as_geojson_are_one_linestring_per_route() throws Exception {
    String body =
        """
        {"from": "CNXIA", "to": "DEDUI", "objective": "time", "alternatives": 2, "avoid_countries": ["RU", "BY"]}""";
    Reply r = post("/api/routes?format=geojson", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode fc = r.json();
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.path("features").size())
        .isEqualTo(post("/api/routes", body).json().path("routes").size());
    JsonNode first = fc.path("features").get(0);
    assertThat(first.path("geometry").path("type").asText()).isEqualTo("LineString");
    assertThat(first.path("geometry").path("coordinates").size()).isGreaterThan(5);
    assertThat(first.path("properties").has("legs")).isFalse();
    assertThat(fields(problem(post("/api/routes?format=kml", body), 400)))
        .containsExactly("format");
  }

  @Test
  void emissions_of_a_chain_add_up_to_the_total() throws Exception {
    Reply r =
        post(
            "/api/emissions",
            """
        {"legs": [
          {"leg": "Shanghai port", "type": "hub", "hoc": "hub-port", "teu": 2, "mass_t": 20},
          {"leg": "Shanghai-Rotterdam", "toc": "sea-container-large", "distance_km": 19631.2, "mass_t": 20}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode a = r.json();
    assertThat(a.path("elements").size()).isEqualTo(2);
    double sum = 0;
    for (JsonNode e : a.path("elements")) {
      assertThat(e.path("wtw_kg").asDouble())
          .isCloseTo(
              e.path("wtt_kg").asDouble() + e.path("ttw_kg").asDouble(),
              org.assertj.core.data.Offset.offset(0.002));
      sum += e.path("wtw_kg").asDouble();
    }
    assertThat(a.path("total").path("wtw_kg").asDouble())
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01));
    assertThat(a.path("elements").get(1).path("category").asText())
        .isEqualTo("sea-container-large");
  }

  @Test
  void emissions_with_a_bad_leg_field_point_at_it() throws Exception {
    JsonNode p =
        problem(
            post(
                "/api/emissions",
                "{\"legs\": [{\"toc\": \"sea-container-large\", \"distance_km\": \"far\", \"mass_t\": 1}]}"),
            400);
    assertThat(p.path("errors").get(0).path("pointer").asText()).isEqualTo("/legs/0/distance_km");
  }

  @Test
  void malformed_json_is_a_400_problem_saying_where() throws Exception {
    JsonNode p = problem(post("/api/routes", "{\"from\": \"Xian\", \"to\": "), 400);
    assertThat(p.path("type").asText()).isEqualTo("/api-docs#problem-malformed-json");
    assertThat(p.path("detail").asText()).contains("malformed JSON", "line 1");
  }

  @Test
  void unknown_field_is_a_400_naming_it() throws Exception {
    JsonNode p =
        problem(post("/api/routes", "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"tue\": 2}"), 400);
    assertThat(fields(p)).containsExactly("tue");
    assertThat(p.path("errors").get(0).path("pointer").asText()).isEqualTo("/tue");
    assertThat(p.path("errors").get(0).path("detail").asText()).contains("teu");
  }

  @Test
  void wrong_types_are_400_naming_the_field() throws Exception {
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"teu\": \"5\"}"),
                    400)))
        .containsExactly("teu");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"modes\": \"rail\"}"),
                    400)))
        .containsExactly("modes");
    assertThat(fields(problem(post("/api/routes", "{\"from\": 7, \"to\": \"Duisburg\"}"), 400)))
        .containsExactly("from");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"alternatives\": 2.5}"),
                    400)))
        .containsExactly("alternatives");
  }

  @Test
  void absurd_values_are_400_naming_the_field() throws Exception {
    JsonNode p =
        problem(
            post("/api/routes", "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"teu\": -5}"), 400);
    assertThat(fields(p)).containsExactly("teu");
    assertThat(p.path("detail").asText()).contains("teu");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"max_days\": 1e9}"),
                    400)))
        .containsExactly("max_days");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"depart\": \"tomorrow\"}"),
                    400)))
        .containsExactly("depart");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"avoid_countries\": [\"Russia\"]}"),
                    400)))
        .containsExactly("avoid_countries");
    assertThat(fields(problem(post("/api/routes", "{\"to\": \"Duisburg\"}"), 400)))
        .containsExactly("from");
    assertThat(
            fields(
                problem(
                    post(
                        "/api/routes",
                        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"epsilon\": 2}"),
                    400)))
        .containsExactly("epsilon");
  }

  @Test
  void oversized_body_is_413() throws Exception {
    String big =
        "{\"from\": \"" + "x".repeat(CaravanServer.MAX_BODY_BYTES) + "\", \"to\": \"Duisburg\"}";
    problem(post("/api/routes", big), 413);
  }

  @Test
  void unknown_place_is_400_listing_the_closest_names() throws Exception {
    JsonNode p = problem(post("/api/routes", "{\"from\": \"Xian\", \"to\": \"Duisberg\"}"), 400);
    assertThat(p.path("type").asText()).isEqualTo("/api-docs#problem-unknown-place");
    assertThat(fields(p)).containsExactly("to");
    assertThat(p.path("detail").asText()).contains("closest", "Duisburg (DEDUI)");
  }

  @Test
  void unknown_path_is_404_and_wrong_method_405_problems() throws Exception {
    problem(get("/api/nothing-here"), 404);
    problem(get("/api/routes"), 405);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "42",
        "\"text\"",
        "{\"from\": {}}",
        "{\"from\": \"Xian\", \"from\": \"Xian\"}",
        "{\"from\": \"Xian\", \"to\": \"Duisburg\"} trailing",
        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"alternatives\": 1e30}",
        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"teu\": 1e400}",
        "{\"from\": \"91,0\", \"to\": \"Duisburg\"}",
        "{\"from\": \"Xian\", \"to\": \"Xian\"}",
        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"modes\": [null]}",
        "{\"from\": \"Xian\", \"to\": \"Duisburg\", \"cargo\": \"dg\", \"un_class\": 12}",
        "\u0000\u0001"
      })
  void bad_bodies_are_client_errors_never_500(String body) throws Exception {
    Reply r = post("/api/routes", body);
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body()).doesNotContain("Exception", "java.", "at org.");
  }

  @Test
  void openapi_document_is_3_x_and_lists_every_endpoint() throws Exception {
    Reply r = get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    for (String endpoint : CaravanServer.ENDPOINTS) {
      String[] mp = endpoint.split(" ");
      assertThat(doc.path("paths").path(mp[1]).has(mp[0].toLowerCase(java.util.Locale.ROOT)))
          .as(endpoint)
          .isTrue();
    }
    doc.path("paths")
        .fieldNames()
        .forEachRemaining(
            path ->
                assertThat(CaravanServer.ENDPOINTS.stream().anyMatch(e -> e.endsWith(" " + path)))
                    .as(path)
                    .isTrue());
  }

  /**
   * The enums of the OpenAPI document (which the web form reads) are the engine's lists, in the
   * same order.
   */
  @Test
  void openapi_enums_are_the_engine_choices() throws Exception {
    JsonNode props =
        get("/openapi.json")
            .json()
            .path("components")
            .path("schemas")
            .path("RouteRequest")
            .path("properties");
    assertThat(texts(props.path("avoid_passages").path("items").path("enum")))
        .isEqualTo(Choices.PASSAGES);
    assertThat(texts(props.path("modes").path("items").path("enum"))).isEqualTo(Choices.MODES);
    assertThat(texts(props.path("cargo").path("enum"))).isEqualTo(Choices.CARGO_CLASSES);
    assertThat(texts(props.path("objective").path("enum"))).isEqualTo(Choices.OBJECTIVES);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The served document passes the swagger-parser validator (OpenAPI 3.x structure, references,
   * schemas).
   */
  @Test
  void openapi_document_validates() throws Exception {
    Reply r = get("/openapi.json");
    io.swagger.v3.parser.core.models.ParseOptions options =
        new io.swagger.v3.parser.core.models.ParseOptions();
    options.setResolve(true);
    io.swagger.v3.parser.core.models.SwaggerParseResult result =
        new io.swagger.v3.parser.OpenAPIV3Parser().readContents(r.body(), null, options);
    assertThat(result.getMessages()).as("validation messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getPaths())
        .containsKeys("/api/routes", "/api/simulations", "/api/places");
  }

  @Test
  void web_app_and_api_docs_pages_are_served() throws Exception {
    Reply index = get("/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("<div id=\"map\">", "app.js");
    assertThat(get("/app.js").status()).isEqualTo(200);
    Reply docs = send(authed(URI.create(server.url() + "api-docs")).GET().build());
    assertThat(docs.status()).isIn(200, 302);
    assertThat(get("/api-docs.html").body()).contains("api-docs.js");
  }
}
