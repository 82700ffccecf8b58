package io.nuage.plan;

import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The path for models too large for the MIP: LP relaxation bound, rounded gangs, LP fleets. */
class RelaxAndRoundTest {
  @Test
  void largeModelPath_givesAFeasiblePlanBetweenItsBoundAndTheBaselines() {
    // Three runs compete for two regions; the MIP optimum is the reference.
    var s =
        new TinyScenario("2027-01", "2027-04")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "2.40", 16)
            .region("c/r1", "US", A100, "1.10", 32)
            .training("r1", 16, "900", "2027-01", "2027-03")
            .training("r2", 8, "1200", "2027-01", "2027-04")
            .training("r3", 16, "400", "2027-02", "2027-04")
            .fleet("f", "US", Set.of("a/r1", "b/r1", "c/r1"), "2000")
            .build();
    Plan mip = PlanAssertions.optimal(s);
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults().withLargeModelOptions(0));
    Plan rounded =
        out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
    assertThat(rounded.totalCost()).isGreaterThanOrEqualTo(mip.totalCost());
    assertThat(rounded.lowerBound()).isLessThanOrEqualTo(mip.totalCost());
    assertThat(rounded.source())
        .isIn("relaxation rounded", "baseline list-price", "baseline commitments-first");
    for (Baseline b : rounded.baselines()) {
      if (b.feasible()) assertThat(rounded.totalCost()).isLessThanOrEqualTo(b.totalCost());
    }
  }
}
