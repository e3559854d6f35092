package org.caravan.web.dto;

import java.util.Optional;

/**
 * A study run as {@code GET /api/study-runs/{id}} shows it.
 *
 * @param status {@code queued}, {@code running}, {@code done}, {@code failed}, {@code cancelled} or
 *     {@code interrupted} (the server stopped during the run; run it again to resume: stored
 *     replications are kept)
 * @param study the study's name, its key in the store ({@code GET /api/studies/{name}})
 * @param progress replications stored (run now or before) out of variants × replications
 * @param error why a {@code failed} run failed
 */
public record StudyRun(
    String id,
    String status,
    String study,
    int replications,
    double years,
    SimulationJob.Progress progress,
    boolean cancelRequested,
    String createdAt,
    Optional<String> startedAt,
    Optional<String> finishedAt,
    Optional<String> error) {}
