package org.caravan.web;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.caravan.app.ResultsStore;
import org.caravan.app.ResultsStore.Job.Kind;
import org.caravan.app.ResultsStore.Job.Status;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.JobView;
import org.caravan.web.mapping.Problems;
import org.slf4j.Logger;

/**
 * What {@link SimulationJobs} and {@link StudyJobs} share: the state of an active job ({@link
 * Active}) and its store row, their daemon executor, their store rows (one owner's view of a stored
 * job, best-effort writes), the API's view of a job, their shutdown and their time stamps. One
 * home, so both kinds of job are kept, found, shown and stopped alike.
 */
final class JobSupport {
  private JobSupport() {}

  /**
   * What a job runs, as its row records it: the scenario or study name, replications, measured
   * years, seed, and the total its progress counts to.
   */
  record Subject(String name, int replications, double years, long seed, int total) {}

  /**
   * The state of a queued or running job, guarded by its own monitor; {@link #row} is the same
   * state as the store keeps it, so an active and a finished job are shown by one {@link #view}.
   */
  static class Active {
    final String id;
    final Kind kind;
    final Owner owner;
    final Subject subject;
    final Instant createdAt = now();
    Status status = Status.QUEUED;
    int done;
    boolean cancelRequested;
    Instant startedAt;
    Instant finishedAt;
    String error;

    /**
     * What a {@code done} job produced, as JSON text (a simulation's results, a study's outcome).
     */
    String output;

    Active(String id, Kind kind, Owner owner, Subject subject) {
      this.id = id;
      this.kind = kind;
      this.owner = owner;
      this.subject = subject;
    }

    /** The job's row for the store. */
    synchronized ResultsStore.Job row() {
      Subject s = subject;
      return new ResultsStore.Job(
          id,
          kind,
          owner.id(),
          status,
          s.name(),
          s.replications(),
          s.years(),
          s.seed(),
          new ResultsStore.Job.Progress(done, s.total()),
          cancelRequested,
          createdAt,
          Optional.ofNullable(startedAt),
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(error),
          Optional.ofNullable(output));
    }
  }

  /**
   * A stored job as the API shows it: a simulation job names its scenario and seed (and, with
   * {@code withResults}, carries the results of a done job); a study run names its study.
   */
  static JobView view(ResultsStore.Job j, boolean withResults) {
    boolean simulation = j.kind() == Kind.SIMULATION;
    return new JobView(
        j.id(),
        j.status().code(),
        Optional.of(j.name()).filter(n -> simulation),
        Optional.of(j.name()).filter(n -> !simulation),
        j.replications(),
        j.years(),
        simulation ? OptionalLong.of(j.seed()) : OptionalLong.empty(),
        JobView.Progress.of(j.progress().done(), j.progress().total()),
        j.cancelRequested(),
        iso(j.createdAt()),
        iso(j.startedAt()),
        iso(j.finishedAt()),
        j.error(),
        j.results().filter(r -> simulation && withResults).map(RawValue::new));
  }

  /**
   * Thrown from a job's progress callback to stop a cancelled job between replications; no stack
   * trace (it is a signal, not an error).
   */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  /** A fixed pool of daemon threads named {@code prefix} (with a number when {@code n > 1}). */
  static ExecutorService daemonPool(int n, String prefix) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        n,
        r -> {
          Thread t = new Thread(r, n == 1 ? prefix : prefix + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Marks every active job for cancelling, then stops the executor and waits a few seconds for its
   * threads.
   */
  static <J> void close(
      Collection<J> activeJobs, Object lock, Consumer<J> requestCancel, ExecutorService executor) {
    List<J> active;
    synchronized (lock) {
      active = List.copyOf(activeJobs);
    }
    for (J j : active) {
      synchronized (j) {
        requestCancel.accept(j);
      }
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A stored job of this kind and owner; another owner's job is as unknown as one that never was.
   *
   * @throws org.caravan.web.mapping.ApiException 404 with {@code notFound}'s message
   */
  static ResultsStore.Job stored(
      ResultsStore store,
      ResultsStore.Job.Kind kind,
      String id,
      Owner owner,
      Supplier<String> notFound) {
    return store
        .job(id)
        .filter(j -> j.kind() == kind && owner.sameAs(new Owner(j.owner())))
        .orElseThrow(() -> Problems.fail(Problems.Type.NOT_FOUND, notFound.get()));
  }

  /** Writes a job's row; a store failure is logged, not thrown (the job itself goes on). */
  static void save(ResultsStore store, ResultsStore.Job row, Logger log, String what) {
    try {
      store.putJob(row);
    } catch (RuntimeException e) {
      log.error("cannot store {} {}", what, row.id(), e);
    }
  }

  /** Now, to the millisecond (the precision the API shows). */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A time as the API writes it: ISO-8601 UTC ({@link Instant#toString}, e.g. {@code
   * 2026-01-01T10:00:00.123Z}), the one place the web formats a job's times.
   */
  static String iso(Instant t) {
    return t.toString();
  }

  /** {@link #iso(Instant)} of a time that may not have come yet. */
  static Optional<String> iso(Optional<Instant> t) {
    return t.map(JobSupport::iso);
  }

  /** An id as echoed in an error: at most 60 characters. */
  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
