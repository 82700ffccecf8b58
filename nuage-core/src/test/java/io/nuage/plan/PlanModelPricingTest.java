package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import io.nuage.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pricing of gang options outside a restricted model (docs/planner.md, "Column generation")
 * must be the solver's own reduced cost of the same column inside the whole model: the column the
 * pricing reads is written a second time, apart from the build, and this holds the two together.
 */
class PlanModelPricingTest {
  @Test
  void pricingAnOptionGivesTheSolversReducedCostOnRandomAndGeneratedScenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      scenarios.add(RandomScenariosTest.scenario(new Random(seed)));
    }
    for (long seed = 1; seed <= 3; seed++) {
      scenarios.add(
          ScenarioParser.parse(
              ScenarioGenerator.generate(new GenerateSpec(60, 4, 24, seed, 2), SharedData.root()),
              "generated.yaml",
              Path.of(".")));
    }
    int compared = 0;
    for (Scenario s : scenarios) {
      if (!s.contracts(RightOfFirstRefusal.class).isEmpty()) continue;
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      MPSolver lp = Natives.solver("GLOP");
      try {
        PlanModel m = new PlanModel(data, lp, PlanModel.Mode.MIP, null, null, false, true).build();
        lp.setSolverSpecificParametersAsString("use_preprocessing: false");
        if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) continue;
        // the pricing of column generation: reduced costs from the row duals alone
        ModelRows rows = ModelRows.of(lp);
        double[] y = rows.effectiveDuals(ModelRows.duals(lp));
        double[] d = rows.reducedCosts(y);
        var probes = m.reducedCosts();
        for (GangOption o : data.options) {
          double solver = m.x[o.index()].reducedCost();
          assertThat(probes.applyAsDouble(o)).isEqualTo(solver);
          assertThat(m.reducedCost(o, y, d))
              .as("%s option %d", s.name(), o.index())
              .isCloseTo(
                  solver, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(solver))));
          compared++;
        }
        for (FleetDemand fd : data.demands) {
          for (int k = 0; k < fd.cells().size(); k++) {
            if (fd.cells().get(k).totalGpus(fd.month()) == 0) continue;
            double solver = m.y[fd.index()][k].reducedCost();
            assertThat(m.reducedCostOfFleetCell(fd, k, y, d))
                .as("%s fleet %d cell %d", s.name(), fd.index(), k)
                .isCloseTo(
                    solver, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(solver))));
            compared++;
          }
        }
      } finally {
        lp.delete();
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  /**
   * A model built with half of the options and half of the fleet splits, given the other halves by
   * {@code addOption} and {@code addFleetCell}, has the whole model's LP optimum: the added columns
   * are the build's.
   */
  @Test
  void optionsAndFleetCellsAddedLaterGiveTheWholeModelsOptimum() {
    int compared = 0;
    for (long seed = 1; seed <= 30; seed++) {
      Scenario s =
          seed <= 27
              ? RandomScenariosTest.scenario(new Random(seed))
              : ScenarioParser.parse(
                  ScenarioGenerator.generate(
                      new GenerateSpec(60, 4, 24, seed, 2), SharedData.root()),
                  "generated.yaml",
                  Path.of("."));
      if (!s.contracts(RightOfFirstRefusal.class).isEmpty()) continue;
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      double whole = lpOptimum(data, null);
      if (Double.isNaN(whole)) continue; // an infeasible scenario
      boolean[] half = new boolean[data.options.size()];
      for (int i = 0; i < half.length; i += 2) half[i] = true;
      MPSolver lp = Natives.solver("GLOP");
      try {
        boolean[][] someCells = new boolean[data.demands.size()][];
        for (FleetDemand d : data.demands) {
          someCells[d.index()] = new boolean[d.cells().size()];
          for (int k = 0; k < d.cells().size(); k += 2) someCells[d.index()][k] = true;
        }
        PlanModel m =
            new PlanModel(data, lp, PlanModel.Mode.MIP, null, half, true, true)
                .withFleetCells(someCells)
                .build();
        for (GangOption o : data.options) m.addOption(o);
        for (FleetDemand d : data.demands) {
          for (int k = 0; k < d.cells().size(); k++) m.addFleetCell(d, k);
        }
        lp.setSolverSpecificParametersAsString("use_preprocessing: false");
        assertThat(Natives.solve(lp)).as("seed %d", seed).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        assertThat(lp.objective().value())
            .as("seed %d", seed)
            .isCloseTo(whole, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(whole))));
        compared++;
      } finally {
        lp.delete();
      }
    }
    assertThat(compared).isGreaterThan(15);
  }

  private static double lpOptimum(PlanData data, boolean[] active) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      new PlanModel(data, lp, PlanModel.Mode.MIP, null, active, false, false).build();
      return Natives.solve(lp) == MPSolver.ResultStatus.OPTIMAL
          ? lp.objective().value()
          : Double.NaN;
    } finally {
      lp.delete();
    }
  }
}
