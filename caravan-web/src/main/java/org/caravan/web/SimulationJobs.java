package org.caravan.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.caravan.app.CaravanApp;
import org.caravan.app.ResultsStore;
import org.caravan.app.ResultsStore.Job.Status;
import org.caravan.app.SimulationRuns;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.JobView;
import org.caravan.web.dto.SimulationRequest;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.caravan.web.mapping.SimulationMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation jobs: each runs one scenario's replications on a small executor of {@link #MAX_ACTIVE}
 * threads. Every job is kept in the server's {@link ResultsStore} (row written when it is queued,
 * starts and ends, with its results), so a server restarted on the same store still serves every
 * finished job; jobs a crash cut off are marked {@code interrupted} when the next server starts.
 * Active jobs are also held in memory for their progress and listeners. A new job is refused (429)
 * while {@link #MAX_ACTIVE} jobs are queued or running, so nothing waits behind a long queue.
 * Listeners (the server-sent events of {@code /api/simulations/{id}/events}) hear a {@code
 * progress} event per replication and one final {@code done} event. Cancelling a running job
 * interrupts it; the engine checks for that every 65,536 events, so it stops within a replication.
 * Each job belongs to the {@link Owner} of the token that started it (kept with its row), and is
 * unknown (404) to every other owner. Thread-safe.
 */
public final class SimulationJobs implements AutoCloseable {
  /** Jobs queued or running at once; more are refused with 429. */
  public static final int MAX_ACTIVE = 2;

  /** The kind of these jobs in the store's {@code jobs} table. */
  static final ResultsStore.Job.Kind KIND = ResultsStore.Job.Kind.SIMULATION;

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
  private final ResultsStore store;

  /** Active jobs (queued or running); finished ones live in the store only. */
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  public SimulationJobs(CaravanApp app, ResultsStore store) {
    this(app, store, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Marks the jobs an earlier server left active in {@code store} as interrupted.
   *
   * @param threadsPerJob replication threads of each job
   */
  public SimulationJobs(CaravanApp app, ResultsStore store, int threadsPerJob) {
    this.service = app.simulations();
    this.store = store;
    int interrupted = store.interruptActiveJobs();
    if (interrupted > 0) {
      LOG.warn(
          "{} jobs were cut off by the previous server and are marked interrupted", interrupted);
    }
    this.threadsPerJob = Math.max(1, threadsPerJob);
    this.executor = JobSupport.daemonPool(MAX_ACTIVE, "caravan-sim-job");
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
      long active = jobs.size();
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
      synchronized (job) {
        save(job);
        job.future = executor.submit(() -> run(job));
      }
      return job.id;
    }
  }

  /** The job's view as JSON, with results when done. */
  public byte[] view(String id, Owner owner) {
    Optional<Job> active = active(id, owner);
    return ApiJson.write(
        active.isPresent() ? active.get().view(true) : JobSupport.view(stored(id, owner), true));
  }

  /** Every job of this owner kept, oldest first, without results. */
  public byte[] list(Owner owner) {
    Map<String, Job> active;
    synchronized (jobs) {
      active = Map.copyOf(jobs);
    }
    // Outside the map's monitor: a finishing job holds its own monitor, then takes the map's.
    List<JobView> views = new ArrayList<>();
    for (ResultsStore.Job row : store.jobs(KIND, owner.id())) {
      Job j = active.get(row.id());
      views.add(j != null ? j.view(false) : JobSupport.view(row, false));
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
    Optional<Job> active = active(id, owner);
    if (active.isEmpty()) {
      stored(id, owner);
      store.deleteJob(id);
      return Optional.empty();
    }
    Job job = active.get();
    synchronized (job) {
      if (!job.finished()) {
        job.cancelRequested = true;
        // Interrupts the run: the engine checks every 65,536 events, so a job stops within a
        // replication. No listener is being written to now (events are sent under this monitor),
        // and the job thread clears the interrupt before it sends the final event.
        job.future.cancel(true);
        if (job.status == Status.QUEUED) {
          finish(job, Status.CANCELLED, null, null);
        } else {
          save(job);
        }
        return Optional.of(ApiJson.write(job.view(false)));
      }
    }
    // Finished between the two looks: forget it.
    store.deleteJob(id);
    return Optional.empty();
  }

  /** Whether a job of this id and owner is kept. */
  public boolean exists(String id, Owner owner) {
    return active(id, owner).isPresent()
        || store.job(id).filter(j -> owner.sameAs(new Owner(j.owner()))).isPresent();
  }

  /**
   * Registers a listener: it hears the current state at once (a {@code progress} event, or the
   * final {@code done} event of a finished job), then every event until the final one.
   *
   * @throws org.caravan.web.mapping.ApiException 404 for an unknown job
   */
  public Subscription subscribe(String id, Owner owner, Listener l) {
    Optional<Job> active = active(id, owner);
    if (active.isEmpty()) {
      l.event("done", ApiJson.write(JobSupport.view(stored(id, owner), false)), true);
      return () -> {};
    }
    Job job = active.get();
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
    JobSupport.close(jobs.values(), jobs, j -> j.cancelRequested = true, executor);
  }

  /** An active job of this owner; another owner's job is as unknown as one that never was. */
  private Optional<Job> active(String id, Owner owner) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.sameAs(owner));
    }
  }

  private ResultsStore.Job stored(String id, Owner owner) {
    return JobSupport.stored(
        store,
        KIND,
        id,
        owner,
        () ->
            "there is no simulation job '"
                + JobSupport.shorten(id)
                + "'; a job is kept until it is deleted (DELETE /api/simulations/{id})");
  }

  /** Writes the job's state to the store. Caller holds the job's monitor. */
  private void save(Job job) {
    JobSupport.save(store, job.row(), LOG, "simulation job");
  }

  /**
   * Ends a job: stores its final state, then tells its listeners and leaves the active set, so a
   * client told {@code done} finds the job in the store. Caller holds the job's monitor.
   */
  private void finish(Job job, Status s, String err, String res) {
    job.status = s;
    job.error = err;
    job.output = res;
    job.finishedAt = JobSupport.now();
    save(job);
    synchronized (jobs) {
      jobs.remove(job.id);
    }
    job.fire("done", true);
    job.listeners.clear();
  }

  private void run(Job job) {
    synchronized (job) {
      if (job.status != Status.QUEUED) {
        return;
      }
      job.status = Status.RUNNING;
      job.startedAt = JobSupport.now();
      save(job);
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
                    throw new JobSupport.Cancelled();
                  }
                  job.fire("progress", false);
                }
              });
      // Kept as text: a tree of five years' queue series would hold several times the memory.
      String results =
          new String(ApiJson.write(service.resultsDocument(result)), StandardCharsets.UTF_8);
      synchronized (job) {
        finish(job, job.cancelRequested ? Status.CANCELLED : Status.DONE, null, results);
      }
    } catch (RuntimeException | Error e) {
      Thread.interrupted(); // a cancel's interrupt must not break the final event's write
      synchronized (job) {
        if (job.cancelRequested) {
          finish(job, Status.CANCELLED, null, null);
        } else if (e instanceof UserException u) {
          finish(job, Status.FAILED, u.getMessage(), null);
        } else {
          LOG.error("simulation job {} failed", job.id, e);
          finish(
              job, Status.FAILED, "the simulation failed: " + e + " (logged on the server)", null);
        }
      }
      if (e instanceof Error err && !(e instanceof OutOfMemoryError)) {
        throw err;
      }
    }
  }

  /** One job; guarded by its own monitor. */
  private static final class Job extends JobSupport.Active {
    final Scenario scenario;
    final List<Listener> listeners = new ArrayList<>();
    Future<?> future;

    Job(String id, Scenario sc, Owner owner) {
      super(id, KIND, owner, subject(sc));
      this.scenario = sc;
    }

    /** A scenario's replications are what its progress counts. */
    private static JobSupport.Subject subject(Scenario sc) {
      int n = sc.replications();
      return new JobSupport.Subject(sc.name(), n, sc.horizonDays() / 365.0, sc.seed(), n);
    }

    synchronized boolean finished() {
      return status.finished();
    }

    synchronized JobView view(boolean withResults) {
      return JobSupport.view(row(), withResults);
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
