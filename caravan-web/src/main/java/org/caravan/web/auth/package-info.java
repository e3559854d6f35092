/**
 * Who may write: the bearer tokens a server accepts ({@link org.caravan.web.auth.ApiTokens}), where
 * the default token lives on disk ({@link org.caravan.web.auth.TokenFile}) and the owner a token
 * stands for ({@link org.caravan.web.auth.Owner}).
 *
 * <p>Design: a token is an opaque random string (RFC 6750 bearer token, 256 bits from {@link
 * java.security.SecureRandom} when generated). The server never stores or logs a token beyond the
 * SHA-256 digests it compares in constant time; jobs record the {@link org.caravan.web.auth.Owner}
 * id, a digest, so results kept on disk never hold a secret. Nothing here knows HTTP: the server's
 * {@code web.http} package reads the {@code Authorization} header and maps failures to 401
 * problems.
 */
package org.caravan.web.auth;
