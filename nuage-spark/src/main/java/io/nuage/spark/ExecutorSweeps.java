package io.nuage.spark;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.Draws;
import io.nuage.risk.Future;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.Recourse;
import io.nuage.risk.Served;
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

/**
 * The executor's side of a sweep. Per JVM, one parsed scenario per sweep (OR-Tools' natives load
 * once with the first model); per task thread, one recourse kept across every future it serves, as
 * the embedded engine keeps one per thread.
 */
final class ExecutorSweeps {
  private record Key(String scenarioHash, String method, double timeLimit, Map<?, ?> kept) {}

  private static final Map<Key, Scenario> SCENARIOS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<Key, Recourse>> RECOURSES =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private ExecutorSweeps() {}

  /** Serves the futures numbered {@code samples} of {@code draws}, in order. */
  static Iterator<Served> serve(SweepRecipe recipe, Draws draws, Iterator<Long> samples) {
    Key key = new Key(recipe.scenarioHash(), recipe.method(), recipe.timeLimit(), recipe.kept());
    Scenario scenario =
        SCENARIOS.computeIfAbsent(
            key,
            k ->
                ScenarioParser.parse(
                    recipe.scenarioYaml(), recipe.displayName(), Path.of(recipe.baseDir())));
    Recourse recourse = RECOURSES.get().computeIfAbsent(key, k -> recourse(recipe));
    LongFunction<Future> drawer = draws.of(scenario);
    List<Served> out = new ArrayList<>();
    while (samples.hasNext()) {
      Future f = drawer.apply(samples.next());
      out.add(recourse.serve(FutureScenario.of(scenario, f), f));
    }
    return out.iterator();
  }

  private static Recourse recourse(SweepRecipe recipe) {
    Planner.keepSolverOutputOffStdout();
    return new PlannerRecourse(
        PlanOptions.defaults().withTimeLimit(recipe.timeLimit()),
        RecourseMethod.valueOf(recipe.method()),
        recipe.kept());
  }
}
