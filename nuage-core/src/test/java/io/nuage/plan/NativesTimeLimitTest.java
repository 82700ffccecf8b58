package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * CBC through OR-Tools can answer INFEASIBLE when its time limit stops it before any solution
 * (google/or-tools#2480; seen by the issue 9 review in a neighbourhood MIP): a solve under a limit
 * must never pass for a proof of infeasibility, and says that it hit its limit.
 */
class NativesTimeLimitTest {
  @Test
  void aFeasibleMipStoppedByItsLimitIsNeverReportedInfeasible() {
    PlanData data =
        new PlanData(
            ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml")),
            PlanOptions.defaults().maxGangOptions());
    for (int limit : new int[] {1, 5, 20}) {
      MPSolver mip = Natives.solver(Natives.MIP);
      try {
        new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
        Natives.Timed timed = Natives.solveWithin(mip, new MPSolverParameters(), limit);
        assertThat(timed.status())
            .as("%d ms", limit)
            .isNotEqualTo(MPSolver.ResultStatus.INFEASIBLE);
        assertThat(timed.status()).as("%d ms", limit).isNotEqualTo(MPSolver.ResultStatus.OPTIMAL);
        assertThat(timed.hitLimit()).as("%d ms", limit).isTrue();
        assertThat(timed.seconds()).isGreaterThanOrEqualTo(0.95 * limit / 1000.0);
      } finally {
        mip.delete();
      }
    }
  }
}
