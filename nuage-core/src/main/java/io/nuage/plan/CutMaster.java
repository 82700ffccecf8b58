package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.jspecify.annotations.Nullable;

/**
 * The master LP of the multi-cut L-shaped method (docs/deals.md section 5): yearly minimums {@code
 * m} within bounds and a range of their total, one {@code θ_j} per future, and the cuts {@code θ_j
 * ≥ b + s · (m − m^r)} added as the futures are evaluated; minimises {@code Σ p_j θ_j}. Inside,
 * money is in billions so the LP stays well scaled. Each answer is checked: the point against every
 * row and bound, and the lower bound taken from the duals ({@link ModelRows#dualBound}), not from
 * the objective at the point.
 */
public final class CutMaster implements AutoCloseable {
  private static final double SCALE = 1e-9;

  /** The most a future may cost in the master ($10^16): far above any scenario's. */
  private static final double THETA_LIMIT = 1e7;

  /** The master's answer: its minimums (dollars) and a proven lower bound on its optimum. */
  public record Solution(double[] minimums, double lowerBound) {}

  private static final @Nullable String debugFile = System.getenv("NUAGE_DEAL_MASTER_DUMP");

  private static final java.util.List<String> RETRIES =
      java.util.List.of("use_dual_simplex: true", "use_preprocessing: false");

  private final MPSolver lp;
  private final MPVariable[] m;
  private final double scale;
  private final MPVariable[] theta;
  private final double[] weights;
  private @Nullable MPConstraint cvarLimit;
  private @Nullable MPVariable eta;
  private MPVariable[] excess = new MPVariable[0];
  private double tail;

  /**
   * @param lo each year's smallest minimum (dollars)
   * @param hi each year's largest minimum
   * @param sumLo the smallest total (the tier's start)
   * @param sumHi the largest total (the next tier's start, or infinity)
   * @param weights each future's probability (summing to 1)
   */
  public CutMaster(double[] lo, double[] hi, double sumLo, double sumHi, double[] weights) {
    this(lo, hi, sumLo, sumHi, weights, 1);
  }

  /**
   * @param dollarsPerUnit what one unit of the first stage is worth (1 for minimums, which are
   *     dollars; a reservation's fee per GPU for its GPUs, docs/deals.md section 5.1): it is scaled
   *     as that much money, so the master stays as well scaled as its {@code θ}
   */
  public CutMaster(
      double[] lo,
      double[] hi,
      double sumLo,
      double sumHi,
      double[] weights,
      double dollarsPerUnit) {
    this.lp = Natives.solver(RelaxAndRound.LP);
    this.m = new MPVariable[lo.length];
    this.scale = dollarsPerUnit == 1 ? SCALE : SCALE * dollarsPerUnit;
    // the total in the variables' own units: coefficient 1 (exactly, when they are dollars)
    double per = SCALE / scale;
    MPConstraint total =
        lp.makeConstraint(
            sumLo * SCALE, Double.isInfinite(sumHi) ? MPSolver.infinity() : sumHi * SCALE, "total");
    for (int y = 0; y < lo.length; y++) {
      m[y] = lp.makeNumVar(lo[y] * scale, hi[y] * scale, "m[" + y + "]");
      total.setCoefficient(m[y], per);
    }
    this.weights = weights.clone();
    this.theta = new MPVariable[weights.length];
    for (int j = 0; j < weights.length; j++) {
      // finite bounds keep the dual bound finite whatever a reduced cost's noise
      theta[j] = lp.makeNumVar(-THETA_LIMIT, THETA_LIMIT, "theta[" + j + "]");
      lp.objective().setCoefficient(theta[j], weights[j]);
    }
    lp.objective().setMinimization();
  }

  /** {@code θ_j ≥ bound + slope · (m − at)}, every figure in dollars. */
  public void cut(int j, double bound, double[] slope, double[] at) {
    if (!Double.isFinite(bound)
        || java.util.Arrays.stream(slope).anyMatch(v -> !Double.isFinite(v)))
      throw new IllegalArgumentException(
          "a cut must be finite (bound "
              + bound
              + ", slope "
              + java.util.Arrays.toString(slope)
              + ")");
    double rhs = bound;
    for (int y = 0; y < slope.length; y++) rhs -= slope[y] * at[y];
    MPConstraint row = lp.makeConstraint(rhs * SCALE, MPSolver.infinity(), "cut");
    row.setCoefficient(theta[j], 1);
    double per = SCALE / scale;
    for (int y = 0; y < slope.length; y++)
      if (slope[y] != 0) row.setCoefficient(m[y], -slope[y] * per);
  }

