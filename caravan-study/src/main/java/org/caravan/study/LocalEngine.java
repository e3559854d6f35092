package org.caravan.study;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.function.Consumer;
import org.caravan.simulation.corridor.ReplicationPool;

/**
 * Runs a study's tasks on {@code threads} threads of this JVM (option {@code threads}, default the
 * number of processors). At most {@code 2 × threads} tasks are in flight, so finished replications
 * reach the store about as fast as they are computed and a crash loses only those in flight. With
 * one thread the tasks run on the caller's thread, in order.
 */
public final class LocalEngine implements StudyEngine {
  /** The engine's name. */
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  /** The thread count asked for in {@code options}, else the number of processors. */
  static int threads(Map<String, String> options) {
    String s = options.get("threads");
    if (s == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int n = Integer.parseInt(s.trim());
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StudyException("threads", "{threads} must be an integer 1..1024, got '" + s + "'");
  }

  @Override
  public void run(Batch batch, Consumer<StudyRunner.Finished> finished) {
    List<StudyRunner.Task> tasks = batch.tasks();
    StudyRunner.ReplicationFunction function = batch.function();
    int threads = Math.min(threads(batch.options()), tasks.size());
    if (threads <= 1) {
      for (StudyRunner.Task t : tasks) {
        finished.accept(StudyRunner.Finished.compute(function, t));
      }
      return;
    }
    ReplicationPool.run(
        threads,
        "caravan-study",
        pool -> {
          ExecutorCompletionService<StudyRunner.Finished> cs =
              new ExecutorCompletionService<>(pool);
          Deque<StudyRunner.Task> queue = new ArrayDeque<>(tasks);
          int inFlight = 0;
          while (!queue.isEmpty() || inFlight > 0) {
            while (!queue.isEmpty() && inFlight < 2 * threads) {
              StudyRunner.Task t = queue.poll();
              cs.submit(() -> StudyRunner.Finished.compute(function, t));
              inFlight++;
            }
            StudyRunner.Finished f = cs.take().get();
            inFlight--;
            finished.accept(f);
          }
          return null;
        });
  }
}
