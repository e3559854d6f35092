package org.caravan.web.dto;

/** The answer of {@code GET /api/health}: the server is up and has a network loaded. */
public record Health(String status, String version, int nodes, int links) {}
