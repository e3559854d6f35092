/**
 * Tracking events: the schema (DCSA Track and Trace 2.x event types, classifiers and modes plus the
 * rail-corridor events), ISO 6346 container numbers, reading CSV and JSON, validation that keeps
 * the good events of a batch, and the JDBC event store beside the study tables.
 *
 * <p>Design. Events are immutable records keyed by their sender's id, so ingest is idempotent and a
 * batch is stored in one transaction. Reading ({@link org.caravan.tracking.EventReader}) checks
 * each record on its own (fields, enums, times, the ISO 6346 check digit) and returns a result
 * (events and rejections, or why the whole input is unreadable) rather than throwing; {@link
 * org.caravan.tracking.EventValidator} checks what needs context (known locations, duplicates,
 * times in order per container) through a predicate and a store view, so this module depends on
 * nothing of Caravan's: the gateway passes the network's node lookup in, and turns a user's store
 * location into the JDBC URL the store opens.
 */
package org.caravan.tracking;
