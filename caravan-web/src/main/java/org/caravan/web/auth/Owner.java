package org.caravan.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client a bearer token stands for, as resources record it: the first 128 bits of the token's
 * SHA-256 digest in hex. Two clients with different tokens are different owners; the id reveals
 * nothing of the token, so it may be kept with a job's results on disk.
 *
 * @param id 32 lower-case hex digits
 */
public record Owner(String id) {

  /** The owner a token stands for. */
  public static Owner of(String token) {
    return new Owner(HexFormat.of().formatHex(sha256(token), 0, 16));
  }

  /** Whether a resource recorded with this owner may be shown to {@code other}. */
  public boolean sameAs(Owner other) {
    return MessageDigest.isEqual(
        id.getBytes(StandardCharsets.US_ASCII), other.id.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
