package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import org.junit.jupiter.api.Test;

/** The time limit is a deadline for the whole plan, not for each solver call (docs/planner.md). */
class TimeLimitTest {
  @Test
  void timeLimit_boundsTheWholePlanNotEachSolverCall() {
    // The example's MIP alone needs about 11 s; pre-checks and baselines about 1-2 s before it.
    // Before, the MIP had its own 6 s after the baselines and its model build, and the relaxation
    // and rounding that follow a MIP without a solution each their own 6 s again: 22 s measured.
    // Now the MIP gets what is left of the 6 s. CBC itself overruns its limit by a few seconds
    // (measured 8.8 s for 4.9 s left, at its root), hence the margin; still well under 22 s.
    double limit = 6;
    var scenario = ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    long started = System.nanoTime();
    PlanOutcome out = Planner.plan(scenario, PlanOptions.defaults().withTimeLimit(limit));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(out).isNotInstanceOf(PlanOutcome.Infeasible.class);
    assertThat(seconds).as(() -> "phases " + timings(out)).isLessThan(limit + 8);
  }

  private static Object timings(PlanOutcome out) {
    return switch (out) {
      case PlanOutcome.Optimal o -> o.plan().timings();
      case PlanOutcome.Feasible f -> f.plan().timings();
      case PlanOutcome.Infeasible i -> "infeasible";
    };
  }
}
