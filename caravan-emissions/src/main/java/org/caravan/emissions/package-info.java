/** Caravan emissions module. */
package org.caravan.emissions;
