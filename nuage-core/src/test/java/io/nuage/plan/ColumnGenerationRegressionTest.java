package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Defects the independent review of column generation found (issue 9), kept as regressions. */
class ColumnGenerationRegressionTest {
  private static final PlanOptions CG =
      PlanOptions.defaults().withLargeModelOptions(0).withColumnGenerationAbove(0);

  /**
   * Seed 74 (a share cap of 0.81 and a take-or-pay deal at p0): the MIP and the whole relaxation
   * plan it; column generation's restricted model was INFEASIBLE in round 0 (its slacks repaired
   * gang and demand rows, not share rows) and the planner threw "no plan found". The plan must now
   * be the MIP's optimum to a cent per placement.
   */
  @Test
  void columnGeneration_shareCappedScenario_isPlannedLikeTheWholeRelaxation() {
    Scenario s = RandomScenariosTest.scenario(new Random(74));
    assertThat(Planner.plan(s, PlanOptions.defaults())).isInstanceOf(PlanOutcome.Optimal.class);
    assertThat(Planner.plan(s, PlanOptions.defaults().withLargeModelOptions(0)))
        .isNotInstanceOf(PlanOutcome.Infeasible.class);
    Plan mip = ((PlanOutcome.Optimal) Planner.plan(s, PlanOptions.defaults())).plan();
    PlanOutcome cg = Planner.plan(s, CG); // threw "no plan found" before share-row slacks
    assertThat(cg).isNotInstanceOf(PlanOutcome.Infeasible.class);
    Plan plan = cg instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) cg).plan();
    assertThat(plan.lowerBound()).isLessThanOrEqualTo(mip.totalCost());
    assertThat(plan.totalCost()).isGreaterThanOrEqualTo(mip.lowerBound());
  }

  /**
   * PlanModel.valuesOf read a shortfall year's consumption from the LinearSum captured at build:
   * columns brought in later by addOption/addFleetCell were missing, so the shortfall was
   * overstated and the "owes" logic binary set to 1 where the whole model's is 0 (placeFleetsIn
   * fixes the binaries at these values).
   */
  @Test
  void valuesOf_afterColumnsAddedLater_matchesTheWholeModel() {
    List<String> diffs = new ArrayList<>();
    for (long seed = 1; seed <= 300; seed++) {
      Scenario s = RandomScenariosTest.scenario(new Random(seed));
      if (!s.contracts(RightOfFirstRefusal.class).isEmpty()) continue;
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      if (!FeasibilityPrecheck.check(data).isEmpty()) continue;
      MPSolver mip = Natives.solver("CBC");
      MPSolver lp = Natives.solver("GLOP");
      try {
        PlanModel full = new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
        if (full.logic.isEmpty() || full.shortfalls.isEmpty()) continue;
        if (Natives.solve(mip) != MPSolver.ResultStatus.OPTIMAL) continue;
        Assignment a = full.solution();
        boolean[] first = new boolean[data.options.size()];
        for (List<GangOption> os : data.optionsByRun) first[os.get(0).index()] = true;
        boolean[][] cells = new boolean[data.demands.size()][];
        for (FleetDemand d : data.demands) {
          cells[d.index()] = new boolean[d.cells().size()];
          cells[d.index()][0] = true;
        }
        PlanModel m =
            new PlanModel(data, lp, PlanModel.Mode.MIP, null, first, true, true)
                .withFleetCells(cells)
                .build();
        for (GangOption o : data.options) m.addOption(o);
        for (FleetDemand d : data.demands)
          for (int k = 0; k < d.cells().size(); k++) m.addFleetCell(d, k);
        Map<MPVariable, Double> vf = full.valuesOf(a);
        Map<MPVariable, Double> vr = m.valuesOf(a);
        for (String key : full.shortfalls.keySet()) {
          double sf = vf.get(full.shortfalls.get(key).shortfall());
          double sr = vr.get(m.shortfalls.get(key).shortfall());
          if (Math.abs(sf - sr) > 1e-9)
            diffs.add(
                "seed " + seed + " shortfall[" + key + "] whole " + sf + " $M, restricted " + sr);
        }
      } finally {
        mip.delete();
        lp.delete();
      }
    }
    assertThat(diffs).isEmpty();
  }

  /**
   * Column generation reads a plan's shadow prices and next best from the LP that placed its fleets
   * (the gang-fixed LP, no second model of it): its next best must be what the separate fixed LP
   * says for the same plan.
   */
  @Test
  void explanationsFromThePlacingLp_nextBestAsTheSeparateFixedLp() {
    int compared = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Scenario s = RandomScenariosTest.scenario(new Random(seed));
      if (!s.contracts(RightOfFirstRefusal.class).isEmpty()) continue;
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      if (!FeasibilityPrecheck.check(data).isEmpty()) continue;
      RelaxAndRound.Result r = RelaxAndRound.solve(data, new Deadline(60), new ArrayList<>(), 0);
      if (r.explained() == null) continue;
      Assignment plan = r.explained().of();
      Planner.Explanations separate =
          Planner.explain(data, plan, PlanCosting.price(data, plan).providers(), new Deadline(60));
      assertThat(separate.dualsSolved()).isTrue();
      List<NextBest> mine = r.explained().why().nextBest();
      assertThat(mine).hasSameSizeAs(separate.nextBest());
      for (int j = 0; j < mine.size(); j++) {
        NextBest a = mine.get(j);
        NextBest b = separate.nextBest().get(j);
        assertThat(a.workload()).isEqualTo(b.workload());
        if (a.extraCost() != null && b.extraCost() != null) {
          assertThat(a.extraCost().subtract(b.extraCost()).abs())
              .as("seed %d %s", seed, a.workload())
              .isLessThanOrEqualTo(new java.math.BigDecimal("0.02"));
        }
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(15);
  }
}
