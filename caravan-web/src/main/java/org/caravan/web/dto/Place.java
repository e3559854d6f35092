package org.caravan.web.dto;

/**
 * One place matching a search, best first in {@code GET /api/places}.
 *
 * @param id the node id (UN/LOCODE-like), accepted wherever a place is asked for
 * @param kind {@code terminal}, {@code port}, {@code border}, {@code city}, ...
 * @param matched what the query matched: {@code id}, {@code name}, {@code alias}, ...
 * @param status {@code operational} or {@code planned}; {@code openingYear} of a planned place, 0
 *     when not given
 */
public record Place(
    String id,
    String name,
    String country,
    String kind,
    int score,
    String matched,
    String status,
    int openingYear) {}
