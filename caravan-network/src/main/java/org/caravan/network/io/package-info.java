/**
 * Reading and writing network files: CSV (the editable form, with overlays) and GeoJSON (the map
 * layer). Every problem is reported with file, line and field, all at once, and nothing half-read
 * is returned.
 */
package org.caravan.network.io;
