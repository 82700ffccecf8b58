package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CBC through its C interface, preprocessing off (docs/planner.md, "Solving"): tiny models whose
 * optimum is known by hand, an infeasible one, a model without integers, and random knapsacks
 * against OR-Tools' own CBC on the same model.
 */
class CbcDirectTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void cbcDirect_isAvailableWithOrToolsNatives() {
    assertThat(CbcDirect.available()).isTrue();
  }

  /**
   * min 3a + 5b + 4c + 10 with a + b + c >= 2 (binaries) and 1 <= a + c <= 1 (a ranged row that is
   * an equality): a or c, and b: 3 + 5 + 10 = 18 with a = 1, b = 1, c = 0.
   */
  @Test
  void cbcDirect_smallMipWithOffsetAndRange_findsTheHandOptimum() {
    MPSolver s = Natives.solver(Natives.MIP);
    try {
      MPVariable a = s.makeBoolVar("a");
      MPVariable b = s.makeBoolVar("b");
      MPVariable c = s.makeBoolVar("c");
      MPConstraint cover = s.makeConstraint(2, INF, "cover");
      for (MPVariable v : new MPVariable[] {a, b, c}) cover.setCoefficient(v, 1);
      MPConstraint one = s.makeConstraint(1, 1, "one");
      one.setCoefficient(a, 1);
      one.setCoefficient(c, 1);
      s.objective().setCoefficient(a, 3);
      s.objective().setCoefficient(b, 5);
      s.objective().setCoefficient(c, 4);
      s.objective().setOffset(10);
      CbcDirect.Result r = CbcDirect.solve(s.exportModelToProto(), 1e-9, 10_000);
      assertThat(r.status()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
      assertThat(r.point()).containsExactly(new double[] {1, 1, 0}, within(1e-9));
      assertThat(r.bound()).isCloseTo(18, within(1e-6));
    } finally {
      s.delete();
    }
  }

  @Test
  void cbcDirect_infeasibleMip_saysInfeasibleWithoutAPoint() {
    MPSolver s = Natives.solver(Natives.MIP);
    try {
      MPVariable a = s.makeBoolVar("a");
      MPVariable b = s.makeBoolVar("b");
      MPConstraint row = s.makeConstraint(3, INF, "three");
      row.setCoefficient(a, 1);
      row.setCoefficient(b, 1);
      s.objective().setCoefficient(a, 1);
      CbcDirect.Result r = CbcDirect.solve(s.exportModelToProto(), 1e-9, 10_000);
      assertThat(r.status()).isEqualTo(MPSolver.ResultStatus.INFEASIBLE);
      assertThat(r.point()).isNull();
    } finally {
      s.delete();
    }
  }

  /** Without integers the C interface solves the LP alone: min 2x - y, x >= 2.5, y <= x + 1. */
  @Test
  void cbcDirect_modelWithoutIntegers_isSolvedAsAnLp() {
    MPSolver s = Natives.solver(Natives.MIP);
    try {
      MPVariable x = s.makeNumVar(2.5, INF, "x");
      MPVariable y = s.makeNumVar(0, INF, "y");
      MPConstraint row = s.makeConstraint(-INF, 1, "y-x");
      row.setCoefficient(y, 1);
      row.setCoefficient(x, -1);
      s.objective().setCoefficient(x, 2);
      s.objective().setCoefficient(y, -1);
      CbcDirect.Result r = CbcDirect.solve(s.exportModelToProto(), 1e-9, 10_000);
      assertThat(r.status()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
      assertThat(r.point()).containsExactly(new double[] {2.5, 3.5}, within(1e-9));
      assertThat(r.bound()).isCloseTo(1.5, within(1e-9));
    } finally {
      s.delete();
    }
  }

  /** Seeded random knapsacks with a continuous part: the same optimum as OR-Tools' CBC. */
  @Test
  void cbcDirect_randomKnapsacks_agreeWithOrToolsCbc() {
    Random random = new Random(9);
    for (int t = 0; t < 25; t++) {
      MPSolver s = Natives.solver(Natives.MIP);
      try {
        int n = 4 + random.nextInt(8);
        MPConstraint cap = s.makeConstraint(-INF, 5 + random.nextInt(20), "cap");
        MPConstraint need = s.makeConstraint(1 + random.nextInt(10), INF, "need");
        for (int j = 0; j < n; j++) {
          MPVariable v =
              j % 3 == 0
                  ? s.makeNumVar(0, 3, "v" + j)
                  : s.makeIntVar(0, 1 + random.nextInt(3), "v" + j);
          cap.setCoefficient(v, 1 + random.nextInt(6));
          need.setCoefficient(v, 1 + random.nextInt(4));
          s.objective().setCoefficient(v, 1 + random.nextInt(9) + random.nextDouble());
        }
        MPModelProto model = s.exportModelToProto();
        CbcDirect.Result r = CbcDirect.solve(model, 1e-9, 10_000);
        MPSolver.ResultStatus expected = Natives.solve(s);
        assertThat(r.status()).as("knapsack %d", t).isEqualTo(expected);
        if (expected != MPSolver.ResultStatus.OPTIMAL) continue;
        double objective = s.objective().value();
        assertThat(ModelRows.of(model).objective(r.point()))
            .as("knapsack %d", t)
            .isCloseTo(objective, within(1e-6 * Math.max(1, Math.abs(objective))));
      } finally {
        s.delete();
      }
    }
  }
}
