/**
 * The Javalin adapter: the only package that imports Javalin, so a Javalin upgrade touches nothing
 * else. It maps paths to {@link org.caravan.web.CaravanApi} methods, serves the web app from the
 * class path, limits request bodies, and turns every failure into an RFC 9457 problem response (bad
 * input 4xx, anything unexpected 500 without internals in the body).
 */
package org.caravan.web.http;
