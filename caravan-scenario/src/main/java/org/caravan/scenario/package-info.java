/** Caravan scenario module. */
package org.caravan.scenario;
