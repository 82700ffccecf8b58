package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The relaxation's bound from its duals (docs/planner.md, "Lower bound and gap"): equal to the LP
 * optimum at the optimal duals, and a bound for any duals at all, so that no solver tolerance can
 * lift it above the optimum.
 */
class ModelRowsTest {
  /**
   * A random covering LP shaped like the planner's: demand rows {@code Σ θ y = q} whose columns
   * have no upper bound of their own (only the rows imply one), capacity rows {@code Σ y ≤ cap},
   * and a penalised slack per capacity row.
   */
  private static MPSolver randomLp(Random random) {
    MPSolver lp = Natives.solver("GLOP");
    int cells = 2 + random.nextInt(5);
    int demands = 1 + random.nextInt(6);
    MPConstraint[] capacity = new MPConstraint[cells];
    for (int c = 0; c < cells; c++) {
      capacity[c] = lp.makeConstraint(-MPSolver.infinity(), 50 + random.nextInt(200), "cap" + c);
      MPVariable over = lp.makeNumVar(0, MPSolver.infinity(), "over" + c);
      capacity[c].setCoefficient(over, -1);
      lp.objective().setCoefficient(over, 1_000);
    }
    for (int d = 0; d < demands; d++) {
      double q = 10 + random.nextInt(100);
      MPConstraint row = lp.makeConstraint(q, q, "demand" + d);
      for (int c = 0; c < cells; c++) {
        if (random.nextInt(3) == 0) continue;
        MPVariable y = lp.makeNumVar(0, MPSolver.infinity(), "y" + d + "," + c);
        row.setCoefficient(y, 0.5 + random.nextDouble());
        capacity[c].setCoefficient(y, 1);
        lp.objective().setCoefficient(y, 1 + 9 * random.nextDouble());
      }
      MPVariable unmet = lp.makeNumVar(0, MPSolver.infinity(), "unmet" + d);
      row.setCoefficient(unmet, 1);
      lp.objective().setCoefficient(unmet, 500);
    }
    lp.objective().setMinimization();
    return lp;
  }

  @Test
  void theDualBoundIsTheOptimumAtTheOptimalDualsAndABoundForAnyOther() {
    Random random = new Random(9);
    for (int trial = 0; trial < 200; trial++) {
      MPSolver lp = randomLp(random);
      try {
        assertThat(Natives.solve(lp)).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        double optimum = lp.objective().value();
        ModelRows rows = ModelRows.of(lp);
        double[] y = ModelRows.duals(lp);
        assertThat(rows.dualBound(y))
            .as("trial %d at the optimal duals", trial)
            .isCloseTo(optimum, org.assertj.core.data.Offset.offset(1e-6 * (1 + optimum)));
        for (int k = 0; k < 20; k++) {
          double[] other = y.clone();
          for (int i = 0; i < other.length; i++) other[i] += 20 * random.nextGaussian();
          assertThat(rows.dualBound(other))
              .as("trial %d, perturbed duals %d", trial, k)
              .isLessThanOrEqualTo(optimum + 1e-6 * (1 + optimum));
        }
      } finally {
        lp.delete();
      }
    }
  }

  @Test
  void aReducedCostPressingOnAnUnboundedColumnWithNoRowToBoundItGivesNoBound() {
    MPSolver lp = Natives.solver("GLOP");
    try {
      MPVariable x = lp.makeNumVar(0, MPSolver.infinity(), "x");
      MPConstraint row = lp.makeConstraint(1, MPSolver.infinity(), "atLeastOne");
      row.setCoefficient(x, 1);
      lp.objective().setCoefficient(x, 1);
      lp.objective().setMinimization();
      ModelRows rows = ModelRows.of(lp);
      assertThat(rows.dualBound(new double[] {1})).isEqualTo(1.0);
      // y = 2 makes d = -1 on x, whose upper bound no row implies: no finite bound follows
      assertThat(rows.dualBound(new double[] {2})).isEqualTo(Double.NEGATIVE_INFINITY);
    } finally {
      lp.delete();
    }
  }
}
