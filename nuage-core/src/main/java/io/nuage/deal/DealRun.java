package io.nuage.deal;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.FuturePool;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.RiskAnalysis;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@code nuage deal --scale}, for the CLI and the server alike (docs/deals.md sections 2
 * and 3): the evaluation on a pool of {@code workers} recourses of the chosen method, then, unless
 * left out, the break-even on a pool of two MIP recourses (the two re-plans of a level side by
 * side); {@code --optimise} asks for the break-even alone.
 *
 * @param options the planner's options for every recourse plan (its time limit per future)
 * @param method the evaluation's recourse ({@code rounded} or {@code mip}; unused by the
 *     break-even)
 * @param workers threads serving the evaluation's futures, at least 1
 * @param breakEvenTolerance the break-even bracket's width; null: no break-even
 */
public record DealRun(
    PlanOptions options,
    RecourseMethod method,
    int workers,
    @Nullable BigDecimal breakEvenTolerance) {
  public DealRun {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(method, "method");
    if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
    if (breakEvenTolerance != null && breakEvenTolerance.signum() <= 0)
      throw new IllegalArgumentException("the break-even tolerance must be above 0");
  }

  /**
   * The report of {@code evaluation}, with the break-even of contract {@code contractId} of {@code
   * scenario} (the evaluation's) unless left out.
   *
   * @param futures told how many futures the evaluation serves, then of each one served
   * @param breakEven as {@link #breakEven}'s progress; either may stop the run by throwing
   */
  public DealReport run(
      DealEvaluation evaluation,
      Scenario scenario,
      String contractId,
      RiskAnalysis.Progress futures,
      RiskAnalysis.Progress breakEven) {
    DealReport report = evaluate(evaluation, futures);
    if (breakEvenTolerance == null) return report;
    return DealEvaluation.withBreakEven(report, breakEven(scenario, contractId, breakEven));
  }

  /** The evaluation alone (section 2), its futures served on {@code workers} threads. */
  public DealReport evaluate(DealEvaluation evaluation, RiskAnalysis.Progress futures) {
    futures.start(evaluation.servings());
    try (FuturePool pool =
        new FuturePool(workers, () -> new PlannerRecourse(options, method, Map.of()), futures)) {
      return evaluation.run(pool);
    }
  }

  /**
   * The written deal's break-even demand (section 3), by bisection on MIP re-plans with the deal
   * {@code contractId} of {@code scenario} and without it.
   *
   * @param progress told when the search starts (with 0 futures: their count is not known in
   *     advance), then of each re-plan served
   * @throws IllegalStateException when this run leaves the break-even out
   */
  public BreakEven breakEven(Scenario scenario, String contractId, RiskAnalysis.Progress progress) {
    if (breakEvenTolerance == null)
      throw new IllegalStateException("this run leaves the break-even out");
    progress.start(0);
    var deal = DealEvaluation.committedSpend(scenario, contractId);
    try (FuturePool pool =
        new FuturePool(
            Math.min(2, workers),
            () -> new PlannerRecourse(options, RecourseMethod.MIP, Map.of()),
            progress)) {
      return new BreakEvenSearch(
              scenario.withContract(deal.id(), deal),
              scenario.withContract(deal.id(), null),
              pool,
              breakEvenTolerance)
          .run();
    }
  }
}
