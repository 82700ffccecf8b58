package io.nuage.spark;

import io.nuage.deal.DealSizes;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.Draws;
import io.nuage.risk.Future;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.Recourse;
import io.nuage.scaleout.SweepRecipe;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.apache.spark.SparkEnv;
import org.jspecify.annotations.Nullable;

/**
 * The executor's side of a sweep. Per JVM, one parsed scenario per sweep, with the answers each
 * future is served under (OR-Tools' natives load once with the first model); per task thread, one
 * recourse kept across every future and answer it serves, as the embedded engine keeps one per
 * thread.
 */
final class ExecutorSweeps {
  private record Key(
      String scenarioHash,
      String method,
      double timeLimit,
      Map<?, ?> kept,
      @Nullable DealSizes deal) {}

  /** The scenario futures are drawn from, and the scenarios each is served on, in order. */
  private record Sweep(Scenario drawnFrom, List<Scenario> bases) {}

  private static final Map<Key, Sweep> SWEEPS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<Key, Recourse>> RECOURSES =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private ExecutorSweeps() {}

  /**
   * Serves the futures numbered {@code samples} of {@code draws} under each of the recipe's
   * answers: future by future, the answers in order within each.
   */
  static Iterator<Outcome> serve(SweepRecipe recipe, Draws draws, Iterator<Long> samples) {
    List<Outcome> out = new ArrayList<>();
    long at = -1;
    try {
      Key key =
          new Key(
              recipe.scenarioHash(),
              recipe.method(),
              recipe.timeLimit(),
              recipe.kept(),
              recipe.deal());
      Sweep sweep = SWEEPS.computeIfAbsent(key, k -> sweep(recipe));
      Recourse recourse = RECOURSES.get().computeIfAbsent(key, k -> recourse(recipe));
      LongFunction<Future> drawer = draws.of(sweep.drawnFrom());
      while (samples.hasNext()) {
        at = samples.next();
        Future f = drawer.apply(at);
        for (Scenario base : sweep.bases())
          out.add(Outcome.of(recourse.serve(FutureScenario.of(base, f), f)));
      }
    } catch (RuntimeException e) {
      out.add(Outcome.failed(e, where(at)));
    }
    return out.iterator();
  }

  /**
   * Where a failure happened, put before its message (whose first line then says it): on a cluster,
   * the executor, whose files and paths may differ from the driver's (docs/scale-out.md, "Paths and
   * object storage"), and whether it was reading the scenario, before any future; in {@code
   * local[*]}, nothing (it is this machine). A future's recourse names the future itself.
   */
  private static String where(long future) {
    SparkEnv env = SparkEnv.get();
    if (env == null || "driver".equals(env.executorId())) return "";
    return "Spark executor "
        + env.executorId()
        + " on "
        + env.blockManager().blockManagerId().host()
        + (future < 0 ? ", reading the scenario from the recipe" : "")
        + ": ";
  }

  /**
   * Whether this task runs in an executor's own JVM, whose standard output is a log file: there the
   * solvers' C-level printing is kept off it. In {@code local[*]} the "executor" is the driver's
   * JVM (executor id {@code "driver"}, Spark's {@code SparkContext.DRIVER_IDENTIFIER}), whose
   * standard output is its own (the CLI's {@code Main} decides; a test JVM's results travel on it
   * and must not be silenced during solves).
   */
  private static boolean onAnExecutorJvm() {
    SparkEnv env = SparkEnv.get();
    return env != null && !"driver".equals(env.executorId());
  }

  private static Sweep sweep(SweepRecipe recipe) {
    Scenario scenario =
        ScenarioParser.parse(
            recipe.scenarioYaml(), recipe.displayName(), Path.of(recipe.baseDir()));
    DealSizes deal = recipe.deal();
    return new Sweep(scenario, deal == null ? List.of(scenario) : deal.bases(scenario));
  }

  private static Recourse recourse(SweepRecipe recipe) {
    if (onAnExecutorJvm()) Planner.keepSolverOutputOffStdout();
    return new PlannerRecourse(
        PlanOptions.defaults().withTimeLimit(recipe.timeLimit()),
        RecourseMethod.valueOf(recipe.method()),
        recipe.kept());
  }
}
