package org.caravan.web.dto;

/**
 * The answer of {@code GET /api/web-token}: the bearer token this server's own web pages send with
 * their writes.
 */
public record WebToken(String token) {}
