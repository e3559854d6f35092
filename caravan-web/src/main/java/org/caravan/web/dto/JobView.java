package org.caravan.web.dto;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job of the server's store as the API shows it: a simulation job ({@code GET
 * /api/simulations/{id}}, schema {@code SimulationJob}) or a study run ({@code GET
 * /api/study-runs/{id}}, schema {@code StudyRun}). Both kinds are one stored row ({@code
 * ResultsStore.Job}), so they share one view; the fields of the other kind are absent, and absent
 * fields are not written.
 *
 * @param id the job id, part of its URL
 * @param status {@code queued}, {@code running}, {@code done}, {@code failed}, {@code cancelled} or
 *     {@code interrupted} (the server stopped during the job; a study run run again resumes from
 *     its stored replications)
 * @param scenario a simulation job's scenario name
 * @param study a study run's study name, its key in the store ({@code GET /api/studies/{name}})
 * @param years measured horizon in years of 365 days (the warm-up comes on top)
 * @param seed a simulation job's random seed
 * @param progress replications done out of the total (a study run: stored, run now or before, out
 *     of variants × replications)
 * @param cancelRequested true once {@code DELETE} asked a running job to stop (it stops after the
 *     replication in hand)
 * @param createdAt ISO-8601 UTC; likewise {@code startedAt} and {@code finishedAt}
 * @param error why a {@code failed} job failed
 * @param results the summary of a {@code done} simulation job: the document {@code caravan simulate
 *     --json} prints, plus the transit-time histograms, the resource table and the queue-length
 *     series (docs/API.md); kept as JSON text, written as it is
 */
public record JobView(
    String id,
    String status,
    Optional<String> scenario,
    Optional<String> study,
    int replications,
    double years,
    OptionalLong seed,
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
