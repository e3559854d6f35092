/** Caravan simulation module. */
package org.caravan.simulation;
