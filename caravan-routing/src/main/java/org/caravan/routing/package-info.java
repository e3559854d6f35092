/** Caravan routing module. */
package org.caravan.routing;
