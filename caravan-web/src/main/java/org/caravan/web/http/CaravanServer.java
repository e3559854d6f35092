package org.caravan.web.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.caravan.app.CaravanApp;
import org.caravan.app.ResultsStore;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;
import org.caravan.web.CaravanApi;
import org.caravan.web.SimulationJobs;
import org.caravan.web.StudyApi;
import org.caravan.web.auth.ApiTokens;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.Problem;
import org.caravan.web.mapping.ApiException;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.ConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Caravan HTTP server: the JSON API under {@code /api}, the OpenAPI document at {@code
 * /openapi.json} and the web app (from the class-path folder {@code /web}) at {@code /}. Simulation
 * jobs run on the server's own {@link SimulationJobs} executor, which {@link #close} stops. Start
 * with {@link #start}; {@link #close} stops it. Handlers are stateless; the server serves requests
 * concurrently.
 */
public final class CaravanServer implements AutoCloseable {
  /** Connections idle (no byte read or written) longer than this are closed. */
  static final long IDLE_TIMEOUT_MS = 10_000;

  /** A request body arriving slower than this is cut off with a 408 problem. */
  static final long MIN_BODY_BYTES_PER_S = 256;

  /** Open connections at most; further ones wait in the accept queue. */
  static final int MAX_CONNECTIONS = 2_000;

  /** Seconds a client is told to wait (Retry-After) after a 429. */
  static final int RETRY_AFTER_S = 30;

  /**
   * The page may load only its own scripts, styles, images and workers, and may not be framed
   * (clickjacking).
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; "
          + "base-uri 'none'; form-action 'self'";

  /** Largest request body accepted; larger ones get a 413 problem. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Every API path with its method, as listed in the OpenAPI document. */
  public static final List<String> ENDPOINTS =
      List.of(
          "GET /api/health",
          "GET /api/places",
          "GET /api/network",
          "GET /api/network/summary",
          "GET /api/crm/risk",
          "GET /api/crm/disruptions",
          "POST /api/routes",
          "POST /api/emissions",
          "POST /api/simulations",
          "GET /api/simulations",
          "GET /api/simulations/{id}",
          "DELETE /api/simulations/{id}",
          "GET /api/simulations/{id}/events",
          "GET /api/studies",
          "GET /api/studies/{name}",
          "GET /api/studies/{name}/compare",
          "GET /api/studies/{name}/export",
          "GET /api/shipped-studies",
          "POST /api/study-runs",
          "GET /api/study-runs",
          "GET /api/study-runs/{id}",
          "DELETE /api/study-runs/{id}",
          "GET /api/web-token",
          "POST /api/events",
          "GET /api/shipments",
          "GET /api/shipments/{id}",
          "GET /api/shipments/{id}/eta",
          "GET /openapi.json");

  private static final Logger LOG = LoggerFactory.getLogger(CaravanServer.class);
  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";

  private final Javalin app;
  private final String host;
  private final SimulationJobs jobs;
  private final StudyApi studies;
  private final ResultsStore store;

  private CaravanServer(
      Javalin app, String host, SimulationJobs jobs, StudyApi studies, ResultsStore store) {
    this.app = app;
    this.host = host;
    this.jobs = jobs;
    this.studies = studies;
    this.store = store;
  }

  /**
   * Starts a server for a loaded network that accepts one fresh random token, given to its own web
   * pages only (tests and embedding; {@code caravan serve} passes the user's tokens).
   */
  public static CaravanServer start(CaravanApp caravan, String host, int port) {
    return start(caravan, host, port, ApiTokens.generate(), true);
  }

  /**
   * Starts a server for a loaded network. Its jobs and studies are kept in a store in memory, gone
   * when it stops; the tracking endpoints use the default results store.
   *
   * @param host interface to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port TCP port; 0 picks a free one (see {@link #port()})
   * @param tokens the bearer tokens writes need (docs/API.md, Authentication)
   * @param webToken whether {@code GET /api/web-token} gives the first token to the server's own
   *     pages in a browser on this machine
   * @throws UserException when the address cannot be bound (the port is taken)
   */
  public static CaravanServer start(
      CaravanApp caravan, String host, int port, ApiTokens tokens, boolean webToken) {
    return start(caravan, host, port, tokens, webToken, Optional.empty(), ResultsStore.inMemory());
  }

  /**
   * Starts a server with one fresh random token whose jobs, studies and tracking events are kept in
   * the results store {@code store} (a DuckDB file or a JDBC URL; empty for the default).
   */
  public static CaravanServer start(
      CaravanApp caravan, String host, int port, Optional<String> store) {
    return start(caravan, host, port, ApiTokens.generate(), true, store);
  }

  /**
   * Starts a server with the given tokens and results store (what {@code caravan serve} does). Its
   * simulation jobs, study runs and studies are kept in the store (docs/STUDIES.md), so a server
   * restarted on the same store serves what the last one finished; the server closes the store when
   * it stops.
   *
   * @param store the results store: a DuckDB file or a JDBC URL; empty for the default
   * @throws UserException when the store cannot be opened or the address cannot be bound
   */
  public static CaravanServer start(
      CaravanApp caravan,
      String host,
      int port,
      ApiTokens tokens,
      boolean webToken,
      Optional<String> store) {
    return start(caravan, host, port, tokens, webToken, store, ResultsStore.open(store));
  }

  private static CaravanServer start(
      CaravanApp caravan,
      String host,
      int port,
      ApiTokens tokens,
      boolean webToken,
      Optional<String> store,
      ResultsStore results) {
    CaravanApi api = new CaravanApi(caravan);
    BearerAuth auth = new BearerAuth(tokens, webToken);
    SimulationJobs jobs;
    try {
      jobs = new SimulationJobs(caravan, results);
    } catch (RuntimeException e) {
      results.close();
      throw e;
    }
    StudyApi studies = new StudyApi(caravan, results);
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              // Slow clients: a blocked body read holds a virtual thread, not one of a few hundred
              // pool threads, and a body
              // slower than MIN_BODY_BYTES_PER_S or a connection idle for IDLE_TIMEOUT_MS is
              // closed.
              cfg.concurrency.useVirtualThreads = true;
              cfg.jetty.modifyHttpConfiguration(
                  hc -> {
                    hc.setMinRequestDataRate(MIN_BODY_BYTES_PER_S);
                    hc.setIdleTimeout(IDLE_TIMEOUT_MS);
                    hc.setSendServerVersion(false);
                  });
              cfg.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new ContainerErrors());
                    server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
                  });
              cfg.routes.before(ctx -> guard(ctx, allowedHosts(host)));
              cfg.routes.before(auth::checkWrite);
              cfg.http.maxRequestSize = MAX_BODY_BYTES;
              cfg.http.prefer405over404 = true;
              if (CaravanServer.class.getResource("/web/index.html") != null) {
                cfg.staticFiles.add(
                    s -> {
                      s.hostedPath = "/";
                      s.directory = "/web";
                      s.location = Location.CLASSPATH;
                    });
              } else {
                LOG.warn(
                    "web app assets missing from the class path (built with -Dcaravan.web.skipNpm?); serving the API only");
              }
              cfg.routes.before("/api/*", CaravanServer::limitBody);
              cfg.routes.get("/api/health", ctx -> json(ctx, api.health()));
              cfg.routes.get(
                  "/api/places",
                  ctx ->
                      json(
                          ctx,
                          api.places(
                              Optional.ofNullable(ctx.queryParam("q")),
                              Optional.ofNullable(ctx.queryParam("limit")))));
              cfg.routes.get("/api/network", ctx -> geoJson(ctx, api.network()));
              cfg.routes.get("/api/network/summary", ctx -> json(ctx, api.networkSummary()));
              cfg.routes.get(
                  "/api/crm/risk",
                  ctx -> json(ctx, api.crmRisk(Optional.ofNullable(ctx.queryParam("disruption")))));
              cfg.routes.get("/api/crm/disruptions", ctx -> json(ctx, api.crmDisruptions()));
              cfg.routes.post(
                  "/api/routes",
                  ctx -> {
                    Optional<String> format = Optional.ofNullable(ctx.queryParam("format"));
                    byte[] out = api.routes(body(ctx), format);
                    if (format.filter("geojson"::equals).isPresent()) {
                      geoJson(ctx, out);
                    } else {
                      json(ctx, out);
                    }
                  });
              cfg.routes.post("/api/emissions", ctx -> json(ctx, api.emissions(body(ctx))));
              cfg.routes.post(
                  "/api/simulations",
                  ctx -> {
                    Owner owner = auth.owner(ctx);
                    String id = jobs.submit(body(ctx), owner);
                    ctx.status(202).header("Location", "/api/simulations/" + id);
                    json(ctx, jobs.view(id, owner));
                  });
              cfg.routes.get("/api/simulations", ctx -> json(ctx, jobs.list(auth.owner(ctx))));
              cfg.routes.get(
                  "/api/simulations/{id}",
                  ctx -> json(ctx, jobs.view(ctx.pathParam("id"), auth.owner(ctx))));
              cfg.routes.delete(
                  "/api/simulations/{id}",
                  ctx ->
                      jobs.cancel(ctx.pathParam("id"), auth.owner(ctx))
                          .ifPresentOrElse(
                              view -> json(ctx.status(202), view), () -> ctx.status(204)));
              cfg.routes.get(
                  "/api/simulations/{id}/events",
                  ctx -> JobEvents.stream(ctx, jobs, auth.owner(ctx)));
              StudyRoutes.add(cfg.routes, studies, auth);
              cfg.routes.get("/api/web-token", ctx -> json(ctx, auth.webToken(ctx)));
              cfg.routes.post("/api/events", ctx -> json(ctx, api.ingestEvents(body(ctx), store)));
              cfg.routes.get("/api/shipments", ctx -> json(ctx, api.shipments(store)));
              cfg.routes.get(
                  "/api/shipments/{id}",
                  ctx ->
                      json(
                          ctx,
                          api.shipment(
                              ctx.pathParam("id"),
                              Optional.ofNullable(ctx.queryParam("at")),
                              store)));
              cfg.routes.get(
                  "/api/shipments/{id}/eta",
                  ctx ->
                      json(
                          ctx,
                          api.shipmentEta(
                              ctx.pathParam("id"),
                              Optional.ofNullable(ctx.queryParam("at")),
                              store)));
              cfg.routes.get("/shipments", ctx -> ctx.redirect("/shipments.html"));
              cfg.routes.get("/openapi.json", ctx -> json(ctx, api.openApi()));
              cfg.routes.get("/api-docs", ctx -> ctx.redirect("/api-docs.html"));
              cfg.routes.get("/simulation", ctx -> ctx.redirect("/simulation.html"));
              cfg.routes.get("/studies", ctx -> ctx.redirect("/studies.html"));
              cfg.routes.get("/raw-materials", ctx -> ctx.redirect("/raw-materials.html"));
              cfg.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.problem()));
              cfg.routes.exception(
                  HttpResponseException.class, (e, ctx) -> problem(ctx, fromStatus(e.getStatus())));
              cfg.routes.exception(HostNotAllowed.class, (e, ctx) -> problem(ctx, e.problem));
              cfg.routes.exception(
                  BearerAuth.Unauthorized.class,
                  (e, ctx) -> {
                    if (!e.challenge.isEmpty()) {
                      ctx.header("WWW-Authenticate", e.challenge);
                    }
                    problem(ctx, e.problem);
                  });
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    if (clientFault(e)) {
                      // A body cut off, a broken chunk, a client gone or too slow: the client's
                      // fault, not the server's.
                      LOG.debug("{} {}: bad request body", ctx.method(), ctx.path(), e);
                      problem(ctx, ContainerErrors.problem(400));
                      return;
                    }
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    problem(
                        ctx,
                        Problems.of(
                            Problems.Type.INTERNAL_ERROR,
                            "an unexpected error occurred; it has been logged",
                            List.of()));
                  });
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (!ctx.res().isCommitted()
                        && !PROBLEM_JSON.equals(ctx.res().getContentType())) {
                      problem(ctx, fromStatus(404));
                    }
                  });
            });
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      jobs.close();
      studies.close();
      results.close();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException) {
          throw new UserException(
              ErrorCode.UNAVAILABLE,
              "port",
              "cannot listen on "
                  + host
                  + ":"
                  + port
                  + " ("
                  + t.getMessage()
                  + "); choose another port with --port, or 0 for a free one");
        }
      }
      throw e;
    }
    return new CaravanServer(app, host, jobs, studies, results);
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    String h =
        host.equals("0.0.0.0") || host.isEmpty()
            ? "localhost"
            : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  @Override
  public void close() {
    jobs.close();
    studies.close();
    app.stop();
    store.close();
  }

  /**
   * An oversized body up to this size is read and discarded before the 413, so the client sees the
   * answer.
   */
  private static final long MAX_DRAIN_BYTES = 4L * 1024 * 1024;

  private static void limitBody(Context ctx) {
    long length = ctx.contentLength();
    if (length > MAX_BODY_BYTES) {
      drain(ctx, length);
      throw Problems.fail(
          Problems.Type.BODY_TOO_LARGE,
          "the request body has " + length + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
    }
  }

  /**
   * Reads and drops a modestly oversized body. Answering before the client has sent it lets the
   * server close the connection under a client that is still writing, which then sees a reset
   * instead of the 413 problem.
   */
  private static void drain(Context ctx, long length) {
    if (length > MAX_DRAIN_BYTES) {
      return;
    }
    byte[] buffer = new byte[8192];
    try {
      java.io.InputStream in = ctx.req().getInputStream();
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        left -= n;
      }
    } catch (java.io.IOException e) {
      // the client went away: nothing to answer
    }
  }

  static byte[] body(Context ctx) {
    String type = Optional.ofNullable(ctx.contentType()).orElse("application/json");
    if (!type.startsWith("application/json")) {
      throw Problems.fail(
          Problems.Type.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type is '" + type + "'; send application/json");
    }
    return ctx.bodyAsBytes();
  }

  static void json(Context ctx, byte[] body) {
    ctx.contentType(JSON).result(body);
  }

  private static void geoJson(Context ctx, byte[] body) {
    ctx.contentType("application/geo+json").result(body);
  }

  private static void problem(Context ctx, Problem p) {
    if (p.status() == 405) {
      ctx.header("Allow", allowedMethods(ctx.path()));
    }
    if (p.status() == 429) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_S));
    }
    ctx.status(p.status()).contentType(PROBLEM_JSON).result(ApiJson.write(p));
  }

  private static Problem fromStatus(int status) {
    Problems.Type type =
        switch (status) {
          case 404 -> Problems.Type.NOT_FOUND;
          case 405 -> Problems.Type.METHOD_NOT_ALLOWED;
          case 413 -> Problems.Type.BODY_TOO_LARGE;
          default -> status >= 500 ? Problems.Type.INTERNAL_ERROR : Problems.Type.INVALID_REQUEST;
        };
    String detail =
        switch (type) {
          case NOT_FOUND -> "there is nothing at this path; the API is described at /openapi.json";
          case METHOD_NOT_ALLOWED -> "this path does not accept this method; see /openapi.json";
          case BODY_TOO_LARGE -> "the request body is larger than " + MAX_BODY_BYTES + " bytes";
          default -> "the request cannot be served (HTTP " + status + ")";
        };
    return Problems.of(type, detail, List.of());
  }

  /** The methods {@link #ENDPOINTS} list for a path, for the {@code Allow} header of a 405. */
  static String allowedMethods(String path) {
    List<String> methods = new ArrayList<>();
    for (String e : ENDPOINTS) {
      int sp = e.indexOf(' ');
      String pattern = e.substring(sp + 1).replaceAll("\\{[^/]+}", "[^/]+");
      if (path.matches(pattern) && !methods.contains(e.substring(0, sp))) {
        methods.add(e.substring(0, sp));
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return String.join(", ", methods);
  }

  /**
   * Names this server answers to: loopback names always, the interface it listens on, and names
   * given in {@code caravan.allowedHosts} (comma-separated; the {@code --allow-host} option). Any
   * other Host header is refused, so a page on another site cannot reach the local server through
   * DNS rebinding.
   */
  static Set<String> allowedHosts(String host) {
    Set<String> hosts = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
    hosts.add(host.toLowerCase(Locale.ROOT));
    for (String h : System.getProperty("caravan.allowedHosts", "").split(",")) {
      if (!h.isBlank()) {
        hosts.add(h.strip().toLowerCase(Locale.ROOT));
      }
    }
    return hosts;
  }

  /** Security headers on every answer, and the Host check. */
  private static void guard(Context ctx, Set<String> allowed) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    String hostHeader = Optional.ofNullable(ctx.header("Host")).orElse("").toLowerCase(Locale.ROOT);
    String name =
        hostHeader.startsWith("[")
            ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
            : hostHeader.replaceFirst(":\\d*$", "");
    boolean anyInterface = allowed.contains("0.0.0.0") || allowed.contains("::");
    boolean ipLiteral = name.matches("[0-9.]+") || name.startsWith("[");
    if (!allowed.contains(name) && !(anyInterface && ipLiteral)) {
      throw new HostNotAllowed(
          new Problem(
              Problems.Type.HOST_NOT_ALLOWED.uri(),
              Problems.Type.HOST_NOT_ALLOWED.title(),
              421,
              "this server does not answer to the host name '"
                  + shorten(name)
                  + "'; use localhost or 127.0.0.1, "
                  + "or start it with --allow-host NAME",
              List.of()));
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  /** A request for a host name this server does not answer to (421). */
  static final class HostNotAllowed extends RuntimeException {
    final transient Problem problem;

    HostNotAllowed(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * Whether a failure came from reading the request (I/O, a malformed or timed-out body), not from
   * the server.
   */
  static boolean clientFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof HttpException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
