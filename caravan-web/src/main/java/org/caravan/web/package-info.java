/**
 * The HTTP API and web app of Caravan. {@link org.caravan.web.CaravanApi} answers every endpoint as
 * JSON bytes without knowing about HTTP servers; {@link org.caravan.web.http} is the thin Javalin
 * adapter (the only package that imports Javalin), {@link org.caravan.web.dto} holds the wire
 * shapes and {@link org.caravan.web.mapping} converts between them and the domain. The web app's
 * assets are built with npm from {@code caravan-web/frontend} into {@code target/classes/web} and
 * served from the class path.
 */
package org.caravan.web;