  /**
   * Bounds the CVaR at {@code level} of the futures' values (Rockafellar-Uryasev): {@code η + Σ_j
   * p_j s_j / (1 − level) ≤ max} with {@code s_j ≥ θ_j − η}, {@code s_j ≥ 0}. The {@code θ_j}
   * under-estimate the values, so the row is a relaxation of the limit on the true values.
   */
  public void limitCvar(double level, double max) {
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("CVaR level " + level);
    this.tail = 1 - level;
    this.eta = lp.makeNumVar(-THETA_LIMIT, THETA_LIMIT, "eta");
    this.excess = new MPVariable[theta.length];
    this.cvarLimit = lp.makeConstraint(-MPSolver.infinity(), max * SCALE, "cvar");
    cvarLimit.setCoefficient(eta, 1);
    for (int j = 0; j < theta.length; j++) {
      excess[j] = lp.makeNumVar(0, 2 * THETA_LIMIT, "s[" + j + "]");
      MPConstraint row = lp.makeConstraint(0, MPSolver.infinity(), "excess[" + j + "]");
      row.setCoefficient(excess[j], 1);
      row.setCoefficient(theta[j], -1);
      row.setCoefficient(eta, 1);
      cvarLimit.setCoefficient(excess[j], weights[j] / tail);
    }
  }

  /** {@code θ_j ≥ bound}: the value at the smallest minimums bounds every other (monotone). */
  public void floor(int j, double bound) {
    theta[j].setLb(Math.max(theta[j].lb(), bound * SCALE));
  }

  /**
   * The master's answer, or null when a CVaR limit makes it infeasible, which is proven, not read
   * from the solver's status: the least CVaR the cuts allow (the same LP without the limit,
   * minimising the limit's left-hand side) has a checked bound above the limit.
   *
   * @throws IllegalStateException when the master has no optimum and no proof of infeasibility, or
   *     its point or bound does not hold
   */
  public @Nullable Solution solveWithinLimit() {
    MPConstraint limit = cvarLimit;
    if (limit == null) return solve();
    try {
      return solve();
    } catch (IllegalStateException e) {
      if (leastCvar() <= limit.ub() + 1e-9 * Math.max(1, Math.abs(limit.ub()))) throw e;
      return null;
    }
  }

  /** A proven lower bound on the limited CVaR's left-hand side over the cuts (scaled units). */
  private double leastCvar() {
    MPConstraint limit = java.util.Objects.requireNonNull(cvarLimit);
    MPVariable e = java.util.Objects.requireNonNull(eta);
    double ub = limit.ub();
    limit.setUb(MPSolver.infinity());
    try {
      lp.objective().clear();
      lp.objective().setCoefficient(e, 1);
      for (int j = 0; j < excess.length; j++)
        lp.objective().setCoefficient(excess[j], weights[j] / tail);
      lp.objective().setMinimization();
      lp.reset();
      return ModelRows.checkedOptimum(lp, Natives.solve(lp), "the deal's least-CVaR LP").bound();
    } finally {
      limit.setUb(ub);
      lp.objective().clear();
      for (int j = 0; j < theta.length; j++) lp.objective().setCoefficient(theta[j], weights[j]);
      lp.objective().setMinimization();
      lp.reset();
    }
  }

  /**
   * @throws IllegalStateException when the master has no optimum, or its point or bound does not
   *     hold
   */
  public Solution solve() {
    MPSolver.ResultStatus status = Natives.solve(lp);
    for (int i = 0; status != MPSolver.ResultStatus.OPTIMAL && i < RETRIES.size(); i++) {
      // GLOP once answered INFEASIBLE on a wait-and-see master of the example (50 futures, 2
      // threads) that no rerun reproduced: from scratch, with other parameters, before giving up
      lp.reset();
      lp.setSolverSpecificParametersAsString(RETRIES.get(i));
      status = Natives.solve(lp);
    }
    if (status != MPSolver.ResultStatus.OPTIMAL && debugFile != null) {
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(debugFile), lp.exportModelAsLpFormat(false));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    double bound = ModelRows.checkedOptimum(lp, status, "the deal's master LP").bound();
    double[] at = new double[m.length];
    for (int y = 0; y < m.length; y++) at[y] = m[y].solutionValue() / scale;
    return new Solution(at, bound / SCALE);
  }

  @Override
  public void close() {
    lp.delete();
  }
}
