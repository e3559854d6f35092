/** Caravan command line. */
package org.caravan.cli;
