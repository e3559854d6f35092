package org.caravan.web.dto;

import java.util.Optional;

/**
 * The body of {@code POST /api/study-runs}: a shipped study by name or an uploaded study file's
 * text (exactly one), with optional overrides of its replications and years.
 *
 * @param shipped the name of a shipped study ({@code GET /api/shipped-studies})
 * @param studyYaml the text of a study file (docs/STUDIES.md) whose baseline is a built-in scenario
 * @param replications 1 to 50; empty keeps the file's
 * @param years measured years per replication, (0, 5]; empty keeps the file's
 */
public record StudyRunRequest(
    Optional<String> shipped,
    Optional<String> studyYaml,
    Optional<Integer> replications,
    Optional<Double> years) {}
