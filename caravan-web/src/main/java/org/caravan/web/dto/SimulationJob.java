package org.caravan.web.dto;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Optional;

/**
 * A simulation job as {@code GET /api/simulations/{id}} shows it.
 *
 * @param id the job id, part of its URL
 * @param status {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param scenario the scenario's name
 * @param years measured horizon in years of 365 days (the warm-up comes on top)
 * @param progress replications folded so far out of the total
 * @param cancelRequested true once {@code DELETE} asked a running job to stop (it stops after the
 *     replication in hand)
 * @param createdAt ISO-8601 UTC; likewise {@code startedAt} and {@code finishedAt}
 * @param error why a {@code failed} job failed
 * @param results the summary of a {@code done} job: the document {@code caravan simulate --json}
 *     prints, plus the transit-time histograms, the resource table and the queue-length series
 *     (docs/API.md); kept as JSON text, written as it is
 */
public record SimulationJob(
    String id,
    String status,
    String scenario,
    int replications,
    double years,
    long seed,
    Progress progress,
    boolean cancelRequested,
    String createdAt,
    Optional<String> startedAt,
    Optional<String> finishedAt,
    Optional<String> error,
    Optional<RawValue> results) {

  /**
   * Replications done out of the total.
   *
   * @param fraction {@code done / total}, 0 to 1
   */
  public record Progress(int done, int total, double fraction) {
    /** {@code done} of {@code total}, with the fraction (0 when there is nothing to do). */
    public static Progress of(int done, int total) {
      return new Progress(done, total, total == 0 ? 0 : (double) done / total);
    }
  }
}
