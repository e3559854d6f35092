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
   * Computes every task with {@code function} and hands each finished replication to {@code
   * finished} on the calling thread, as soon as it is back and in any order; returns when all are
   * handed back.
   *
   * @param study the study's name (for job names in logs)
   * @param options engine options by name; unknown ones are ignored
   * @throws StudyException for a bad option (field named) or an engine that cannot start
   */
  void run(
      String study,
      List<StudyRunner.Task> tasks,
      StudyRunner.ReplicationFunction function,
      Map<String, String> options,
      Consumer<StudyRunner.Finished> finished);
}
