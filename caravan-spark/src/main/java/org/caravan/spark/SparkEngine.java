package org.caravan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.caravan.study.StudyEngine;
import org.caravan.study.StudyException;
import org.caravan.study.StudyRunner;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Apache Spark study engine: every variant × replication task is one Spark task (one
 * partition), computed on an executor by the study's {@link StudyRunner.ReplicationFunction}
 * (broadcast once), so the KPIs are the local engine's to the bit. The driver keeps the store: a
 * job submitted with a result handler ({@link SparkContext#submitJob}) hands each finished task to
 * the calling thread as soon as it is back, which writes it in one transaction, exactly as the
 * local engine does — a killed driver loses only the tasks in flight and the same command resumes.
 *
 * <p>The master is option {@code master} ({@code --master local[2]}), else the one spark-submit set
 * ({@code spark.master}), else {@code local[*]}. For a local master the driver binds to 127.0.0.1
 * and the web UI is off (deps.md); a session already running (spark-submit, a notebook) is used and
 * left running.
 */
public final class SparkEngine implements StudyEngine {
  /** The engine's name ({@code --engine spark}). */
  public static final String NAME = "spark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(Batch batch, Consumer<StudyRunner.Finished> finished) {
    boolean existing = SparkSession.getActiveSession().isDefined();
    SparkSession spark = session(batch.study(), batch.options());
    try {
      run(spark, batch.tasks(), batch.function(), finished);
    } finally {
      if (!existing) {
        spark.stop();
      }
    }
  }

  private static SparkSession session(String study, Map<String, String> options) {
    SparkConf conf = new SparkConf(); // picks up spark.* system properties (spark-submit)
    String master = options.get("master");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "caravan study " + study);
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    try {
      return SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new StudyException(
          "master",
          "cannot start Spark with master '"
              + conf.get("spark.master")
              + "': "
              + m.lines().findFirst().orElse(m));
    }
  }

  private static void run(
      SparkSession spark,
      List<StudyRunner.Task> tasks,
      StudyRunner.ReplicationFunction function,
      Consumer<StudyRunner.Finished> finished) {
    SparkContext sc = spark.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Broadcast<StudyRunner.ReplicationFunction> f = jsc.broadcast(function);
    JavaRDD<StudyRunner.Finished> results =
        jsc.parallelize(tasks, tasks.size()).map(t -> StudyRunner.Finished.compute(f.value(), t));
    BlockingQueue<List<StudyRunner.Finished>> back = new LinkedBlockingQueue<>();
    List<Object> partitions = new ArrayList<>();
    IntStream.range(0, tasks.size()).forEach(partitions::add);
    SimpleFutureAction<BoxedUnit> job =
        sc.submitJob(
            results.rdd(),
            new Collect(),
            CollectionConverters.asScala(partitions).toList(),
            new Handler(back),
            new Done());
    int received = 0;
    try {
      while (received < tasks.size()) {
        List<StudyRunner.Finished> part = back.poll(200, TimeUnit.MILLISECONDS);
        if (part == null) {
          if (job.isCompleted() && back.isEmpty()) {
            job.get(); // throws the job's failure
            throw new IllegalStateException(
                "Spark job ended with " + received + " of " + tasks.size() + " tasks back");
          }
          continue;
        }
        for (StudyRunner.Finished r : part) {
          finished.accept(r);
          received++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.cancel();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      job.cancel();
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Spark job failed: " + e.getMessage(), e);
    } finally {
      f.destroy();
    }
  }

  /** On an executor: a partition's results as a list (one task per partition). */
  private static final class Collect
      extends AbstractFunction1<Iterator<StudyRunner.Finished>, List<StudyRunner.Finished>>
      implements Serializable {
    @Override
    public List<StudyRunner.Finished> apply(Iterator<StudyRunner.Finished> it) {
      List<StudyRunner.Finished> out = new ArrayList<>();
      while (it.hasNext()) {
        out.add(it.next());
      }
      return out;
    }
  }

  /** On the driver, as each task finishes: queue its results for the caller's thread. */
  private static final class Handler
      extends AbstractFunction2<Object, List<StudyRunner.Finished>, BoxedUnit> {
    private final BlockingQueue<List<StudyRunner.Finished>> back;

    Handler(BlockingQueue<List<StudyRunner.Finished>> back) {
      this.back = back;
    }

    @Override
    public BoxedUnit apply(Object partition, List<StudyRunner.Finished> results) {
      back.add(results);
      return BoxedUnit.UNIT;
    }
  }

  /** The job's overall result: nothing (the results went through the handler). */
  private static final class Done extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
