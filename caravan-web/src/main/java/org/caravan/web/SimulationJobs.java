package org.caravan.web;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caravan.app.CaravanApp;
import org.caravan.app.SimulationRuns;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.SimulationJob;
import org.caravan.web.dto.SimulationRequest;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.caravan.web.mapping.SimulationMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation jobs: each runs one scenario's replications on a small executor of {@link #MAX_ACTIVE}
 * threads, and its results stay in memory for the last {@link #MAX_KEPT} jobs. A new job is refused
 * (429) while {@link #MAX_ACTIVE} jobs are queued or running, so nothing waits behind a long queue.
 * Listeners (the server-sent events of {@code /api/simulations/{id}/events}) hear a {@code
 * progress} event per replication and one final {@code done} event. Cancelling a running job
 * interrupts it; the engine checks for that every 65,536 events, so it stops within a replication.
 * Each job belongs to the {@link Owner} of the token that started it, and is unknown (404) to every
 * other owner. Thread-safe.
 */
public final class SimulationJobs implements AutoCloseable {
  /** Jobs queued or running at once; more are refused with 429. */
  public static final int MAX_ACTIVE = 2;

  /** Jobs kept in memory, finished ones oldest first dropped. */
  public static final int MAX_KEPT = 20;

  private static final Logger LOG = LoggerFactory.getLogger(SimulationJobs.class);

  /**
   * Hears a job's events; {@code last} is true for the final {@code done} event, after which
   * nothing follows.
   */
  @FunctionalInterface
  public interface Listener {
    void event(String name, byte[] json, boolean last);
  }

  /** A registration that can be undone, e.g. when the client goes away. */
  @FunctionalInterface
  public interface Subscription {
    void cancel();
  }

  private final SimulationRuns service;
  private final int threadsPerJob;
  private final ExecutorService executor;
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  public SimulationJobs(CaravanApp app) {
    this(app, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threadsPerJob replication threads of each job
   */
  public SimulationJobs(CaravanApp app, int threadsPerJob) {
    this.service = app.simulations();
    this.threadsPerJob = Math.max(1, threadsPerJob);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            MAX_ACTIVE,
            r -> {
              Thread t = new Thread(r, "caravan-sim-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Checks a request and queues its job.
   *
   * @return the new job's id
   * @throws org.caravan.web.mapping.ApiException 400 for a bad request or scenario, 429 when {@link
   *     #MAX_ACTIVE} jobs are active
   */
  public String submit(byte[] body, Owner owner) {
    Scenario sc =
        SimulationMapping.toScenario(ApiJson.read(body, SimulationRequest.class), service);
    synchronized (jobs) {
      long active = jobs.values().stream().filter(j -> !j.finished()).count();
      if (active >= MAX_ACTIVE) {
        throw Problems.fail(
            Problems.Type.TOO_MANY_JOBS,
            active
                + " simulation jobs are queued or running; at most "
                + MAX_ACTIVE
                + " run at once. Wait for one to finish or cancel one (DELETE /api/simulations/{id})");
      }
      Job job = new Job(UUID.randomUUID().toString(), sc, owner);
      jobs.put(job.id, job);
      for (Iterator<Job> it = jobs.values().iterator(); jobs.size() > MAX_KEPT && it.hasNext(); ) {
        if (it.next().finished()) {
          it.remove();
        }
      }
      synchronized (job) {
        job.future = executor.submit(() -> run(job));
      }
      return job.id;
    }
  }

  /** The job's view as JSON, with results when done. */
  public byte[] view(String id, Owner owner) {
    return ApiJson.write(job(id, owner).view(true));
  }

  /** Every job of this owner kept, oldest first, without results. */
  public byte[] list(Owner owner) {
    List<SimulationJob> views = new ArrayList<>();
    synchronized (jobs) {
      for (Job j : jobs.values()) {
        if (j.owner.sameAs(owner)) {
          views.add(j.view(false));
        }
      }
    }
    return ApiJson.write(views);
  }

  /**
   * Cancels an active job or forgets a finished one.
   *
   * @return the job's view after the request when it was active; empty when a finished job was
   *     removed
   */
  public Optional<byte[]> cancel(String id, Owner owner) {
    Job job = job(id, owner);
    synchronized (job) {
      if (!job.finished()) {
        job.cancelRequested = true;
        // Interrupts the run: the engine checks every 65,536 events, so a job stops within a
        // replication. No listener is being written to now (events are sent under this monitor),
        // and the job thread clears the interrupt before it sends the final event.
        job.future.cancel(true);
        if (job.status == Status.QUEUED) {
          job.finish(Status.CANCELLED, null, null);
        }
        return Optional.of(ApiJson.write(job.view(false)));
      }
    }
    synchronized (jobs) {
      jobs.remove(id);
    }
    return Optional.empty();
  }

  /** Whether a job of this id and owner is kept. */
  public boolean exists(String id, Owner owner) {
    synchronized (jobs) {
      Job j = jobs.get(id);
      return j != null && j.owner.sameAs(owner);
    }
  }

  /**
   * Registers a listener: it hears the current state at once (a {@code progress} event, or the
   * final {@code done} event of a finished job), then every event until the final one.
   *
   * @throws org.caravan.web.mapping.ApiException 404 for an unknown job
   */
  public Subscription subscribe(String id, Owner owner, Listener l) {
    Job job = job(id, owner);
    synchronized (job) {
      if (job.finished()) {
        l.event("done", ApiJson.write(job.view(false)), true);
        return () -> {};
      }
      l.event("progress", ApiJson.write(job.view(false)), false);
      job.listeners.add(l);
    }
    return () -> {
      synchronized (job) {
        job.listeners.remove(l);
      }
    };
  }

  /** Cancels every active job and stops the executor. */
  @Override
  public void close() {
    synchronized (jobs) {
      for (Job j : jobs.values()) {
        synchronized (j) {
          j.cancelRequested = true;
        }
      }
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A job of this owner; another owner's job is as unknown as one that never was (404). */
  private Job job(String id, Owner owner) {
    synchronized (jobs) {
      Job j = jobs.get(id);
      if (j == null || !j.owner.sameAs(owner)) {
        throw Problems.fail(
            Problems.Type.NOT_FOUND,
            "there is no simulation job '"
                + shorten(id)
                + "'; finished jobs are kept only for the last "
                + MAX_KEPT
                + " jobs and not across restarts");
      }
      return j;
    }
  }

  private void run(Job job) {
    synchronized (job) {
      if (job.status != Status.QUEUED) {
        return;
      }
      job.status = Status.RUNNING;
      job.startedAt = now();
      job.fire("progress", false);
    }
    try {
      SimulationService.Run result =
          service.run(
              job.scenario,
              threadsPerJob,
              n -> {
                synchronized (job) {
                  job.done = n;
                  if (job.cancelRequested) {
                    throw new Cancelled();
                  }
                  job.fire("progress", false);
                }
              });
      // Kept as text: a tree of five years' queue series would hold several times the memory.
      String results =
          new String(
              ApiJson.write(service.resultsDocument(result)),
              java.nio.charset.StandardCharsets.UTF_8);
      synchronized (job) {
        job.finish(job.cancelRequested ? Status.CANCELLED : Status.DONE, null, results);
      }
    } catch (RuntimeException | Error e) {
      Thread.interrupted(); // a cancel's interrupt must not break the final event's write
      synchronized (job) {
        if (job.cancelRequested) {
          job.finish(Status.CANCELLED, null, null);
        } else if (e instanceof UserException u) {
          job.finish(Status.FAILED, u.getMessage(), null);
        } else {
          LOG.error("simulation job {} failed", job.id, e);
          job.finish(
              Status.FAILED, "the simulation failed: " + e + " (logged on the server)", null);
        }
      }
      if (e instanceof Error err && !(e instanceof OutOfMemoryError)) {
        throw err;
      }
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  /** Job states as the API names them. */
  enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Thrown from the progress callback to stop a cancelled run between replications. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  /** One job; guarded by its own monitor. */
  private static final class Job {
    final String id;
    final Scenario scenario;
    final Owner owner;
    final String createdAt = now();
    final List<Listener> listeners = new ArrayList<>();
    Status status = Status.QUEUED;
    int done;
    boolean cancelRequested;
    String startedAt;
    String finishedAt;
    String error;
    String results;
    Future<?> future;

    Job(String id, Scenario scenario, Owner owner) {
      this.id = id;
      this.scenario = scenario;
      this.owner = owner;
    }

    synchronized boolean finished() {
      return status == Status.DONE || status == Status.FAILED || status == Status.CANCELLED;
    }

    synchronized SimulationJob view(boolean withResults) {
      int total = scenario.replications();
      return new SimulationJob(
          id,
          status.code(),
          scenario.name(),
          total,
          scenario.horizonDays() / 365.0,
          scenario.seed(),
          new SimulationJob.Progress(done, total, total == 0 ? 0 : (double) done / total),
          cancelRequested,
          createdAt,
          Optional.ofNullable(startedAt),
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(error),
          withResults && results != null ? Optional.of(new RawValue(results)) : Optional.empty());
    }

    /** Caller holds the monitor. */
    void finish(Status s, String err, String res) {
      status = s;
      error = err;
      results = res;
      finishedAt = now();
      fire("done", true);
      listeners.clear();
    }

    /** Caller holds the monitor. A listener that throws (its client went away) is dropped. */
    void fire(String name, boolean last) {
      if (listeners.isEmpty()) {
        return;
      }
      byte[] json = ApiJson.write(view(false));
      // A copy: a listener may unsubscribe itself while it is called (its stream closes on the last
      // event).
      for (Listener l : List.copyOf(listeners)) {
        try {
          l.event(name, json, last);
        } catch (RuntimeException e) {
          LOG.debug("dropping a listener of job {}: {}", id, e.toString());
          listeners.remove(l);
        }
      }
    }
  }
}
