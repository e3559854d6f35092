package org.caravan.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.caravan.app.CaravanApp;
import org.caravan.app.ResultsStore;
import org.caravan.app.ResultsStore.Job.Status;
import org.caravan.app.ShippedStudies;
import org.caravan.app.StudyPlan;
import org.caravan.app.StudyService;
import org.caravan.scenario.UserException;
import org.caravan.web.auth.Owner;
import org.caravan.web.dto.JobView;
import org.caravan.web.dto.StudyRunRequest;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Study runs started from the web ({@code POST /api/study-runs}): a shipped or uploaded study is
 * checked at once (a bad file is a 400 naming its field), then run on one background thread into
 * the server's {@link ResultsStore}, where its replications land as they finish, exactly as {@code
 * caravan study run} stores them. One run at a time (a second is a 429); the run's state is a row
 * of the store's {@code jobs} table (kind {@code study}), so it survives a restart, and a run cut
 * off by a crash is {@code interrupted}: running it again resumes from the stored replications.
 * Cancelling stops after the replication in hand. Like a simulation job, a run belongs to the
 * {@link Owner} of the token that started it and is unknown (404) to others; the studies it writes
 * are shared (read with {@code GET /api/studies}). Thread-safe.
 */
public final class StudyJobs implements AutoCloseable {
  /** Runs (variants with the baseline × replications) a web study may have. */
  public static final int MAX_RUNS = 400;

  /** Replications a web study may ask for. */
  public static final int MAX_REPLICATIONS = 50;

  /** Measured years per replication a web study may ask for. */
  public static final double MAX_YEARS = 5;

  static final ResultsStore.Job.Kind KIND = ResultsStore.Job.Kind.STUDY;

  private static final Logger LOG = LoggerFactory.getLogger(StudyJobs.class);

  private final StudyService service;
  private final ResultsStore store;
  private final ExecutorService executor;
  private final Map<String, Run> active = new LinkedHashMap<>();

  public StudyJobs(CaravanApp app, ResultsStore store) {
    this.service = app.studies();
    this.store = store;
    this.executor = JobSupport.daemonPool(1, "caravan-study-run");
  }

  /**
   * Checks a request and queues its run.
   *
   * @return the run's id
   */
  public String submit(byte[] body, Owner owner) {
    StudyRunRequest req = ApiJson.read(body, StudyRunRequest.class);
    if (req.shipped().isPresent() == req.studyYaml().isPresent()) {
      throw Problems.invalidField(
          "shipped", "give exactly one of shipped (a shipped study's name) and study_yaml");
    }
    req.replications()
        .filter(n -> n < 1 || n > MAX_REPLICATIONS)
        .ifPresent(
            n -> {
              throw Problems.invalidField(
                  "replications", "replications must be 1 to " + MAX_REPLICATIONS + ", got " + n);
            });
    req.years()
        .filter(y -> !(y > 0 && y <= MAX_YEARS))
        .ifPresent(
            y -> {
              throw Problems.invalidField(
                  "years", "years must be > 0 and <= " + MAX_YEARS + ", got " + y);
            });
    String text;
    String origin;
    if (req.shipped().isPresent()) {
      String name = req.shipped().get();
      text =
          ShippedStudies.text(name)
              .orElseThrow(
                  () ->
                      Problems.invalidField(
                          "shipped",
                          "no shipped study '"
                              + JobSupport.shorten(name)
                              + "'; expected one of "
                              + String.join(", ", ShippedStudies.NAMES)));
      origin = name + ".yaml";
    } else {
      text = req.studyYaml().get();
      origin = "study_yaml";
    }
    StudyPlan plan;
    try {
      plan = service.plan(text, origin, req.replications(), req.years(), MAX_RUNS);
    } catch (UserException e) {
      throw Problems.fromUser(e);
    }
    synchronized (active) {
      if (!active.isEmpty()) {
        throw Problems.fail(
            Problems.Type.TOO_MANY_JOBS,
            "a study is already running; wait for it or cancel it (DELETE /api/study-runs/{id})");
      }
      Run run = new Run(UUID.randomUUID().toString(), plan, owner);
      active.put(run.id, run);
      synchronized (run) {
        save(run);
      }
      executor.submit(() -> execute(run));
      return run.id;
    }
  }

