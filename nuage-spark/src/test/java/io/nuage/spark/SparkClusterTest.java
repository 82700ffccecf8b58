package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.spark.SparkRiskTest.Run;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster (a master and two workers, separate JVMs on 127.0.0.1) serves a risk
 * sweep; worker 1 is killed, with its executor, once that executor has started a task: a listener
 * on the driver sees the executor removed and the task attempts lost, Spark reruns them on the
 * other worker, and the JSON equals the embedded engine's to the byte. The worker left then serves
 * a deal evaluation, which equals the embedded one too.
 */
class SparkClusterTest {
  private static final String CLASS_PATH = "spark.executor.extraClassPath";

  @Test
  void risk_onStandaloneCluster_withAWorkerKilledMidJob_equalsEmbedded(@TempDir Path tmp)
      throws Exception {
    String[] common = {
      "risk",
      SparkRiskTest.EXAMPLE.toString(),
      "--samples",
      "8",
      "--source-samples",
      "0",
      "--seed",
      "3",
      "--threads",
      "2",
      "--format",
      "json",
      "--quiet"
    };
    long t0 = System.nanoTime();
    // the cluster's JVMs start while this one serves the embedded reference
    CompletableFuture<StandaloneCluster> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return StandaloneCluster.start(2, tmp);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Run embedded;
    try {
      embedded = SparkRiskTest.run(common);
    } finally {
      System.setProperty(CLASS_PATH, nuageClasses());
    }
    SparkSession session = null;
    try (StandaloneCluster cluster = starting.get(2, TimeUnit.MINUTES)) {
      assertThat(embedded.code()).as(embedded.err()).isZero();
      System.out.printf(
          "cluster and embedded ready after %.1f s%n", (System.nanoTime() - t0) / 1e9);
      // the session the commands use (a running session on the same master is reused): watched,
      // so the test knows a task was lost with the killed worker and run again, not merely that
      // the answer came back
      session = SparkSession.builder().config(SparkScaleOut.conf(cluster.master())).getOrCreate();
      Lost lost = new Lost();
      session.sparkContext().addSparkListener(lost);
      CompletableFuture<Run> spark =
          CompletableFuture.supplyAsync(
              () ->
                  SparkRiskTest.run(
                      SparkRiskTest.concat(
                          common, "--engine", "spark", "--master", cluster.master())));
      cluster.awaitExecutorLog(1, "Running task", Duration.ofSeconds(120));
      System.out.printf("worker 1 killed at %.1f s%n", (System.nanoTime() - t0) / 1e9);
      cluster.killWorker(1);
      Run run = spark.get(5, TimeUnit.MINUTES);
      System.out.printf("sweep done at %.1f s%n", (System.nanoTime() - t0) / 1e9);
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo(embedded.out());
      // the listener bus is asynchronous: its events may follow the job's end by a moment
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while ((lost.executors.get() == 0 || lost.tasks.get() == 0) && System.nanoTime() < until)
        Thread.sleep(100);
      assertThat(lost.executors.get()).as("executors removed (the killed worker's)").isPositive();
      assertThat(lost.tasks.get())
          .as("task attempts lost with the killed executor, and so run again")
          .isPositive();
      System.out.printf(
          "%d executor(s) lost, %d task attempt(s) failed and were run again%n",
          lost.executors.get(), lost.tasks.get());
      // the other worker served what the killed one had been given
      cluster.awaitExecutorLog(0, "Running task", Duration.ofSeconds(1));
      // and a deal's futures, every size and not signed, on the worker left
      String[] deal = SparkDealTest.deal("8", "--no-break-even");
      Run dealEmbedded = SparkRiskTest.run(deal);
      Run dealSpark =
          SparkRiskTest.run(
              SparkRiskTest.concat(deal, "--engine", "spark", "--master", cluster.master()));
      assertThat(dealEmbedded.code()).as(dealEmbedded.err()).isZero();
      assertThat(dealSpark.code()).as(dealSpark.err()).isZero();
      assertThat(dealSpark.out()).isEqualTo(dealEmbedded.out()).contains("\"futures\" : 8");
    } finally {
      if (session != null) session.stop();
      System.clearProperty(CLASS_PATH);
    }
  }

  /** Counts the executors removed and the task attempts that ended without success. */
  private static final class Lost extends SparkListener {
    final AtomicInteger executors = new AtomicInteger();
    final AtomicInteger tasks = new AtomicInteger();

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
      executors.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (!end.taskInfo().successful()) tasks.incrementAndGet();
    }
  }

  /** Nuage's own classes, as the build left them; Spark's and the rest are in SPARK_HOME/jars. */
  private static String nuageClasses() {
    Path repo = Path.of(System.getProperty("nuage.repo", "..")).toAbsolutePath();
    return Stream.of("nuage-core", "nuage-store", "nuage-app", "nuage-spark")
        .map(m -> repo.resolve(m).resolve("target/classes").toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
