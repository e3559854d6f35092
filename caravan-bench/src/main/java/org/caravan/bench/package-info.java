/** Caravan bench module. */
package org.caravan.bench;
