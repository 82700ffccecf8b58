package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The second stage of a deal (docs/deals.md section 5): one future's recourse model as an LP (the
 * gangs and every binary relaxed), built once, in which the deal's yearly minimums are only the
 * right-hand sides of its shortfall rows, so that each evaluation changes {@code Y} bounds and
 * re-solves from the last basis. Each answer is checked: the point against every row and bound, and
 * the value's lower bound taken from the duals alone ({@link ModelRows#dualBound}), so a cut made
 * from it is valid whatever the solver's tolerances.
 */
public final class SecondStage implements AutoCloseable {
  /**
   * The second stage at some minimums.
   *
   * @param objective the LP's objective at its checked point plus the fixed cost (dollars): what
   *     serving the future costs at these minimums, with the recourse's penalties
   * @param bound a lower bound on that value from the duals (dollars)
   * @param slope {@code bound}'s derivative in each yearly minimum (dollars per dollar): {@code
   *     bound + slope · (m' − m)} bounds the value at every other {@code m'} from below
   * @param steering the part of {@code objective} that steers and is not money (docs/risk.md
   *     section 2.0: the share-cap excess and the unmet and unplaced steering), at the checked
   *     point; at least 0
   */
  public record Value(double objective, double bound, double[] slope, double steering) {
    /** What the future costs in money at these minimums: the objective less its steering. */
    public double money() {
      return objective - steering;
    }
  }

  private final PlanData data;
  private final @Nullable String contract;
  private final double fixed;
  private final double timeLimitSeconds;
  private MPSolver lp;
  private List<MPConstraint> rows = new ArrayList<>();
  private List<PlanModel.Steer> steering = new ArrayList<>();
  private double[] ratio;
  private boolean clp;

  /**
   * @param future the future's scenario, with the deal (if any) at its widest minimums: a
   *     shortfall's bound in the model is twice its minimum, so no later minimum may exceed them
   * @param contract the deal's id; null for a future without one (only {@link #at} with no years)
   */
  public SecondStage(
      Scenario future, RecourseTerms terms, @Nullable String contract, PlanOptions options) {
    this.data = new PlanData(future, options.maxGangOptions(), null, terms);
    this.contract = contract;
    this.timeLimitSeconds = options.timeLimitSeconds();
    this.fixed = FixedCosts.of(data).total().doubleValue();
    this.lp = Natives.solver(RelaxAndRound.LP);
    this.ratio = build();
  }

  /** Builds the model on {@link #lp}; the minimum rows and their pro-rating ratios. */
  private double[] build() {
    PlanModel m = new PlanModel(data, lp, PlanModel.Mode.MIP, null);
    if (contract != null) m.withoutShortfallLogic(contract);
    m.build();
    steering = List.copyOf(m.steering);
    rows = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (PlanModel.ShortfallYear y : m.shortfalls.values()) {
      if (!y.contract().id().equals(contract)) continue;
      rows.add(y.row());
      // a contract year cut by the horizon keeps its pro-rated part of any minimum
      ratios.add(y.proRating());
    }
    return ratios.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The deal's contract years inside the horizon (those {@link #at} takes minimums for). */
  public int years() {
    return rows.size();
  }

  /**
   * The second stage with yearly minimums {@code minimums} (dollars, one per contract year, the
   * full year's: a year cut by the horizon is pro-rated here as the planner does).
   *
   * @throws IllegalStateException when the LP has no optimum in time, or its point or bound does
   *     not hold
   */
  public Value at(double[] minimums) {
    if (minimums.length != rows.size())
      throw new IllegalArgumentException(
          "expected " + rows.size() + " minimums, got " + minimums.length);
    MPSolver.ResultStatus status = solve(minimums);
    if (status == MPSolver.ResultStatus.ABNORMAL && !clp) {
      // GLOP answered ABNORMAL with every parameter set (seen on the example's futures after a
      // change of right-hand sides): the same model on CLP, built afresh, from then on
      lp.delete();
      lp = Natives.solver("CLP");
      clp = true;
      ratio = build();
      status = solve(minimums);
    }
    ModelRows.CheckedOptimum checked = ModelRows.checkedOptimum(lp, status, "the second-stage LP");
    double[] slope = new double[rows.size()];
    for (int y = 0; y < rows.size(); y++)
      slope[y] = Math.max(0, checked.duals()[rows.get(y).index()]) * PlanModel.USD * ratio[y];
    double steer = 0;
    for (PlanModel.Steer s : steering) steer += s.coefficient() * s.variable().solutionValue();
    return new Value(
        lp.objective().value() + fixed, checked.bound() + fixed, slope, Math.max(0, steer));
  }

  private MPSolver.ResultStatus solve(double[] minimums) {
    for (int y = 0; y < rows.size(); y++)
      rows.get(y).setBounds(minimums[y] * ratio[y] * PlanModel.USD, PlanModel.INFINITY);
    MPSolver.ResultStatus status = MPSolver.ResultStatus.ABNORMAL;
    if (clp) {
      lp.setTimeLimit((long) (timeLimitSeconds * 1000));
      return Natives.solve(lp);
    }
    boolean first = true;
    for (String params : RelaxAndRound.RECOURSE_LP) {
      lp.setSolverSpecificParametersAsString(params);
      if (!first) lp.reset();
      first = false;
      lp.setTimeLimit((long) (timeLimitSeconds * 1000));
      status = Natives.solve(lp);
      if (status != MPSolver.ResultStatus.ABNORMAL) break;
    }
    return status;
  }

  @Override
  public void close() {
    lp.delete();
  }
}
