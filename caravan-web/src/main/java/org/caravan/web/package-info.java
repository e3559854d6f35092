/** Caravan web module. */
package org.caravan.web;
