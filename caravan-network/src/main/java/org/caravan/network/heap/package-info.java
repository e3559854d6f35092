/**
 * Primitive priority queues shared by the engines: the router's label search, Dijkstra and the
 * simulation's event list all order small integer ids by a {@code long} key with a deterministic
 * tie-break, so they share one heap kept here, in the base module both routing and simulation
 * depend on.
 *
 * <p>Design: an implicit 4-ary min-heap over parallel primitive arrays (no object per entry, no
 * boxing); the order is the lexicographic pair (key, tie), which is total whenever ties are unique,
 * so the pop order does not depend on the heap's shape and every run is reproducible.
 */
package org.caravan.network.heap;
