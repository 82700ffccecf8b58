package io.nuage.risk;

import io.nuage.contract.CommittedSpend;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** {@code future}, the plan of {@code w}, against {@code base}. */
  public WhatIfResult result(RecoursePlan base, WhatIf w, RecoursePlan future) {
    return new WhatIfResult(
        scenario.name(), scenario.currency(), w, method, base, future, contractStarts(scenario));
  }

  /** Both: the base, then the future. */
  public WhatIfResult run(WhatIf w) {
    Future future = w.future(scenario); // names checked before the first solve
    RecoursePlan base = base();
    return result(base, w, serve(future, "the what-if (" + String.join("; ", w.changes()) + ")"));
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
