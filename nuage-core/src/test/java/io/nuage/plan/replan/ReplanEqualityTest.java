package io.nuage.plan.replan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import io.nuage.workload.TrainingRun;
import java.time.YearMonth;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a re-plan on bills whose first months follow the plan exactly is the plan itself, same
 * placements and same cost to the cent, on the shipped example (a right of first refusal, a share
 * cap, take-or-pay minimums, a reservation and storage all in play).
 */
class ReplanEqualityTest {
  @Test
  void replan_onBillsThatFollowThePlan_isThePlan() {
    Scenario scenario =
        ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    PlanOptions options = PlanOptions.defaults().withTimeLimit(120);
    Plan plan = plan(Planner.plan(scenario, options));
    // the as-of month: one month after the start of the first run that runs several months, so
    // that one run is under way at the as-of date
    YearMonth firstOpen = asOfInsideARun(scenario, plan);
    FixedPast past = PastFromPlan.of(scenario, plan, firstOpen);
    assertThat(past.running()).isNotEmpty();

    Plan replan = plan(Planner.replan(scenario, past, plan.placements(), options));

    assertThat(replan.placements())
        .containsExactlyElementsOf(
            plan.placements().stream().filter(p -> !p.month().isBefore(firstOpen)).toList());
    assertThat(replan.totalCost()).isEqualByComparingTo(plan.totalCost());
    assertThat(replan.costBreakdown().shortfall())
        .isEqualByComparingTo(plan.costBreakdown().shortfall());
    // what was billed and what is left add up to the plan, to the cent
    assertThat(
            replan
                .costBreakdown()
                .actual()
                .add(replan.costBreakdown().usage())
                .add(replan.costBreakdown().reserved())
                .add(replan.costBreakdown().egress())
                .add(replan.costBreakdown().storage()))
        .isEqualByComparingTo(
            plan.costBreakdown()
                .usage()
                .add(plan.costBreakdown().reserved())
                .add(plan.costBreakdown().egress())
                .add(plan.costBreakdown().storage()));
    assertThat(replan.contracts()).hasSameSizeAs(plan.contracts());
    for (int i = 0; i < plan.contracts().size(); i++) {
      assertThat(replan.contracts().get(i).consumed())
          .isEqualByComparingTo(plan.contracts().get(i).consumed());
      assertThat(replan.contracts().get(i).shortfall())
          .isEqualByComparingTo(plan.contracts().get(i).shortfall());
    }
    assertThat(replan.providers()).hasSameSizeAs(plan.providers());
    for (int i = 0; i < plan.providers().size(); i++) {
      assertThat(replan.providers().get(i).spend())
          .isEqualByComparingTo(plan.providers().get(i).spend());
    }
    assertThat(PlanVerifier.verify(scenario, replan)).isEmpty();
  }

  static Plan plan(PlanOutcome outcome) {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> o.plan();
      case PlanOutcome.Feasible f -> f.plan();
      case PlanOutcome.Infeasible i -> throw new AssertionError("infeasible: " + i.reasons());
    };
  }

  static YearMonth asOfInsideARun(Scenario scenario, Plan plan) {
    return scenario.workloads(TrainingRun.class).stream()
        .map(
            run -> {
              var months =
                  plan.placements().stream()
                      .filter(p -> p.workload().equals(run.id()))
                      .map(Placement::month)
                      .sorted()
                      .toList();
              return months.size() >= 2 ? months.getFirst().plusMonths(1) : null;
            })
        .filter(m -> m != null && m.isAfter(scenario.horizon().start()))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }
}
