/** Caravan network module. */
package org.caravan.network;
