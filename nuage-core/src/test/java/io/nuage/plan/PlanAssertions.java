package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Scenario;

/** Plans a tiny scenario and returns its proven-optimal plan. */
final class PlanAssertions {
  private PlanAssertions() {}

  static Plan optimal(Scenario s) {
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    assertThat(out).as(() -> PlanJson.write(out)).isInstanceOf(PlanOutcome.Optimal.class);
    Plan plan = ((PlanOutcome.Optimal) out).plan();
    assertThat(plan.totalCost()).isEqualByComparingTo(plan.costBreakdown().total());
    // a bound on every plan's reported total: a cent per placement below the objective, for the
    // rounding of money (issue 9 review D1: a bound equal to one plan's objective was cents above
    // another plan's exact total)
    assertThat(plan.lowerBound())
        .isLessThanOrEqualTo(
            plan.totalCost()
                .subtract(
                    new java.math.BigDecimal("0.01")
                        .multiply(java.math.BigDecimal.valueOf(plan.placements().size() + 1L)))
                .max(plan.fixedCost()));
    for (Baseline b : plan.baselines()) {
      if (b.feasible()) assertThat(plan.totalCost()).isLessThanOrEqualTo(b.totalCost());
    }
    return plan;
  }

  static PlanOutcome.Infeasible infeasible(Scenario s) {
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    assertThat(out).as(() -> PlanJson.write(out)).isInstanceOf(PlanOutcome.Infeasible.class);
    return (PlanOutcome.Infeasible) out;
  }
}
