package org.caravan.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.UserException;
import org.caravan.study.StoredJobs;
import org.caravan.study.StudyStore;

/**
 * An open results store (docs/STUDIES.md) for a long-lived front end: the web server opens one at
 * start and keeps its studies and its jobs in it, so a restart on the same store loses nothing
 * finished. A DuckDB file allows one process at a time, so the server holds the store for its life;
 * the CLI opens a store per command. Thread-safe (the store serialises its transactions).
 */
public final class ResultsStore implements AutoCloseable {
  /**
   * A web job as stored; see {@link StoredJobs.JobRow} for the fields.
   *
   * @param kind {@code simulation} or {@code study}
   * @param owner who started it (an id of the client's token; never the token)
   * @param status {@code queued}, {@code running}, {@code done}, {@code failed}, {@code cancelled}
   *     or {@code interrupted} (the server stopped while it was active)
   */
  public record Job(
      String id,
      String kind,
      String owner,
      String status,
      String name,
      int replications,
      double years,
      long seed,
      int done,
      int total,
      boolean cancelRequested,
      String createdAt,
      Optional<String> startedAt,
      Optional<String> finishedAt,
      Optional<String> error,
      Optional<String> results) {}

  private final StudyStore store;
  private final StoredJobs jobs;

  private ResultsStore(StudyStore store) {
    this.store = store;
    this.jobs = new StoredJobs(store);
  }

  /**
   * Opens (creating if needed) a store: a DuckDB file path or a JDBC URL; empty for {@link
   * StudyService#DEFAULT_STORE}.
   *
   * @throws UserException when it cannot be opened (e.g. another process holds the DuckDB file)
   */
  public static ResultsStore open(Optional<String> location) {
    return new ResultsStore(StudyService.openStore(location));
  }

  /** A store in memory, gone when closed: for servers started without a store and for tests. */
  public static ResultsStore inMemory() {
    return new ResultsStore(StudyStore.open("jdbc:duckdb:"));
  }

  /** Where the store is, as given. */
  public String location() {
    return store.location();
  }

  StudyStore studyStore() {
    return store;
  }

  /** Writes a job, replacing its earlier state. */
  public void putJob(Job j) {
    jobs.put(
        new StoredJobs.JobRow(
            j.id(),
            j.kind(),
            j.owner(),
            j.status(),
            j.name(),
            j.replications(),
            j.years(),
            j.seed(),
            j.done(),
            j.total(),
            j.cancelRequested(),
            j.createdAt(),
            j.startedAt(),
            j.finishedAt(),
            j.error(),
            j.results()));
  }

  /** One job with its results. */
  public Optional<Job> job(String id) {
    return jobs.get(id).map(ResultsStore::job);
  }

  /** The jobs of a kind that an owner started, oldest first, without results. */
  public List<Job> jobs(String kind, String owner) {
    return jobs.list(kind, owner).stream().map(ResultsStore::job).toList();
  }

  /** Forgets a job; false when there was none. */
  public boolean deleteJob(String id) {
    return jobs.delete(id);
  }

  /** Marks the jobs a previous process left queued or running as {@code interrupted}. */
  public int interruptActiveJobs() {
    return jobs.interruptActive(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
  }

  private static Job job(StoredJobs.JobRow r) {
    return new Job(
        r.id(),
        r.kind(),
        r.owner(),
        r.status(),
        r.name(),
        r.replications(),
        r.years(),
        r.seed(),
        r.done(),
        r.total(),
        r.cancelRequested(),
        r.createdAt(),
        r.startedAt(),
        r.finishedAt(),
        r.error(),
        r.results());
  }

  @Override
  public void close() {
    store.close();
  }
}
