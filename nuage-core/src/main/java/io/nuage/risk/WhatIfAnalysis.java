package io.nuage.risk;

import io.nuage.contract.CommittedSpend;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Serves a scenario as written and one named future of it with the {@code replan} recourse
 * (docs/risk.md section 5), each checked by the plan verifier against its own future before its
 * figures are used: {@code nuage whatif}, and each row of {@link Concentration}.
 */
public final class WhatIfAnalysis {
  private final Scenario scenario;
  private final PlanOptions options;
  private final RecourseMethod method;

  public WhatIfAnalysis(Scenario scenario, PlanOptions options, RecourseMethod method) {
    this.scenario = scenario;
    this.options = options;
    this.method = method;
  }

  /** The scenario as written, served and verified: the base every what-if is compared with. */
  public RecoursePlan base() {
    return serve(WhatIf.NONE.future(scenario), "the scenario as written");
  }

  /** The future {@code w} makes of the scenario, served and verified. */
  public RecoursePlan serve(WhatIf w) {
    return serve(w.future(scenario), "the what-if (" + String.join("; ", w.changes()) + ")");
  }

  /**
   * The scenario as written solved exactly as {@code nuage plan} solves it (docs/risk.md section
   * 2.2): its total, the as-written figure reported beside the base; empty when it has no plan
   * (then the base, served by the recourse, stands for it).
   */
  public Optional<BigDecimal> planned() {
    return switch (Planner.plan(scenario, options)) {
      case PlanOutcome.Optimal o -> Optional.of(o.plan().totalCost());
      case PlanOutcome.Feasible f -> Optional.of(f.plan().totalCost());
      case PlanOutcome.Infeasible i -> Optional.empty();
    };
  }

  /**
   * {@code future}, the plan of {@code w}, against {@code base}, the scenario as written served by
   * the same recourse; {@code asWritten} is the plan's total ({@link #planned()}).
   */
  public WhatIfResult result(
      BigDecimal asWritten, RecoursePlan base, WhatIf w, RecoursePlan future) {
    return new WhatIfResult(
        scenario.name(),
        scenario.currency(),
        w,
        method,
        asWritten,
        base,
        future,
        contractStarts(scenario));
  }

  /** The same against a base that is the plan itself (a plan file): it is the as-written figure. */
  public WhatIfResult result(RecoursePlan base, WhatIf w, RecoursePlan future) {
    return result(base.totalCost(), base, w, future);
  }

  /** All three: the plan as written (beside, on its own thread), the base, then the future. */
  public WhatIfResult run(WhatIf w) {
    Future future = w.future(scenario); // names checked before the first solve
    CompletableFuture<Optional<BigDecimal>> planning = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("nuage-whatif-plan")
        .daemon()
        .start(
            () -> {
              try {
                planning.complete(planned());
              } catch (Throwable e) {
                planning.completeExceptionally(e);
              }
            });
    RecoursePlan base = base();
    RecoursePlan served = serve(future, "the what-if (" + String.join("; ", w.changes()) + ")");
    BigDecimal asWritten = joined(planning).orElse(base.totalCost());
    return result(asWritten, base, w, served);
  }

  static <T> T joined(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while planning the scenario as written", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  private RecoursePlan serve(Future drawn, String label) {
    Scenario future = FutureScenario.of(scenario, drawn);
    RecourseTerms terms = PlannerRecourse.terms(future, drawn);
    RecoursePlan served = Planner.serve(future, options, terms, method);
    // Planner.serve checks its plan already; a what-if's figures are read one by one by people,
    // so the check is repeated here, where they are taken
    List<Violation> broken = PlanVerifier.verify(future, terms, served);
    if (!broken.isEmpty())
      throw new IllegalStateException(
          "the plan of "
              + label
              + " breaks its future: "
              + broken.stream().limit(3).map(v -> v.rule() + ": " + v.message()).toList());
    return served;
  }

  /** The first month of each committed-spend contract's term, for its contract years. */
  static Map<String, YearMonth> contractStarts(Scenario s) {
    Map<String, YearMonth> starts = new HashMap<>();
    for (CommittedSpend c : s.contracts(CommittedSpend.class)) starts.put(c.id(), c.term().start());
    return starts;
  }
}
