package org.caravan.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
   * A web job, typed: the gateway's view of a row of the store's {@code jobs} table ({@link
   * StoredJobs.JobRow}), mapped to and from the row in one place here. Front ends format its times
   * and codes once, at their edge.
   *
   * @param owner who started it (an id of the client's token; never the token)
   * @param name the scenario's or the study's name
   * @param years measured horizon in years of 365 days
   * @param progress replications done out of the total
   * @param cancelRequested true once a client asked the job to stop
   * @param error why a {@link Status#FAILED} (or {@link Status#INTERRUPTED}) job ended
   * @param results JSON text of a finished job's results; empty in listings
   */
  public record Job(
      String id,
      Kind kind,
      String owner,
      Status status,
      String name,
      int replications,
      double years,
      long seed,
      Progress progress,
      boolean cancelRequested,
      Instant createdAt,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      Optional<String> error,
      Optional<String> results) {

    /** What a job runs. */
    public enum Kind {
      SIMULATION,
      STUDY;

      /** The lower-case name, as the store and the API write it. */
      public String code() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    /** A job's state. */
    public enum Status {
      QUEUED,
      RUNNING,
      DONE,
      FAILED,
      CANCELLED,
      /** The server stopped while the job was queued or running (set by the next server). */
      INTERRUPTED;

      /** The lower-case name, as the store and the API write it. */
      public String code() {
        return name().toLowerCase(Locale.ROOT);
      }

      /** Whether the job has ended (done, failed, cancelled or interrupted). */
      public boolean finished() {
        return this != QUEUED && this != RUNNING;
      }
    }

    /** Replications done out of the total. */
    public record Progress(int done, int total) {}
  }

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
            j.kind().code(),
            j.owner(),
            j.status().code(),
            j.name(),
            j.replications(),
            j.years(),
            j.seed(),
            j.progress().done(),
            j.progress().total(),
            j.cancelRequested(),
            j.createdAt().toString(),
            j.startedAt().map(Instant::toString),
            j.finishedAt().map(Instant::toString),
            j.error(),
            j.results()));
  }

  /** One job with its results. */
  public Optional<Job> job(String id) {
    return jobs.get(id).map(ResultsStore::job);
  }

  /** The jobs of a kind that an owner started, oldest first, without results. */
  public List<Job> jobs(Job.Kind kind, String owner) {
    return jobs.list(kind.code(), owner).stream().map(ResultsStore::job).toList();
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
        Job.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)),
        r.owner(),
        Job.Status.valueOf(r.status().toUpperCase(Locale.ROOT)),
        r.name(),
        r.replications(),
        r.years(),
        r.seed(),
        new Job.Progress(r.done(), r.total()),
        r.cancelRequested(),
        Instant.parse(r.createdAt()),
        r.startedAt().map(Instant::parse),
        r.finishedAt().map(Instant::parse),
        r.error(),
        r.results());
  }

  @Override
  public void close() {
    store.close();
  }
}
