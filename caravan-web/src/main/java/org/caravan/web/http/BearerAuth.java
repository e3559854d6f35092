package org.caravan.web.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.caravan.web.auth.ApiTokens;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.Problem;
import org.caravan.web.dto.WebToken;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;

/**
 * Bearer-token authentication (RFC 6750 §2.1, the {@code Authorization} header only): every request
 * with an unsafe method (RFC 9110 §9.2.1: anything but GET, HEAD, OPTIONS, TRACE) on any path needs
 * an accepted token, and so does every read of a resource that belongs to a token (a simulation
 * job: {@link #owner}). Without one the answer is a 401 problem with a {@code WWW-Authenticate}
 * challenge. The rule goes by method, not by a list of paths, so a new write endpoint cannot be
 * left open by forgetting it.
 *
 * <p>The server's own web pages get the first token from {@code GET /api/web-token} ({@link
 * #webToken}), which answers only a browser fetch from one of this server's pages on this machine.
 */
final class BearerAuth {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String OWNER = "caravan.owner";
  private static final String REALM = "caravan";

  private final ApiTokens tokens;
  private final boolean webTokenEnabled;

  BearerAuth(ApiTokens tokens, boolean webTokenEnabled) {
    this.tokens = tokens;
    this.webTokenEnabled = webTokenEnabled;
  }

  /** Before every request: an unsafe method needs a token. */
  void checkWrite(Context ctx) {
    if (!SAFE_METHODS.contains(ctx.method().name())) {
      owner(ctx);
    }
  }

  /**
   * The owner of the request's token, for resources that belong to one.
   *
   * @throws Unauthorized when the token is missing or not accepted
   */
  Owner owner(Context ctx) {
    Owner known = ctx.attribute(OWNER);
    if (known != null) {
      return known;
    }
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").strip();
    if (header.isEmpty()) {
      throw new Unauthorized(
          "this request needs the header 'Authorization: Bearer TOKEN'; the token is in the file "
              + "caravan serve names when it starts (docs/API.md, Authentication)",
          "Bearer realm=\"" + REALM + "\"");
    }
    int sp = header.indexOf(' ');
    String scheme = sp < 0 ? header : header.substring(0, sp);
    if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new Unauthorized(
          "the Authorization header must use the Bearer scheme", "Bearer realm=\"" + REALM + "\"");
    }
    Owner owner =
        tokens
            .authenticate(header.substring(sp + 1).strip())
            .orElseThrow(
                () ->
                    new Unauthorized(
                        "the bearer token is not accepted by this server",
                        "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""));
    ctx.attribute(OWNER, owner);
    return owner;
  }

  /**
   * {@code GET /api/web-token}: the web app's token, only for a same-origin browser fetch ({@code
   * Sec-Fetch-Site: same-origin}, an {@code Origin}, when sent, equal to the server's) from the
   * loopback interface. A page on another site cannot read it: its fetch is cross-site, the answer
   * carries no CORS header, and the Host check stops DNS rebinding. A client on another machine
   * cannot get it either (loopback only); it reads the token file or is given the token.
   */
  byte[] webToken(Context ctx) {
    if (!webTokenEnabled) {
      throw forbidden("this server gives its token to no page (caravan serve --no-web-token)");
    }
    String site = Optional.ofNullable(ctx.header("Sec-Fetch-Site")).orElse("");
    String origin = ctx.header("Origin");
    String host = Optional.ofNullable(ctx.header("Host")).orElse("");
    boolean sameOrigin =
        site.equals("same-origin")
            && (origin == null
                || origin.equals("http://" + host)
                || origin.equals("https://" + host));
    if (!sameOrigin || !loopback(ctx.req().getRemoteAddr())) {
      throw forbidden(
          "the token is given only to this server's own pages in a browser on the same machine;"
              + " other clients read it from the token file");
    }
    ctx.header("Cache-Control", "no-store");
    return ApiJson.write(new WebToken(tokens.webToken()));
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.ofLiteral(address).isLoopbackAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Unauthorized forbidden(String detail) {
    return new Unauthorized(Problems.of(Problems.Type.FORBIDDEN, detail, List.of()), "");
  }

  /** A request without an accepted token (401), or refused the web token (403). */
  static final class Unauthorized extends RuntimeException {
    final transient Problem problem;
    final String challenge;

    Unauthorized(String detail, String challenge) {
      this(Problems.of(Problems.Type.UNAUTHORIZED, detail, List.of()), challenge);
    }

    Unauthorized(Problem problem, String challenge) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
      this.challenge = challenge;
    }
  }
}
