package io.nuage.server;

import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.scenario.Scenario;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The real planner behind plan jobs. The optimiser reports no progress of its own, so progress is
 * the share of the time limit used so far (capped at 0.95 until it returns): an honest upper bound
 * on the wait. A cancelled job's result is discarded when the solver returns; the solve itself
 * cannot be interrupted.
 */
public final class OptimiserSolver implements PlanSolver {
  private final PlanOptions options;

  public OptimiserSolver(PlanOptions options) {
    this.options = options;
  }

  @Override
  public SolvedPlan solve(Scenario scenario, String fileName, PlanProgress progress) {
    return ticking(
        options,
        progress,
        () -> {
          PlanOutcome outcome = Planner.plan(scenario, options);
          return new SolvedPlan(
              !(outcome instanceof PlanOutcome.Infeasible), PlanJson.write(outcome));
        });
  }

  /** Runs {@code work}, reporting the share of the time limit used so far (0.95 at most). */
  static <T> T ticking(
      PlanOptions options, PlanProgress progress, java.util.function.Supplier<T> work) {
    long t0 = System.nanoTime();
    double limitNanos = options.timeLimitSeconds() * 1e9;
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("nuage-plan-progress").daemon(true).factory());
    ticker.scheduleAtFixedRate(
        () -> progress.report(Math.min(0.95, (System.nanoTime() - t0) / limitNanos)),
        0,
        200,
        TimeUnit.MILLISECONDS);
    try {
      return work.get();
    } finally {
      ticker.shutdownNow();
    }
  }
}
