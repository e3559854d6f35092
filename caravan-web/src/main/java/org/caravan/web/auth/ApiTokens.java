package org.caravan.web.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer tokens a server accepts, one per client, and the one it hands to its own web app (the
 * first). Only SHA-256 digests are kept; {@link #authenticate} compares a presented token with
 * every accepted one in constant time ({@link MessageDigest#isEqual} on equal-length digests, no
 * early exit), so the answer's timing says nothing about how much of a token was right. Immutable.
 */
public final class ApiTokens {
  /** Shortest token accepted from a user (16 characters of base64 carry 96 bits). */
  public static final int MIN_LENGTH = 16;

  /** Longest token accepted. */
  public static final int MAX_LENGTH = 512;

  /** Random bytes of a generated token: 256 bits. */
  static final int GENERATED_BYTES = 32;

  /** RFC 6750 §2.1 {@code b64token}: what may follow {@code Bearer } in a header. */
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<byte[]> digests;
  private final String webToken;

  private ApiTokens(List<String> tokens) {
    List<byte[]> d = new ArrayList<>();
    for (String t : tokens) {
      d.add(Owner.sha256(t));
    }
    this.digests = List.copyOf(d);
    this.webToken = tokens.getFirst();
  }

  /**
   * Accepts these tokens; the first is the web app's.
   *
   * @throws IllegalArgumentException when the list is empty or a token is malformed ({@link
   *     #problem} says why; callers that take tokens from users check that first)
   */
  public static ApiTokens of(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no token");
    }
    for (String t : tokens) {
      problem(t)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
    return new ApiTokens(tokens);
  }

  /** A server with one fresh random token, held in memory only. */
  public static ApiTokens generate() {
    return new ApiTokens(List.of(newToken()));
  }

  /** A new random token: 256 bits from {@link SecureRandom}, base64url without padding. */
  public static String newToken() {
    byte[] bytes = new byte[GENERATED_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Why a user's token cannot be used, or empty when it can: it must be {@value #MIN_LENGTH} to
   * {@value #MAX_LENGTH} characters of the RFC 6750 token alphabet (letters, digits, {@code
   * -._~+/}, trailing {@code =}).
   */
  public static Optional<String> problem(String token) {
    if (token.length() < MIN_LENGTH) {
      return Optional.of(
          "a token needs at least " + MIN_LENGTH + " characters, found " + token.length());
    }
    if (token.length() > MAX_LENGTH) {
      return Optional.of("a token has at most " + MAX_LENGTH + " characters");
    }
    if (!B64TOKEN.matcher(token).matches()) {
      return Optional.of(
          "a token may hold only letters, digits and - . _ ~ + / (then = at the end)");
    }
    return Optional.empty();
  }

  /** The token the server's own web app receives (the first accepted one). */
  public String webToken() {
    return webToken;
  }

  /** The owner of a presented token when the server accepts it, compared in constant time. */
  public Optional<Owner> authenticate(String presented) {
    byte[] d = Owner.sha256(presented);
    boolean match = false;
    for (byte[] accepted : digests) {
      match |= MessageDigest.isEqual(d, accepted);
    }
    return match ? Optional.of(Owner.of(presented)) : Optional.empty();
  }
}
