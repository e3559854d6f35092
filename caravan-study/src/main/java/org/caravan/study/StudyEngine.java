package org.caravan.study;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a study's replications run. {@link LocalEngine} uses this JVM's threads; other engines (the
 * Spark engine in module caravan-spark) are found by {@link #name()} through {@link
 * java.util.ServiceLoader}, only when asked for, so they stay off the class path of every other
 * command.
 */
public interface StudyEngine {
  /** The name {@code --engine} selects ({@code local}, {@code spark}). */
  String name();

  /**
   * The work one {@link #run} hands an engine: every engine reads the same four things, so they
   * travel together.
   *
   * @param study the study's name (for job names in logs)
   * @param tasks the replications still to compute
   * @param function computes one replication
   * @param options engine options by name; unknown ones are ignored
   */
  record Batch(
      String study,
      List<StudyRunner.Task> tasks,
      StudyRunner.ReplicationFunction function,
      Map<String, String> options) {
    public Batch {
      tasks = List.copyOf(tasks);
    }
  }

  /**
   * Computes every task of {@code batch} with its function and hands each finished replication to
   * {@code finished} on the calling thread, as soon as it is back and in any order; returns when
   * all are handed back.
   *
   * @throws StudyException for a bad option (field named) or an engine that cannot start
   */
  void run(Batch batch, Consumer<StudyRunner.Finished> finished);
}
