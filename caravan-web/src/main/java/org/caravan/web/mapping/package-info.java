/**
 * Explicit mapping between the API's DTOs ({@link org.caravan.web.dto}) and the domain: request
 * records become {@code RouteQuery} and emission chains, domain results become answer records, and
 * every kind of bad input (broken JSON, unknown or mistyped fields, values the planner refuses)
 * becomes one {@link org.caravan.web.mapping.ApiException} carrying an RFC 9457 problem that names
 * the field. Nothing here knows about HTTP servers; the {@code http} package only moves bytes and
 * status codes.
 */
package org.caravan.web.mapping;