  /** A run's state as JSON. */
  public byte[] view(String id, Owner owner) {
    Optional<Run> run = active(id, owner);
    return ApiJson.write(
        run.isPresent()
            ? JobSupport.view(run.get().row(), false)
            : JobSupport.view(stored(id, owner), false));
  }

  /** Every study run of this owner kept, oldest first. */
  public byte[] list(Owner owner) {
    Map<String, Run> now;
    synchronized (active) {
      now = Map.copyOf(active);
    }
    List<JobView> out = new ArrayList<>();
    for (ResultsStore.Job j : store.jobs(KIND, owner.id())) {
      Run r = now.get(j.id());
      out.add(JobSupport.view(r != null ? r.row() : j, false));
    }
    return ApiJson.write(out);
  }

  /**
   * Asks an active run to stop after the replication in hand, or forgets a finished one (its
   * study's stored replications stay: {@code GET /api/studies/{name}}).
   *
   * @return the run's view when it was active; empty when a finished run was forgotten
   */
  public Optional<byte[]> cancel(String id, Owner owner) {
    Optional<Run> run = active(id, owner);
    if (run.isPresent()) {
      synchronized (run.get()) {
        run.get().cancelRequested = true;
        save(run.get());
        return Optional.of(ApiJson.write(JobSupport.view(run.get().row(), false)));
      }
    }
    stored(id, owner);
    store.deleteJob(id);
    return Optional.empty();
  }

  /** Asks the active run to stop and stops the thread. */
  @Override
  public void close() {
    JobSupport.close(active.values(), active, r -> r.cancelRequested = true, executor);
  }

  private void execute(Run run) {
    synchronized (run) {
      run.status = Status.RUNNING;
      run.startedAt = JobSupport.now();
      save(run);
    }
    Status status;
    String error = null;
    String outcome = null;
    try {
      StudyService.RunOutcome o =
          service.run(
              run.plan,
              store,
              p -> {
                synchronized (run) {
                  run.done = p.done();
                  if (run.cancelRequested) {
                    throw new JobSupport.Cancelled();
                  }
                }
              });
      status = Status.DONE;
      outcome = new String(ApiJson.write(o), StandardCharsets.UTF_8); // the job's results
    } catch (JobSupport.Cancelled e) {
      status = Status.CANCELLED;
    } catch (UserException e) {
      status = Status.FAILED;
      error = e.getMessage();
    } catch (RuntimeException e) {
      LOG.error("study run {} failed", run.id, e);
      status = Status.FAILED;
      error = "the study run failed: " + e + " (logged on the server)";
    }
    synchronized (run) {
      run.status = status;
      run.error = error;
      run.output = outcome;
      run.finishedAt = JobSupport.now();
      save(run);
    }
    synchronized (active) {
      active.remove(run.id);
    }
  }

  private Optional<Run> active(String id, Owner owner) {
    synchronized (active) {
      return Optional.ofNullable(active.get(id)).filter(r -> r.owner.sameAs(owner));
    }
  }

  private ResultsStore.Job stored(String id, Owner owner) {
    return JobSupport.stored(
        store, KIND, id, owner, () -> "there is no study run '" + JobSupport.shorten(id) + "'");
  }

  private void save(Run run) {
    JobSupport.save(store, run.row(), LOG, "study run");
  }

  /** One run; its mutable state is guarded by its own monitor. */
  private static final class Run extends JobSupport.Active {
    final StudyPlan plan;

    /** A study's progress counts its runs: variants with the baseline × replications. */
    Run(String id, StudyPlan plan, Owner owner) {
      super(
          id,
          KIND,
          owner,
          new JobSupport.Subject(
              plan.study(), plan.replications(), plan.years(), plan.seed(), plan.runs()));
      this.plan = plan;
    }
  }
}
