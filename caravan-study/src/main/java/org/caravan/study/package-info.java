/**
 * Corridor studies: a baseline scenario and variants written as overlays of it ({@link
 * org.caravan.study.StudyFile}, {@link org.caravan.study.Overlay}), run with common random numbers
 * across variants ({@link org.caravan.study.StudyRunner}), stored one replication per transaction
 * in a JDBC store ({@link org.caravan.study.StudyStore}: DuckDB by default, PostgreSQL by URL) and
 * compared by paired-t intervals ({@link org.caravan.study.Comparison}). The module knows the
 * simulation engine's seeds and statistics but not scenario files: the gateway ({@code
 * org.caravan.app.StudyService}) turns an overlaid YAML tree into a scenario and a model, so every
 * variant passes the normal scenario checks. Format and schema: docs/STUDIES.md.
 */
package org.caravan.study;
