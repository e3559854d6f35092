package org.caravan.simulation.corridor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pool of daemon threads for independent replications (here and in the study engine): runs the
 * caller's work on it, hands a replication's runtime failure on unchanged, turns an interrupt into
 * an unchecked exception with the interrupt flag kept, and always stops the pool. One home for that
 * error contract, so every parallel replication loop fails the same way.
 */
public final class ReplicationPool {
  /** Work that submits tasks to the pool and waits for them. */
  @FunctionalInterface
  public interface Work<T> {
    T run(ExecutorService pool) throws InterruptedException, ExecutionException;
  }

  private ReplicationPool() {}

  /**
   * Runs {@code work} on a fixed pool of {@code threads} daemon threads named {@code threadName}.
   *
   * @throws RuntimeException the failure of a task (unwrapped), or {@link IllegalStateException}
   *     when interrupted or when a task failed with a checked exception
   */
  public static <T> T run(int threads, String threadName, Work<T> work) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    try {
      return work.run(pool);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
