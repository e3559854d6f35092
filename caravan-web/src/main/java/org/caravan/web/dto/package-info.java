/**
 * The JSON shapes of the HTTP API as records: what a client sends and what it gets back. They hold
 * only strings, numbers, lists and other DTOs, never domain types, so the API can stay stable while
 * the domain changes; {@link org.caravan.web.mapping} converts both ways. A part of a request that
 * the gateway already defines in the user's words (strings, numbers, lists), such as {@code
 * RouteQuery.Limits}, is taken as it is rather than copied, read from the body's top level. Field
 * names are written in camelCase here and appear in snake_case on the wire (the {@code
 * RouteViews.JSON} naming strategy). The route answer itself is the shared {@code
 * RouteViews.Answer} shape of the scenario module, the same document {@code caravan route --json}
 * prints.
 */
package org.caravan.web.dto;
