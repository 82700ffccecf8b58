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
    Deadline deadline = new Deadline(options.timeLimitSeconds());
    Stopwatch clock = new Stopwatch();
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    List<InfeasibilityReason> reasons = FeasibilityPrecheck.check(data);
    if (!reasons.isEmpty()) return new PlanOutcome.Infeasible(scenario.name(), reasons, List.of());
    clock.lap("model data and pre-checks");
    List<Baselines.Result> baselines = Baselines.all(data);
    clock.lap("baselines");
    Baselines.Result best =
        baselines.stream()
            .filter(b -> b.baseline().feasible() && b.assignment() != null)
            .min(Comparator.comparing(b -> b.baseline().totalCost()))
            .orElse(null);

    Solved solved =
        data.options.size() > options.largeModelOptions()
            ? relaxAndRound(data, deadline)
            : solveMip(data, options, best, deadline);
    if (solved.assignment() == null
        && solved.status() != MPSolver.ResultStatus.INFEASIBLE
        && data.options.size() <= options.largeModelOptions()) {
      // The MIP ran out of time without a solution: round its relaxation instead.
      Solved rounded = relaxAndRound(data, deadline);
      if (rounded.assignment() != null) solved = rounded;
    }
    if (solved.assignment() == null && best == null) {
      if (solved.status() == MPSolver.ResultStatus.INFEASIBLE) {
        return new PlanOutcome.Infeasible(
            scenario.name(),
            InfeasibilityAnalysis.explain(data, deadline.remainingSeconds()),
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
    clock.lap(
        data.options.size() > options.largeModelOptions()
            ? "relax and round"
            : "MIP (build and solve)");
    double bound = solved.bound();
    if (!(bound > 0) || Double.isInfinite(bound)) {
      // The MIP stopped before proving a bound: the LP relaxation is one.
      bound = RelaxAndRound.relaxation(data, deadline, null);
    }
    Assignment chosen = solved.assignment() != null ? solved.assignment() : best.assignment();
    PlanCosting.Priced priced = PlanCosting.price(data, chosen);
    String source =
        solved.assignment() != null ? solved.source() : "baseline " + best.baseline().name();
    if (best != null && best.priced().total().compareTo(priced.total()) < 0) {
      chosen = best.assignment();
      priced = best.priced();
      source = "baseline " + best.baseline().name();
    }
    clock.lap("bound and costing");
    Explanations why = explain(data, chosen, priced.providers(), deadline);
    clock.lap("shadow prices and next best");
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
            why.nextBest(),
            clock.laps(),
            data.options.size());
    return gap.doubleValue() <= options.relativeGap() + 1e-9
        ? new PlanOutcome.Optimal(plan)
        : new PlanOutcome.Feasible(plan, gap);
  }

  /** What a solve gave: an assignment (or null), the proven bound (objective units) and how. */
  private record Solved(
      @org.jspecify.annotations.Nullable Assignment assignment,
      double bound,
      MPSolver.ResultStatus status,
      String source) {}

  private static Solved solveMip(
      PlanData data,
      PlanOptions options,
      Baselines.@org.jspecify.annotations.Nullable Result best,
      Deadline deadline) {
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      PlanModel model = new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      if (best != null) hint(mip, model.valuesOf(best.assignment()));
      // The MIP gets what is left of the whole plan's time, its own model build included.
      mip.setTimeLimit(deadline.remainingMillis());
      MPSolverParameters params = new MPSolverParameters();
      params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeGap());
      MPSolver.ResultStatus status = mip.solve(params);
      boolean found =
          status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
      double bound =
          status == MPSolver.ResultStatus.INFEASIBLE ? Double.NaN : mip.objective().bestBound();
      return new Solved(found ? model.solution() : null, bound, status, "solver");
    } finally {
      mip.delete();
    }
  }

  private static Solved relaxAndRound(PlanData data, Deadline deadline) {
    RelaxAndRound.Result r = RelaxAndRound.solve(data, deadline);
    MPSolver.ResultStatus status =
        Double.isNaN(r.bound()) ? MPSolver.ResultStatus.NOT_SOLVED : MPSolver.ResultStatus.FEASIBLE;
    return new Solved(r.assignment(), r.bound(), status, "relaxation rounded");
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
      PlanData data, Assignment chosen, List<ProviderYear> providers, Deadline deadline) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      PlanModel fixed = new PlanModel(data, lp, PlanModel.Mode.FIXED_LP, chosen).build();
      fixed.fixRofr(fixed.valuesOf(chosen));
      // Presolve turns one-variable capacity rows into bounds and their duals into reduced costs.
      lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      lp.setTimeLimit(deadline.remainingMillis());
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
