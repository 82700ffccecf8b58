package io.nuage.spark;

import io.nuage.risk.Draws;
import io.nuage.risk.FutureServer;
import io.nuage.risk.Served;
import io.nuage.scaleout.SweepRecipe;
import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Serves futures on Spark: the numbers of the futures asked are split into contiguous partitions,
 * each task redraws its futures from their numbers and serves them with its executor's recourse
 * ({@link ExecutorSweeps}), and {@code collect()} returns the answers partition by partition, that
 * is in sample order: the driver reduces them exactly as the embedded engine does, so the report is
 * the same to the byte. A lost executor's tasks are rerun; redrawing makes them give the same
 * answers. The scenarios the driver passes are not shipped: executors rebuild them from the recipe.
 */
final class SparkFutureServer implements FutureServer {
  /** Tasks per core: some balance between slow and fast futures, few models built. */
  private static final int TASKS_PER_CORE = 4;

  private final JavaSparkContext spark;
  private final Broadcast<SweepRecipe> recipe;
  private final SweepRecipe local;

  SparkFutureServer(JavaSparkContext spark, SweepRecipe recipe) {
    this.spark = spark;
    this.recipe = spark.broadcast(recipe);
    this.local = recipe;
  }

  @Override
  public List<Served> serve(Scenario scenario, Draws draws, long from, long to) {
    if (local.deal() != null)
      throw new IllegalStateException("a deal's recipe serves every answer of a future at once");
    return run(draws, from, to);
  }

  @Override
  public List<Served> serveEach(
      Scenario drawnFrom, List<Scenario> bases, Draws draws, long from, long to) {
    int answers = local.deal() == null ? 1 : local.deal().scales().size() + 1;
    if (bases.size() != answers)
      throw new IllegalStateException(
          "asked for " + bases.size() + " answers per future, the recipe has " + answers);
    return run(draws, from, to);
  }

  /** One job: futures {@code from} to {@code to}, every answer of each, in sample order. */
  private List<Served> run(Draws draws, long from, long to) {
    List<Long> numbers = new ArrayList<>();
    for (long i = from; i < to; i++) numbers.add(i);
    if (numbers.isEmpty()) return List.of();
    int partitions = Math.min(numbers.size(), TASKS_PER_CORE * spark.defaultParallelism());
    Broadcast<SweepRecipe> r = recipe;
    return Outcome.answers(
        spark
            .parallelize(numbers, partitions)
            .mapPartitions(
                (FlatMapFunction<Iterator<Long>, Outcome>)
                    samples -> ExecutorSweeps.serve(r.value(), draws, samples))
            .collect());
  }

  @Override
  public int block() {
    return Integer.MAX_VALUE; // one job per sweep: a job is scheduled, not a thread woken
  }
}
