package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Plans a scenario (docs/planner.md): pre-checks each workload, prices the baselines, solves the
 * MIP with SCIP warm-started from the best baseline, reads shadow prices from the LP with the gang
 * choices fixed, and prices the result exactly.
 */
public final class Planner {
  private Planner() {}

  public static PlanOutcome plan(Scenario scenario, PlanOptions options) {
    long started = System.nanoTime();
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    List<InfeasibilityReason> reasons = FeasibilityPrecheck.check(data);
    if (!reasons.isEmpty()) return new PlanOutcome.Infeasible(scenario.name(), reasons, List.of());
    List<Baselines.Result> baselines = Baselines.all(data);
    Baselines.Result best =
        baselines.stream()
            .filter(b -> b.baseline().feasible() && b.assignment() != null)
            .min(Comparator.comparing(b -> b.baseline().totalCost()))
            .orElse(null);

    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      PlanModel model = new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      if (best != null) hint(mip, model.valuesOf(best.assignment()));
      mip.setTimeLimit((long) (options.timeLimitSeconds() * 1000));
      MPSolverParameters params = new MPSolverParameters();
      params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeGap());
      MPSolver.ResultStatus status = mip.solve(params);
      boolean solved =
          status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
      if (!solved && best == null) {
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
          return new PlanOutcome.Infeasible(
              scenario.name(),
              InfeasibilityAnalysis.explain(data, options.timeLimitSeconds()),
              baselineList(baselines));
        }
        throw new io.nuage.core.NuageException(
            "no plan found within the time limit of "
                + options.timeLimitSeconds()
                + " s and no baseline is feasible ("
                + String.join(
                    "; ",
                    baselines.stream()
                        .map(b -> b.baseline().name() + ": " + b.baseline().note())
                        .toList())
                + "; model: "
                + data.options.size()
                + " gang options, "
                + data.demands.size()
                + " demand rows); try a larger --time-limit");
      }
      double bound = mip.objective().bestBound();
      Assignment chosen = solved ? model.solution() : best.assignment();
      PlanCosting.Priced priced = PlanCosting.price(data, chosen);
      String source = "solver";
      if (best != null && best.priced().total().compareTo(priced.total()) < 0) {
        chosen = best.assignment();
        priced = best.priced();
        source = "baseline " + best.baseline().name();
      }
      Map<MPVariable, Double> values = model.valuesOf(chosen);
      Explanations why = explain(data, chosen, model, values, priced.providers());
      BigDecimal lowerBound = lowerBound(bound, priced);
      BigDecimal gap =
          priced.total().signum() == 0
              ? BigDecimal.ZERO
              : priced
                  .total()
                  .subtract(lowerBound)
                  .divide(priced.total(), 6, RoundingMode.HALF_UP)
                  .max(BigDecimal.ZERO);
      double seconds = (System.nanoTime() - started) / 1e9;
      Plan plan =
          new Plan(
              scenario.name(),
              priced.total(),
              lowerBound,
              gap,
              data.optionsPruned,
              seconds,
              source,
              priced.breakdown(),
              baselineList(baselines),
              priced.placements(),
              priced.egress(),
              priced.providers(),
              priced.contracts(),
              why.binding(),
              RightOfFirstRefusalReport.report(data, priced.placements()),
              why.nextBest());
      return gap.doubleValue() <= options.relativeGap() + 1e-9
          ? new PlanOutcome.Optimal(plan)
          : new PlanOutcome.Feasible(plan, gap);
    } finally {
      mip.delete();
    }
  }

  /**
   * The MIP exactly as the solver sees it, in free MPS; its optimum plus fixedCost is the total
   * cost.
   */
  public static String exportMps(Scenario scenario, PlanOptions options) {
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      return mip.exportModelAsMpsFormat(false, false);
    } finally {
      mip.delete();
    }
  }

  private static void hint(MPSolver solver, Map<MPVariable, Double> values) {
    MPVariable[] vars = values.keySet().toArray(MPVariable[]::new);
    double[] v = new double[vars.length];
    for (int i = 0; i < vars.length; i++) v[i] = values.get(vars[i]);
    solver.setHint(vars, v);
  }

  private static BigDecimal lowerBound(double bound, PlanCosting.Priced priced) {
    BigDecimal fixed = priced.breakdown().fixed();
    if (Double.isNaN(bound) || Double.isInfinite(bound)) return fixed;
    BigDecimal lb = BigDecimal.valueOf(bound).setScale(2, RoundingMode.FLOOR).add(fixed);
    // The solver proves its bound up to its tolerances; a bound above the exact total is rounding.
    return lb.min(priced.total()).max(fixed);
  }

  /** What the LP with the gang choices fixed says: binding constraints and next-best options. */
  record Explanations(List<Binding> binding, List<NextBest> nextBest) {}

  private static Explanations explain(
      PlanData data,
      Assignment chosen,
      PlanModel mip,
      Map<MPVariable, Double> values,
      List<ProviderYear> providers) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      PlanModel fixed = new PlanModel(data, lp, PlanModel.Mode.FIXED_LP, chosen).build();
      java.util.Map<MPVariable, Double> byFixedVar = new java.util.HashMap<>();
      for (int g = 0; g < mip.rofrGroups.size(); g++) {
        byFixedVar.put(
            fixed.rofrGroups.get(g).b(), values.getOrDefault(mip.rofrGroups.get(g).b(), 0.0));
      }
      fixed.fixRofr(byFixedVar);
      // Presolve turns one-variable capacity rows into bounds and their duals into reduced costs.
      lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      MPSolver.ResultStatus status = lp.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) return new Explanations(List.of(), List.of());
      return new Explanations(ShadowPrices.of(fixed, providers), nextBest(data, chosen, fixed));
    } finally {
      lp.delete();
    }
  }

  private static List<Baseline> baselineList(List<Baselines.Result> results) {
    return results.stream().map(Baselines.Result::baseline).toList();
  }

  /**
   * For each run, the option in another cell with the lowest reduced cost in the fixed LP: the
   * difference of reduced costs is what switching would add to the plan at its shadow prices.
   */
  static List<NextBest> nextBest(PlanData data, Assignment chosen, PlanModel lp) {
    List<NextBest> out = new ArrayList<>();
    for (int j = 0; j < data.runs.size(); j++) {
      GangOption mine = data.options.get(chosen.optionOfRun()[j]);
      double mineRc = lp.x[mine.index()].reducedCost();
      GangOption alt = null;
      double altRc = Double.POSITIVE_INFINITY;
      for (GangOption o : data.optionsByRun.get(j)) {
        if (o.cell() == mine.cell()) continue;
        double rc = lp.x[o.index()].reducedCost();
        if (rc < altRc) {
          alt = o;
          altRc = rc;
        }
      }
      if (alt == null) continue;
      BigDecimal extra =
          BigDecimal.valueOf(Math.max(0, altRc - mineRc)).setScale(2, RoundingMode.HALF_EVEN);
      out.add(
          new NextBest(
              data.runs.get(j).id(),
              alt.cell().region()
                  + " "
                  + alt.cell().accName()
                  + " from "
                  + data.months.get(alt.start()),
              extra,
              data.effectiveCost(alt).setScale(2, RoundingMode.HALF_EVEN)));
    }
    return out;
  }
}
