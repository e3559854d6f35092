/**
 * The corridor network: nodes (terminals, ports, border crossings, gauge-change points, cities),
 * directed links by mode (rail of either gauge, road, ferry, sea, inland waterway), transfers
 * between carrier classes at nodes, and scheduled services.
 *
 * <p>Design. There are two forms. The editable form ({@link org.caravan.network.NetworkSpec} and
 * its row records) mirrors the CSV files one to one, keeps the file and line of every row for error
 * messages, and carries a source for every number (see {@code docs/NETWORK-FORMAT.md}): each
 * numeric component that needs one is marked {@link org.caravan.network.Cited} with its source
 * group, so the reader, writer, validator and provenance take the cited columns from the row type,
 * and a row's sources and notes travel together as a {@link org.caravan.network.Citation}; {@link
 * org.caravan.network.io.NetworkFiles} reads it, merging overlays on top of the built-in files, and
 * {@link org.caravan.network.io.NetworkWriter} writes it back. The compiled form ({@link
 * org.caravan.network.Network}) is built once by {@link org.caravan.network.Network#build}, which
 * validates everything first and returns nothing unless all is well; it holds dense int ids,
 * struct-of-arrays attributes in fixed-point units (metres, seconds, US cents) and CSR adjacency in
 * both directions, so searches and simulations run on a few primitive arrays and share one
 * immutable instance across threads. This package knows nothing of queries, time or emissions.
 *
 * <p>Two companions of the network live here too, because they are data about places and links with
 * the same provenance rules: {@link org.caravan.network.RateTables} (dated market prices per link
 * and period, checked against the network with file, line and field errors; how they are charged is
 * routing's business) and {@link org.caravan.network.Countries} (Natural Earth country polygons
 * behind a JTS STR-tree, telling which countries a road leg to or from a coordinate crosses).
 */
package org.caravan.network;
